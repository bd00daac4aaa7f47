"""The Kind column of the survey import report shows a plain label for every problem code the
survey importers produce, never a raw code such as ``blank-rating``.

The codes are collected two ways: by importing every sample survey and every survey of the
ratings tests (the hostile ones included) plus a few more hostile files written here, and by
reading the code passed to every ``problems.add(...)``/``Problem(...)`` in teamtool/ratings."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

import teamtool.ratings
from teamtool.errors import TeamtoolError
from teamtool.files.teamfile import load_team_set
from teamtool.model import Milestone, Roster, TeamSet
from teamtool.problems import Problem
from teamtool.ratings import import_survey
from teamtool.roster import import_roster
from tests.ui.import_steps import open_survey_import
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.problem_kinds import KIND_LABELS, fill_report, kind_label, stored_line

ROOT = Path(__file__).resolve().parents[3]
SAMPLES, DATA = ROOT / "samples", ROOT / "tests" / "ratings" / "data"
CODE = re.compile(r"[a-z]+(?:-[a-z]+)+")

#: Hostile long-format surveys of the small course of the ratings tests (s01-s03 are Team A,
#: s04-s06 Team B): a negative number (not on the scale), a teammate rated twice, a rating of
#: someone in another team, a rater who is no student and an empty ratee, a blank rating.
HOSTILE = {
    "negative.csv": "rater,ratee,rating\ns01,s01,90\ns01,s02,-5\ns01,s03,80\n",
    "conflicting.csv": "rater,ratee,rating\ns01,s02,Excellent\ns01,s02,No show\n",
    "out_of_team.csv": "rater,ratee,rating\ns01,s04,Excellent\ns01,s02,Excellent\n",
    "stranger.csv": "rater,ratee,rating\nNobody Known,s02,Excellent\ns01,,Excellent\n",
    "blank.csv": "rater,ratee,rating\ns01,s02,\ns01,s03,Very good\n",
}


def small_course() -> tuple[Roster, TeamSet]:
    roster = import_roster(DATA / "roster.csv").roster
    return roster, load_team_set(DATA / "teams.csv", roster)


def imported_problems(tmp_path: Path) -> list[Problem]:
    sample_roster = import_roster(SAMPLES / "roster.csv").roster
    sample_teams = load_team_set(SAMPLES / "teams.csv", sample_roster)
    roster, teams = small_course()
    runs = [(p, sample_roster, sample_teams) for p in sorted((SAMPLES / "surveys").iterdir())]
    surveys = [p for p in sorted(DATA.iterdir()) if p.stem not in ("roster", "teams")]
    runs += [(p, roster, teams) for p in surveys if not p.stem.startswith("scale_")]
    for name, text in HOSTILE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        runs.append((tmp_path / name, roster, teams))
    problems: list[Problem] = []
    for path, who, teams_of in runs:
        for scale in (None, str(DATA / "scale_custom.csv")):
            try:
                survey = import_survey(path, who, teams_of, scale=scale)
            except TeamtoolError:
                continue  # refused whole (e.g. answers not on the custom scale): no report
            problems += survey.problems
    return problems


def codes_in_source() -> set[str]:
    """The codes written in teamtool/ratings as the first argument of ``….add(code, …)`` or
    ``Problem(code, …)``; a variable there counts with every code assigned to it."""
    codes: set[str] = set()
    for path in Path(teamtool.ratings.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, list[ast.expr]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in ("add", "Problem"):
                continue
            first = node.args[0]
            values = assigned.get(first.id, []) if isinstance(first, ast.Name) else [first]
            codes |= {text for value in values for text in code_constants(value)}
    return codes


def code_constants(expr: ast.expr) -> set[str]:
    """The strings in ``expr`` that look like codes (``a if x else "b"`` gives both)."""
    texts = [n.value for n in ast.walk(expr) if isinstance(n, ast.Constant)]
    return {t for t in texts if isinstance(t, str) and CODE.fullmatch(t)}


def test_every_code_the_importers_produce_has_a_label(qtbot: QtBot, tmp_path: Path) -> None:
    problems = imported_problems(tmp_path)
    produced = {p.code for p in problems}
    # The files above really exercise the importers: the common codes and the hostile ones.
    assert {"blank-rating", "non-respondent", "duplicate-submission", "unknown-label",
            "duplicate-rating", "out-of-team", "unknown-person", "missing-rating", "self-missing",
            "wrong-teams", "partial-response", "preview-response"} <= produced  # fmt: skip
    assert not produced - KIND_LABELS.keys()
    table = QTableWidget(0, 3)
    qtbot.addWidget(table)
    fill_report(table, problems)
    kinds = {table.item(row, 0).text() for row in range(table.rowCount())}
    assert table.rowCount() == len(problems)
    assert not kinds & produced
    assert not [k for k in kinds if CODE.fullmatch(k)]


def test_every_code_in_the_importers_source_has_a_label() -> None:
    codes = codes_in_source()
    assert {"blank-rating", "partial-response", "wrong-teams", "numeric-answers"} <= codes
    assert sorted(codes - KIND_LABELS.keys()) == []
    assert all(kind_label(code) not in codes for code in codes)


def test_a_code_without_a_label_still_reads_as_words() -> None:
    assert kind_label("blank-rating") == "Blank rating"
    assert kind_label("some-future-code") == "Some future code"


def test_stored_report_lines_show_their_kind_not_their_code() -> None:
    line = "m1.csv: row 3: Zoë Martín (s01) did not rate José García (s03) [warning: blank-rating]"
    assert stored_line(line) == (
        "Blank rating",
        "warning",
        "m1.csv: row 3: Zoë Martín (s01) did not rate José García (s03)",
    )
    assert stored_line('m1.csv: row 2: "Awesome" is not on the scale [unknown-label]')[:2] == (
        "Unknown label",
        "error",
    )
    assert stored_line("The import reported nothing.") == (
        "",
        "info",
        "The import reported nothing.",
    )


def test_the_ratings_page_report_has_no_raw_code(qtbot: QtBot, ctx: AppContext) -> None:
    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100)))
    page, dialog = open_survey_import(qtbot, ctx, SAMPLES / "surveys" / "m1_google_forms.csv")
    combo = dialog.match_combo(0)  # "Chris Lee" is Christopher Lee
    combo.setCurrentIndex(combo.findData("s1023"))
    with qtbot.waitSignal(page.ready, timeout=10000):
        dialog.accept()
    lines = [page.report.item(i).text() for i in range(page.report.count())]
    assert lines == [
        (
            'Duplicate submission: m1_google_forms.csv: row 31, column "Timestamp": Leo Fischer '
            "(s1044) also submitted on row 33 (2026/10/14 4:14:17 AM EDT, this one 2026/10/14 "
            "2:00:36 AM EDT); the later one is used and this one is ignored"
        ),
        "Non-respondent: m1_google_forms.csv: Ivan Petrov (s1041) (Team 10) submitted no ratings",
    ]
