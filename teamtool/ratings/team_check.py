"""Is the survey about these teams? Most ratings between students of different teams say no."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teamtool.problems import Problem

if TYPE_CHECKING:
    from teamtool.ratings.survey import SurveyImport

#: Above this share of a survey's ratings between students of different teams, the import says
#: first that the survey may have been made for other teams. A survey of the right teams has
#: none, or a few from students who changed team (one of 48 students: 6 of 188 ratings, 3 %;
#: three: 10 %); a survey against other teams has far more (one member of each team moved:
#: 71 of 188, 38 %; teams formed afresh: most of them). 20 % sits well between the two.
WRONG_TEAMS_SHARE = 0.20


def check_team_share(result: SurveyImport, team_set: str) -> None:
    """Put a ``wrong-teams`` warning first in ``result.problems`` when more than
    :data:`WRONG_TEAMS_SHARE` of the ratings were left out as ``out-of-team``."""
    outside = result.problems.codes().count("out-of-team")
    total = outside + len(result.ratings)
    if not total or outside / total <= WRONG_TEAMS_SHARE:
        return
    message = (
        f"{outside} of {total} ratings ({round(100 * outside / total)} %) are between students in "
        f"different teams of “{team_set}” and are left out: is this the right team set? "
        "The survey may have been made for other teams."
    )
    result.problems.items.insert(
        0, Problem("wrong-teams", message, file=result.file, severity="warning")
    )


def wrong_teams(result: SurveyImport) -> Problem | None:
    """The ``wrong-teams`` warning of an import, if it has one."""
    return next((p for p in result.problems if p.code == "wrong-teams"), None)
