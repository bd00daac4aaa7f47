"""The sample course as a course file a new user can explore: students, teams, two milestones."""

from __future__ import annotations

from pathlib import Path

from teamtool.demo.sample_files import sample_path
from teamtool.errors import InputError, SurveyError
from teamtool.files.gradesfile import load_team_grades
from teamtool.files.teamfile import load_team_set
from teamtool.grading import PRESETS
from teamtool.model import Milestone
from teamtool.ratings import import_survey
from teamtool.roster import import_roster
from teamtool.store import Course

TITLE = "Sample course: Software Engineering Project"


def create_sample_course(path: str | Path) -> Path:
    """A new course file at ``path`` (samples/ is only read).

    It holds the 48 students, the "Project teams" the surveys were filled in by, the milestones
    "M1 Proposal" (team grades and the peer ratings imported) and "M2 Prototype" (team grades
    only: its survey, ``samples/surveys/m2_google_forms.csv``, is left for the user to import).
    """
    roster_import = import_roster(sample_path("roster.csv"))
    roster_import.problems.raise_if_errors(InputError)
    roster = roster_import.roster
    teams = load_team_set(sample_path("teams.csv"), roster)
    teams.name = "Project teams"
    grades = load_team_grades(sample_path("grades.csv"), list(teams.teams))
    survey = import_survey(sample_path("surveys", "m1_long.csv"), roster, teams)
    survey.problems.raise_if_errors(SurveyError)
    with Course.create(path, TITLE) as course, course.transaction():
        course.replace_roster(roster, source=roster_import.file)
        course.add_team_set(teams)
        for name in ("M1 Proposal", "M2 Prototype"):
            milestone = Milestone(name, grades.max_points.get(name, 100.0), teams.id, grades[name])
            milestone_id = course.add_milestone(milestone)
            course.set_milestone_settings(milestone_id, PRESETS["oakley"].to_json())
            if name == "M1 Proposal":
                course.save_survey_import(milestone_id, survey)
    return Path(path)
