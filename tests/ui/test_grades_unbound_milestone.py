"""A milestone always grades a concrete team set; the only one without is from an older course
file that held no teams. The grades page says what to do about that one, truthfully."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teamtool.model import Milestone, TeamSet
from teamtool.roster import import_roster
from teamtool.store import Course
from ui.grades.page import GradesPage
from ui.main_window import MainWindow

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GRADES_STEP = 3


def test_a_milestone_of_an_older_file_without_teams_says_how_to_give_it_teams(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "older.teamtool"
    with Course.create(path) as course:
        course.replace_roster(import_roster(SAMPLES / "roster.csv").roster, source="roster.csv")
        course.add_team_set(TeamSet("Project teams", {"Team 1": ["s1001", "s1002", "s1003"]}))
        milestone_id = course.add_milestone(Milestone("M1", 100))
        course.set_milestone_team_set(milestone_id, None)  # as an older teamtool stored it
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(path)
    w.show_step(GRADES_STEP)
    page = w.step_pages[GRADES_STEP]
    assert isinstance(page, GradesPage)
    text = page.summary.text()
    assert "grades no team set" in text
    assert "Use other teams…" in text
    assert "no teams yet" not in text  # the course has teams: the old text was not true
