"""A milestone keeps the teams it grades when teams are formed again; "Use other teams…" changes
them, after a warning, and Edit ▸ Undo changes them back. Driven through the real window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teamtool.files.gradesfile import load_team_grades
from teamtool.model import TeamSet
from teamtool.roster import import_roster
from teamtool.store import Course
from ui.commands import execute
from ui.commands.milestones import SetTeamGradesCommand
from ui.commands.teams import AddTeamSetCommand
from ui.grades.page import GradesPage
from ui.grades.results_model import COL_FINAL, STUDENT_ROLE
from ui.main_window import MainWindow
from ui.milestones.bar import MilestoneBar
from ui.ratings.page import RatingsPage

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
RATINGS_STEP, GRADES_STEP = 2, 3
RYAN = "s1011"  # Ryan O'Connor, Team 1 of "Project teams": 84 × 0.652 = 54.78


def pages(w: MainWindow) -> tuple[RatingsPage, GradesPage]:
    ratings, grades = w.step_pages[RATINGS_STEP], w.step_pages[GRADES_STEP]
    assert isinstance(ratings, RatingsPage)
    assert isinstance(grades, GradesPage)
    return ratings, grades


def finals(page: GradesPage) -> dict[str, str]:
    """Student id -> the final grade the table shows."""
    model = page.model
    return {
        model.data(model.index(row, 0), STUDENT_ROLE).student_id: str(
            model.data(model.index(row, COL_FINAL))
        )
        for row in range(model.rowCount())
    }


def graded_milestone(w: MainWindow) -> tuple[int, dict[str, str]]:
    """Add "M1 Proposal" in the window, import its survey (m1_long.csv) and its team grades;
    its id and the final grades the Grades page then shows."""
    ratings_page, grades_page = pages(w)
    w.show_step(GRADES_STEP)
    dialog = grades_page.bar.open_add()
    assert dialog is not None
    assert dialog.team_set.text() == "Project teams (12 teams, 48 students)"
    dialog.name.setText("M1 Proposal")
    dialog.accept()
    milestone_id = grades_page.bar.current_id()
    assert milestone_id is not None
    grades = load_team_grades(SAMPLES / "grades.csv", [f"Team {i}" for i in range(1, 13)])
    execute(w.ctx, SetTeamGradesCommand(w.ctx, milestone_id, grades["M1 Proposal"]))
    w.show_step(RATINGS_STEP)
    survey = ratings_page.open_import()
    assert survey is not None
    survey.set_file(SAMPLES / "surveys" / "m1_long.csv")
    assert survey.import_button.isEnabled()
    survey.accept()
    assert len(w.ctx.require_course().ratings(milestone_id)) == 188
    w.show_step(GRADES_STEP)
    return milestone_id, finals(grades_page)


def test_forming_teams_again_leaves_a_graded_milestone_alone(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Before, the milestone followed the newest team set: the new teams changed its grades."""
    _ratings, grades_page = pages(window)
    milestone_id, before = graded_milestone(window)
    assert before[RYAN] == "54.78"
    assert grades_page.bar.teams.label.text() == "Teams: <b>Project teams</b>"

    teams = window.teams_page
    window.show_step(1)
    teams.criteria_panel.time_limit.setValue(0.3)
    teams.criteria_panel.seed.setValue(7)
    with qtbot.waitSignal(teams.solve_finished, timeout=30000) as finished:
        assert teams.start_solve() is not None
    assert finished.args == ["done"]
    course = window.ctx.require_course()
    assert [s.name for s in course.team_sets()] == ["Project teams", "Teams 2"]

    window.show_step(GRADES_STEP)
    assert course.milestone(milestone_id).team_set_id == course.team_sets()[0].id
    assert grades_page.bar.teams.label.text() == "Teams: <b>Project teams</b>"
    assert finals(grades_page) == before


def test_use_other_teams_warns_then_undo_restores_the_teams(
    qtbot: QtBot, window: MainWindow
) -> None:
    ratings_page, grades_page = pages(window)
    milestone_id, before = graded_milestone(window)
    course = window.ctx.require_course()
    project = course.team_sets()[0]
    other = {t: list(m) for t, m in project.teams.items()}
    other["Team 1"][1], other["Team 2"][1] = other["Team 2"][1], other["Team 1"][1]
    execute(window.ctx, AddTeamSetCommand(window.ctx, TeamSet("Swapped teams", other)))
    assert grades_page.bar.teams.label.text() == "Teams: <b>Project teams</b>"

    bar: MilestoneBar = grades_page.bar
    assert bar.teams.button.isEnabled()
    dialog = bar.open_teams()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.warning.isVisible()
    assert dialog.warning.text().startswith(
        "“M1 Proposal” already has 12 team grades, 1 imported survey with 188 ratings."
    )
    assert not dialog.use_button.isEnabled()  # the teams it has are chosen
    dialog.select(course.team_sets()[1].id or 0)
    assert dialog.use_button.isEnabled()
    dialog.use_button.click()
    assert course.milestone(milestone_id).team_set_id == course.team_sets()[1].id
    assert bar.teams.label.text() == "Teams: <b>Swapped teams</b>"
    assert bar.teams.label.toolTip() == "This milestone grades the teams of “Swapped teams”"
    assert ratings_page.bar.teams.label.text() == "Teams: <b>Swapped teams</b>"
    changed = finals(grades_page)
    assert changed != before
    assert window.undo_action.text() == "&Undo Use the teams of “Swapped teams” for “M1 Proposal”"

    window.undo_action.trigger()
    assert course.milestone(milestone_id).team_set_id == project.id
    assert bar.teams.label.text() == "Teams: <b>Project teams</b>"
    assert finals(grades_page) == before
    window.redo_action.trigger()
    assert finals(grades_page) == changed
    entry = course.audit_log(1)[0]
    assert (entry.action, entry.detail["team_set_name"]) == ("use-team-set", "Swapped teams")


def test_a_milestone_without_ratings_or_grades_changes_teams_without_a_warning(
    qtbot: QtBot, window: MainWindow
) -> None:
    _ratings, grades_page = pages(window)
    window.show_step(GRADES_STEP)
    dialog = grades_page.bar.open_add()
    assert dialog is not None
    dialog.name.setText("M2")
    dialog.accept()
    teams = grades_page.bar.open_teams()
    assert teams is not None
    assert not teams.warning.isVisible()
    assert teams.warning.text() == ""


def test_without_teams_a_milestone_cannot_be_added(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "no-teams.teamtool"
    with Course.create(path) as course:
        course.replace_roster(import_roster(SAMPLES / "roster.csv").roster, source="roster.csv")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(path)
    _ratings, grades_page = pages(w)
    w.show_step(GRADES_STEP)
    bar = grades_page.bar
    assert not bar.add_button.isEnabled()
    assert bar.add_button.toolTip().startswith("Form or import teams first")
    assert bar.open_add() is None
    assert w.ctx.require_course().milestones() == []
