"""Importing team grades in the window keeps the file's token columns as ledger entries, in the
same undo step as the grades."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.store import TokenEntry
from tests.ui.import_steps import import_sample_grades
from ui.context import AppContext
from ui.grades.page import GradesPage

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def test_grades_import_stores_the_token_columns(qtbot: QtBot, tmp_path: Path) -> None:
    ctx = AppContext()
    ctx.open(create_sample_course(tmp_path / "c.teamtool"))
    course = ctx.require_course()
    m1, m2 = course.milestones()
    assert m1.id is not None
    assert m2.id is not None
    course.set_team_grade(m2.id, "Team 5", 10.0)
    course.set_token_entry(m1.id, "Team 11", TokenEntry(3))  # 5 tokens left for M2
    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.bar.select(m2.id)
    import_sample_grades(page.team_grades, "M2 Prototype")
    assert course.token_entries() == {
        m1.id: {"Team 11": TokenEntry(3)},
        m2.id: {"Team 5": TokenEntry(0, 1, 62.0), "Team 11": TokenEntry(6, 0, None)},
    }
    assert course.milestone(m2.id).grades["Team 5"] == 90.5
    # the editable team grades stay the file's; the adjustment uses the ledger's
    assert page.team_grades.model.data(page.team_grades.model.index(10, 2)) == "76"
    assert page.inputs is not None
    assert page.inputs.graded()["Team 11"] == 0.0  # 6 days late, 5 tokens left: no credit
    ctx.undo_stack.undo()  # one step: grades and tokens
    assert course.token_entries() == {m1.id: {"Team 11": TokenEntry(3)}}
    assert course.milestone(m2.id).grades["Team 5"] == 10.0
