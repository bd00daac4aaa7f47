"""The token ledger in the course file: schema version 5, entries, the setting, and the window's
adjustment (load_inputs) using the ledger's grades and flags."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamtool.course.adjust_export import PLAIN, ExportChoice, gather, write_exports
from teamtool.course.milestone_inputs import load_inputs
from teamtool.demo.sample_course import create_sample_course
from teamtool.errors import CourseFileError
from teamtool.files.gradesfile import load_team_grades
from teamtool.store import Course, TokenEntry
from teamtool.store.schema import SCHEMA_VERSION
from teamtool.tokens import TokenSettings
from teamtool.tokens.course import course_tokens, store_token_columns, team_ledger_rows

DATA = Path(__file__).resolve().parents[1] / "store" / "data"
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def tables(path: Path) -> tuple[int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return version, names
    finally:
        conn.close()


def test_an_old_course_file_gains_the_token_ledger(tmp_path: Path) -> None:
    old = Path(shutil.copy(DATA / "v2_newest_team_set.teamtool", tmp_path / "old.teamtool"))
    assert tables(old)[0] == 2
    assert "token_uses" not in tables(old)[1]
    with Course.open(old) as course:
        m1 = course.milestones()[0]
        assert m1.id is not None
        assert course.token_entries() == {}
        assert course.token_settings() == TokenSettings()
        course.set_token_entry(m1.id, "Team 1", TokenEntry(days_late=2))
        assert len(m1.grades) == 12  # the file's own data kept
    version, names = tables(old)
    assert version == SCHEMA_VERSION == 5
    assert "token_uses" in names


def test_version_5_applies_to_any_version_4_file(tmp_path: Path) -> None:
    """The migration does not depend on version 4's content (another branch's mentors)."""
    path = tmp_path / "v4.teamtool"
    Course.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE token_uses")
    conn.execute("CREATE TABLE something_of_version_4(x TEXT)")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Course.open(path) as course:
        assert course.token_entries() == {}
    version, names = tables(path)
    assert version == 5
    assert {"token_uses", "something_of_version_4"} <= names


def test_entries_setting_and_undo_values(tmp_path: Path) -> None:
    path = create_sample_course(tmp_path / "c.teamtool")
    with Course.open(path) as course:
        m1, m2 = (m.id for m in course.milestones())
        assert m1 is not None
        assert m2 is not None
        before = course.set_token_entry(m1, "Team 2", TokenEntry(3, 0))
        assert before == TokenEntry()
        before = course.set_token_entry(m1, "Team 2", TokenEntry(4, 1, 60.0))
        assert before == TokenEntry(3, 0)
        course.set_token_entry(m2, "Team 2", TokenEntry(2))
        assert course.token_entries() == {
            m1: {"Team 2": TokenEntry(4, 1, 60.0)},
            m2: {"Team 2": TokenEntry(2)},
        }
        course.set_token_entry(m2, "Team 2", TokenEntry())  # empty: removed
        assert m2 not in course.token_entries()
        assert course.set_token_settings(TokenSettings(tokens_per_team=5)) == TokenSettings()
        assert course.token_settings().tokens_per_team == 5
        with pytest.raises(CourseFileError, match="0 or more"):
            course.set_token_entry(m1, "Team 2", TokenEntry(-1))
        with pytest.raises(CourseFileError, match="no milestone"):
            course.set_token_entry(999, "Team 2", TokenEntry(1))
        actions = [e.action for e in course.audit_log()]
        assert actions.count("set-tokens") == 4


def test_the_window_adjusts_with_the_ledger(tmp_path: Path) -> None:
    """The sample grades file's token columns stored in the sample course: M2's Team 11 (6
    days late, 5 tokens left) gets no credit and every member is flagged, as on the CLI."""
    path = create_sample_course(tmp_path / "c.teamtool")
    with Course.open(path) as course:
        grades = load_team_grades(SAMPLES / "grades.csv")
        assert store_token_columns(course, grades) == 4
        outcome = course_tokens(course)
        assert outcome is not None
        assert [(r.milestone, r.spent, r.left) for r in outcome.ledger["Team 11"]] == [
            ("M1 Proposal", 3, 5),
            ("M2 Prototype", 0, 5),
        ]
        m1, m2 = (m.id for m in course.milestones())
        assert m2 is not None
        result = load_inputs(course, m2).adjust()
        team11 = [r for r in result.students if r.team == "Team 11"]
        assert team11
        assert all(r.team_grade == 0.0 for r in team11)
        assert all("late-no-tokens" in {f.code for f in r.flags} for r in team11)
        team5 = next(r for r in result.students if r.team == "Team 5")
        assert team5.team_grade == grades["M2 Prototype"]["Team 5"]  # paid resubmission
        rows = team_ledger_rows(course, "Team 5")
        assert [(mid, r.spent, r.left, e.original_grade) for mid, r, e in rows] == [
            (m1, 0, 8, None),
            (m2, 3, 5, 62.0),
        ]


def test_a_course_without_entries_adjusts_as_before(tmp_path: Path) -> None:
    path = create_sample_course(tmp_path / "c.teamtool")
    with Course.open(path) as course:
        assert course_tokens(course) is None
        m2 = course.milestones()[1]
        assert m2.id is not None
        result = load_inputs(course, m2.id).adjust()
        assert {r.team: r.team_grade for r in result.students} == m2.grades


def test_a_deleted_milestone_comes_back_with_its_token_entries(tmp_path: Path) -> None:
    path = create_sample_course(tmp_path / "c.teamtool")
    with Course.open(path) as course:
        m2 = course.milestones()[1].id
        assert m2 is not None
        course.set_token_entry(m2, "Team 5", TokenEntry(1, 1, 62.0))
        snapshot = course.delete_milestone(m2)
        assert course.token_entries() == {}
        course.restore_milestone(snapshot)
        assert course.token_entries() == {m2: {"Team 5": TokenEntry(1, 1, 62.0)}}


def test_the_window_exports_carry_the_ledger(tmp_path: Path) -> None:
    """The window's workbook gets the Tokens sheet, its plain CSV tokens_used/tokens_left."""
    path = create_sample_course(tmp_path / "c.teamtool")
    with Course.open(path) as course:
        store_token_columns(course, load_team_grades(SAMPLES / "grades.csv"))
        bundle = gather(course)
    done = write_exports(bundle, ExportChoice(tmp_path / "out", canvas=False, plain=True))
    book = next(p for p in done.written if p.suffix == ".xlsx")
    assert "Tokens" in load_workbook(book).sheetnames
    plain = next(p for p in done.written if p.name == PLAIN)
    with plain.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    team11 = [r for r in rows if r["team"] == "Team 11" and r["milestone"] == "M2 Prototype"]
    assert {(r["team_grade"], r["tokens_used"], r["tokens_left"]) for r in team11} == {
        ("0", "3", "5")
    }
    assert all("late-no-tokens" in r["flags"] for r in team11)
