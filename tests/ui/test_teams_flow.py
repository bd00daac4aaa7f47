"""The Teams step driven through its real widgets: criteria, solve, drag, undo, lock, export."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

import solver
from teamtool.formation import build_instance
from teamtool.model import Roster, TeamSet
from teamtool.store import Course
from ui.main_window import MainWindow
from ui.teams.board import TeamBoard
from ui.teams.criteria import saved_criteria, to_formation
from ui.teams.page import TeamsPage

FAST = 0.3  # seconds of solver time per test run


def value(roster: Roster, sid: str, attribute: str) -> object:
    return roster.by_id()[sid].get(attribute)


def gpa(roster: Roster, sid: str) -> float:
    number = roster.by_id()[sid].get("GPA")
    assert isinstance(number, float)
    return number


def set_fast_criteria(page: TeamsPage, *, min_size: int = 3, max_size: int = 5) -> None:
    panel = page.criteria_panel
    panel.min_size.setValue(min_size)
    panel.max_size.setValue(max_size)
    panel.time_limit.setValue(FAST)
    panel.seed.setValue(7)


def solve(page: TeamsPage, qtbot: QtBot, timeout: int = 20000) -> str:
    with qtbot.waitSignal(page.solve_finished, timeout=timeout) as blocker:
        assert page.start_solve() is not None
    board(page, qtbot)
    return str(blocker.args[0])


def board(page: TeamsPage, qtbot: QtBot) -> TeamBoard:
    """The board once every card is built (large sets are built over several event-loop turns)."""
    qtbot.waitUntil(lambda: page.board.complete)
    return page.board


def check_partition(course: Course, team_set: TeamSet) -> None:
    """Every active student in exactly one team, no hard rule broken (the solver's validator)."""
    roster = course.roster()
    members = [sid for team in team_set.teams.values() for sid in team]
    assert sorted(members) == sorted(s.id for s in roster.active())
    criteria = to_formation({**saved_criteria(team_set), "locked_teams": []})
    instance, config = build_instance(roster, criteria)
    assert solver.violations(instance, config, list(team_set.teams.values())) == []


def test_solve_with_criteria_stores_a_valid_team_set(window: MainWindow, qtbot: QtBot) -> None:
    """Sizes 4–4, GPA balanced, no isolated woman: 12 valid teams of 4 stored in the course."""
    page = window.teams_page
    window.show_step(1)
    set_fast_criteria(page, min_size=4, max_size=4)
    rows = page.criteria_panel.rules.rows
    rows["Gender"].rule.setCurrentIndex(rows["Gender"].rule.findData("no-isolation"))
    rows["Gender"].value.setCurrentText("F")
    rows["Gender"].hard.setChecked(True)
    assert solve(page, qtbot) == "done"
    course = window.ctx.require_course()
    team_set = course.team_sets()[-1]
    assert team_set.name == "Teams 1"
    assert len(team_set.teams) == 12
    assert {len(m) for m in team_set.teams.values()} == {4}
    check_partition(course, team_set)
    roster = course.roster()
    for members in team_set.teams.values():
        women = sum(value(roster, sid, "Gender") == "F" for sid in members)
        assert women != 1
    assert len(page.board.cards) == 12
    assert page.set_combo.count() == 1
    assert "Done" in page.status.text()
    # one line per priority level: what it holds and what was proven about it
    lines = page.status.text().splitlines()[1:]
    assert lines[0].startswith("Priority 1 (schedule Availability")
    assert lines[1].startswith("Priority 2 (balance GPA, balance Programming")
    assert all("proven optimal" in line or "bound" in line for line in lines)
    assert page.progress.value() == 1000
    assert "isolated" in page.summary.text()
    assert page.board.cards[0].explanation.text().startswith("GPA mean")


def test_drag_move_and_swap_then_undo_redo(window: MainWindow, qtbot: QtBot) -> None:
    """A drop on another team moves, a drop on a student swaps; metrics follow; undo/redo."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    course = window.ctx.require_course()
    before = course.team_sets()[-1]
    first, second = page.board.cards[0].model, page.board.cards[1].model
    moved = first.members[0].id
    with qtbot.waitSignal(window.ctx.team_sets_changed):
        second.dropMimeData(
            first.mimeData([first.index(0)]), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )
    after = course.team_sets()[-1]
    assert after.team_of(moved) == second.team
    assert len(after.teams[first.team]) == len(before.teams[first.team]) - 1
    card = board(page, qtbot).card(second.team)
    assert card.model.members[-1].id == moved
    # the card's badge is the edited set's evaluation of that team (which teams the move
    # breaks depends on the teams formed, and a run cut at its time limit on a busy machine
    # forms other teams)
    assert page.view is not None
    (view,) = [t for t in page.view.teams if t.name == second.team]
    assert [m.id for m in view.members] == [m.id for m in card.model.members]
    assert card.badge.objectName() == ("badge" if view.problems else "badgeOk")
    assert card.badge.toolTip() == ("\n".join(view.problems) or "No rule broken")

    a_card, b_card = page.board.cards[2].model, page.board.cards[3].model
    a, b = a_card.members[0].id, b_card.members[0].id
    with qtbot.waitSignal(window.ctx.team_sets_changed):
        b_card.dropMimeData(
            a_card.mimeData([a_card.index(0)]), Qt.DropAction.MoveAction, -1, -1, b_card.index(0)
        )
    swapped = course.team_sets()[-1]
    assert swapped.team_of(a) == b_card.team
    assert swapped.team_of(b) == a_card.team

    window.undo_action.trigger()
    window.undo_action.trigger()
    assert course.team_sets()[-1].teams == before.teams
    assert [s.id for s in board(page, qtbot).card(first.team).model.members] == before.teams[
        first.team
    ]
    window.redo_action.trigger()
    assert course.team_sets()[-1].team_of(moved) == second.team


def test_hand_edit_updates_metrics_at_once(window: MainWindow, qtbot: QtBot) -> None:
    """After a move the card explanation shows the new GPA mean, computed from the roster."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    team_set = window.ctx.require_course().team_sets()[-1]
    roster = window.ctx.require_course().roster()
    source, target = list(team_set.teams)[:2]
    moved = team_set.teams[source][0]
    page.move_to_team(moved, target)
    members = [*team_set.teams[target], moved]
    mean = sum(gpa(roster, sid) for sid in members) / len(members)
    assert f"GPA mean {mean:.2f}" in board(page, qtbot).card(target).explanation.text()


def test_lock_a_team_and_solve_the_rest(window: MainWindow, qtbot: QtBot) -> None:
    """A locked team comes back unchanged (and still locked) in the next set; both sets kept."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    first = window.ctx.require_course().team_sets()[-1]
    card = page.board.cards[0]
    with qtbot.waitSignal(window.ctx.team_sets_changed):
        card.lock.click()
    assert window.ctx.require_course().team_sets()[-1].locked == {card.model.team}
    page.criteria_panel.seed.setValue(99)
    assert solve(page, qtbot) == "done"
    sets = window.ctx.require_course().team_sets()
    assert [s.name for s in sets] == ["Teams 1", "Teams 2"]
    second = sets[-1]
    assert second.teams[card.model.team] == first.teams[card.model.team]
    assert second.locked == {card.model.team}
    check_partition(window.ctx.require_course(), second)
    assert page.set_combo.count() == 2
    assert page.set_combo.currentIndex() == 1
    page.set_combo.setCurrentIndex(0)
    assert page.current is not None
    assert page.current.name == "Teams 1"


def test_cancel_keeps_the_best_teams_found(window: MainWindow, qtbot: QtBot) -> None:
    """An 8 s search cancelled after its first teams returns those teams, stored as a set."""
    page = window.teams_page
    set_fast_criteria(page)
    page.criteria_panel.time_limit.setValue(8)
    with qtbot.waitSignal(page.solve_finished, timeout=20000) as finished:
        job = page.start_solve()
        assert job is not None
        assert page.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: page.runner.last_progress is not None, timeout=15000)
        assert "best score" in page.status.text()
        page.cancel_button.click()
    assert finished.args == ["cancelled"]
    team_set = window.ctx.require_course().team_sets()[-1]
    result = team_set.criteria["result"]
    assert isinstance(result, dict)
    assert result["status"] == "CANCELLED"
    check_partition(window.ctx.require_course(), team_set)
    assert "Cancelled; kept the best teams found" in page.status.text()
    assert page.solve_button.isEnabled()
    assert not page.cancel_button.isEnabled()


def test_infeasible_rules_are_explained_in_a_dialog(window: MainWindow, qtbot: QtBot) -> None:
    """Same section with teams of 25 cannot hold a section of 24: the dialog says so, no crash."""
    page = window.teams_page
    set_fast_criteria(page, min_size=25, max_size=25)
    section = page.criteria_panel.rules.rows["Section"]
    section.rule.setCurrentIndex(section.rule.findData("same"))
    assert solve(page, qtbot) == "error"
    boxes = [b for b in page.findChildren(QMessageBox) if b.objectName() == "errorDialog"]
    assert boxes
    assert "cannot all hold" in boxes[-1].text()
    # samples/roster.csv: section L02 has 24 of the 48 students
    assert "'L02' has 24 students" in boxes[-1].text()
    assert "L02" in page.status.text()
    assert window.ctx.require_course().team_sets() == []
    assert page.solve_button.isEnabled()


def test_balance_chart_shows_team_means_against_class_mean(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The chart draws each team's GPA mean; the class mean is that of the 48 sample students."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    page.tabs.setCurrentIndex(1)
    chart = page.chart
    assert chart is not None
    roster = window.ctx.require_course().roster()
    team_set = window.ctx.require_course().team_sets()[-1]
    expected = [sum(gpa(roster, s) for s in m) / len(m) for m in team_set.teams.values()]
    assert chart.plotted["GPA"] == pytest.approx(expected)
    class_mean = sum(gpa(roster, s.id) for s in roster.active()) / 48
    assert page.view is not None
    assert page.view.class_means["GPA"] == pytest.approx(class_mean)


def test_export_team_lists_and_canvas_groups(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """XLSX, CSV and the Canvas group-set CSV are written for the shown team set."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    team_set = window.ctx.require_course().team_sets()[-1]
    written = page.export("csv", tmp_path / "teams")
    assert written == tmp_path / "teams.csv"
    assert written is not None
    with written.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["student_id"]: r["team"] for r in rows} == team_set.membership()
    canvas = page.export("canvas", tmp_path / "groups.csv")
    assert canvas is not None
    with canvas.open(encoding="utf-8-sig", newline="") as f:
        groups = list(csv.DictReader(f))
    assert {r["user_id"]: r["group_name"] for r in groups} == team_set.membership()
    xlsx = page.export("xlsx", tmp_path / "teams.xlsx")
    assert xlsx is not None
    assert xlsx.exists()
    assert xlsx.stat().st_size > 0


def test_dropping_a_student_marks_them_on_their_team_card(window: MainWindow, qtbot: QtBot) -> None:
    """A student dropped after the teams were formed stays on the card, marked, until moved."""
    page = window.teams_page
    set_fast_criteria(page)
    assert solve(page, qtbot) == "done"
    team_set = window.ctx.require_course().team_sets()[-1]
    team, members = next(iter(team_set.teams.items()))
    students = window.students_page
    students.select(members[0])
    students.toggle_dropped()
    card = board(page, qtbot).card(team)
    assert card.model.index(0).data().startswith("⚠ ")
    assert "dropped from the course" in card.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    window.undo_action.trigger()
    assert not board(page, qtbot).card(team).model.index(0).data().startswith("⚠ ")
