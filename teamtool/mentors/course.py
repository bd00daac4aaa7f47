"""The use case of the window and the demo: assign mentors to a team set of a course file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from teamtool.errors import CourseFileError
from teamtool.mentors.assign import MentorResult, assign_mentors
from teamtool.mentors.mentor import Mentor
from teamtool.mentors.previous import previous_in_course
from teamtool.store import Course


def assign_for_course(
    course: Course,
    mentors: Sequence[Mentor],
    *,
    team_set_id: int | None = None,
    same_section: bool = False,
    keep_previous: bool = False,
    previous: Mapping[str, str] | None = None,
    seed: int = 0,
    time_limit: float = 10.0,
) -> MentorResult:
    """Assign a mentor to every team of the team set ``team_set_id`` (default: the newest) and
    store them in the course (replacing the set's mentors). With ``keep_previous`` the mentors
    of the newest earlier team set that has mentors are kept for as many students as possible,
    or those of ``previous`` (student id -> mentor name or email) when given.
    Raises ``MentorError`` (nothing stored) when the rules cannot hold."""
    sets = course.team_sets()
    if not sets:
        raise CourseFileError("the course has no team set yet: form or import teams first")
    chosen = sets[-1] if team_set_id is None else course.team_set(team_set_id)
    assert chosen.id is not None
    roster = course.roster()
    if keep_previous and previous is None:
        previous = previous_in_course(course, chosen)
    result = assign_mentors(
        chosen,
        mentors,
        roster,
        same_section=same_section,
        previous=previous,
        seed=seed,
        time_limit=time_limit,
    )
    course.set_team_mentors(chosen.id, result.refs())
    return result
