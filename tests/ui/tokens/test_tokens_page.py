"""The Tokens step: the instructor types a team's late days and resubmissions in the ledger
table; spent and left follow, the Grades step's team grade and flags follow, and undo/redo
put everything back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamtool.course.milestone_inputs import load_inputs
from teamtool.demo.sample_course import create_sample_course
from teamtool.store import TokenEntry
from ui.context import AppContext
from ui.tokens.ledger_model import COL_DAYS, COL_LEFT, COL_ORIGINAL, COL_RESUBS, COL_SPENT
from ui.tokens.page import PERCENT, TokensPage


def cell(page: TokensPage, row: int, col: int) -> object:
    return page.model.data(page.model.index(row, col), Qt.ItemDataRole.DisplayRole)


def edit(page: TokensPage, row: int, col: int, text: str) -> bool:
    return page.model.setData(page.model.index(row, col), text, Qt.ItemDataRole.EditRole)


def sample_tokens_page(qtbot: QtBot, tmp_path: Path) -> tuple[AppContext, TokensPage]:
    """The sample course open and its Tokens page shown."""
    ctx = AppContext()
    ctx.open(create_sample_course(tmp_path / "c.teamtool"))
    page = TokensPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return ctx, page


def test_ledger_table_edits_are_undoable_and_reach_the_grades(qtbot: QtBot, tmp_path: Path) -> None:
    ctx, page = sample_tokens_page(qtbot, tmp_path)
    course = ctx.require_course()
    m1, m2 = (m.id for m in course.milestones())
    assert m2 is not None
    assert page.team.count() == 12
    page.team.setCurrentText("Team 11")
    assert page.model.rowCount() == 2
    assert (cell(page, 0, COL_SPENT), cell(page, 0, COL_LEFT)) == (0, 8)

    assert edit(page, 0, COL_DAYS, "3")  # M1: 3 days late, paid
    assert edit(page, 1, COL_DAYS, "6")  # M2: 6 more with 5 left: no credit
    assert course.token_entries() == {
        m1: {"Team 11": TokenEntry(3)},
        m2: {"Team 11": TokenEntry(6)},
    }
    assert [(cell(page, r, COL_SPENT), cell(page, r, COL_LEFT)) for r in (0, 1)] == [(3, 5), (0, 5)]
    assert "no credit" in str(cell(page, 1, 6))
    assert page.summary.text() == "Team 11: 8 tokens, 3 spent, 5 left"
    result = load_inputs(course, m2).adjust()
    team11 = [r for r in result.students if r.team == "Team 11"]
    assert all(r.team_grade == 0.0 for r in team11)
    assert all("late-no-tokens" in {f.code for f in r.flags} for r in team11)

    ctx.undo_stack.undo()  # M2's late days
    assert course.token_entries() == {m1: {"Team 11": TokenEntry(3)}}
    assert (cell(page, 1, COL_DAYS), cell(page, 1, COL_LEFT)) == (0, 5)
    ctx.undo_stack.redo()
    assert cell(page, 1, COL_DAYS) == 6

    # A refused resubmission needs the original grade; bad values are refused, not stored.
    assert not edit(page, 0, COL_RESUBS, "-1")
    assert not edit(page, 0, COL_RESUBS, "1.5")
    assert edit(page, 0, COL_ORIGINAL, "70")
    assert edit(page, 0, COL_RESUBS, "2")  # 6 tokens after 3 late days: 2 x 3 = 6 > 5 left
    assert "resubmission refused" in str(cell(page, 0, 6))
    result = load_inputs(course, m1).adjust()
    assert {r.team_grade for r in result.students if r.team == "Team 11"} == {70.0}
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert course.token_entries()[m1] == {"Team 11": TokenEntry(3)}


def test_token_setting_is_undoable(qtbot: QtBot, tmp_path: Path) -> None:
    ctx, page = sample_tokens_page(qtbot, tmp_path)
    course = ctx.require_course()
    page.tokens.setValue(5)
    assert course.token_settings().tokens_per_team == 5
    page.policy.setCurrentIndex(PERCENT)
    page.percent.setValue(10)
    assert course.token_settings().late_percent_per_day == 10
    ctx.undo_stack.undo()
    ctx.undo_stack.undo()
    assert course.token_settings().late_percent_per_day is None
    assert page.policy.currentIndex() == 0
    ctx.undo_stack.undo()
    assert course.token_settings().tokens_per_team == 8
    assert page.tokens.value() == 8
