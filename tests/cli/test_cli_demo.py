"""``teamtool demo`` runs the whole job on the sample course and says where the results are."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from teamtool.cli import main
from teamtool.store import Course


def test_demo_writes_every_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--time-limit", "1"]) == 0
    printed = capsys.readouterr().out
    assert f"Everything is in {out.resolve()}" in printed
    expected = [
        "sample-course.teamtool", "roster-summary.xlsx", "formed-teams.xlsx", "formed-teams.csv",
        "canvas-groups.csv", "adjusted grades.xlsx", "canvas grades import.csv",
        "feedback mail merge.csv", "adjusted grades.csv", "mentors.csv", "preview page.html",
    ]  # fmt: skip
    for name in expected:
        assert (out / name).is_file(), name
    with Course.open(out / "sample-course.teamtool") as course:
        assert len(course.roster()) == 48
        assert [t.name for t in course.team_sets()] == ["Formed teams", "Project teams"]
        assert [m.name for m in course.milestones()] == ["M1 Proposal", "M2 Prototype"]
    with (out / "formed-teams.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 48
    assert {len([r for r in rows if r["team"] == t]) for t in {r["team"] for r in rows}} <= {
        3,
        4,
        5,
    }
    with (out / "adjusted grades.csv").open(encoding="utf-8-sig") as fh:
        grades = {(r["student_id"], r["milestone"]): r for r in csv.DictReader(fh)}
    # Ryan O'Connor, the sample's low performer in M1: 84 x 46.875 / 71.875 = 54.78.
    assert float(grades[("s1011", "M1 Proposal")]["grade"]) == pytest.approx(54.78, abs=0.005)
    book = load_workbook(out / "adjusted grades.xlsx")
    assert "Summary" in book.sheetnames
    assert "Tokens" in book.sheetnames


def test_demo_runs_the_team_process(tmp_path: Path) -> None:
    """Mentors for the project teams (same section), the sample's tokens (Team 11 is 6 days
    late on M2 with 5 tokens left: no credit), a debrief per mentor and milestone, the page."""
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--time-limit", "1"]) == 0
    with (out / "mentors.csv").open(encoding="utf-8-sig") as fh:
        mentors = {r["team"]: r["mentor"] for r in csv.DictReader(fh)}
    assert len(mentors) == 12
    with Course.open(out / "sample-course.teamtool") as course:
        project = course.team_sets()[1]
        assert project.id is not None
        assert {t: m.name for t, m in course.team_mentors(project.id).items()} == mentors
    with (out / "adjusted grades.csv").open(encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(fh) if r["milestone"] == "M2 Prototype"]
    team_11 = [r for r in rows if r["team"] == "Team 11"]
    assert {float(r["grade"]) for r in team_11} == {0.0}
    assert all("late-no-tokens" in r["flags"] for r in team_11)
    debriefs = sorted((out / "debriefs").iterdir())
    assert len(debriefs) == 2 * len(set(mentors.values()))
    mentor_11 = mentors["Team 11"]
    (page,) = [p for p in debriefs if p.name == f"debriefs - M2 Prototype - {mentor_11}.html"]
    text = page.read_text(encoding="utf-8")
    block = text[text.index("Team 11") :]
    assert f"<span>Mentor: {mentor_11}</span><span>Tokens left: 5</span>" in block
    preview = (out / "preview page.html").read_text(encoding="utf-8")
    assert "M2 Prototype" in preview


def test_a_changed_earlier_demo_course_survives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#14 item 9: a second run writes sample-course-2.teamtool and says so; the first course,
    changed by the user in between, keeps every byte."""
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--time-limit", "1"]) == 0
    first = out / "sample-course.teamtool"
    with Course.open(first) as course:
        course.set_meta("name", "My own course now")
    before = first.read_bytes()
    capsys.readouterr()
    assert main(["demo", "--out", str(out), "--time-limit", "1"]) == 0
    printed = capsys.readouterr().out
    assert f"{first} exists already" in printed
    assert "this run's course is sample-course-2.teamtool" in printed
    assert first.read_bytes() == before
    with Course.open(first) as course:
        assert course.meta("name") == "My own course now"
    with Course.open(out / "sample-course-2.teamtool") as course:
        assert len(course.roster()) == 48
    assert main(["demo", "--out", str(out), "--time-limit", "1"]) == 0
    assert (out / "sample-course-3.teamtool").is_file()
