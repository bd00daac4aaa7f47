"""Debriefs of a course file: every milestone with teams adjusted as the window adjusts it."""

from __future__ import annotations

from pathlib import Path

from teamtool.course.adjust_export import gather
from teamtool.course.milestone_inputs import scale_for
from teamtool.debriefs.build import build_debriefs
from teamtool.debriefs.files import write_debriefs
from teamtool.debriefs.model import DebriefExtras, TeamDebrief
from teamtool.errors import InputError
from teamtool.store import Course
from teamtool.tokens.course import course_tokens


def course_extras(course: Course) -> DebriefExtras:
    """What the course file knows beyond the grades: each team's mentor (of the team sets its
    milestones grade) and the tokens each team has left after every milestone."""
    mentors: dict[str, str] = {}
    milestones = course.milestones()
    for milestone in milestones:
        if milestone.team_set_id is not None:
            refs = course.team_mentors(milestone.team_set_id)
            mentors.update({team: ref.name for team, ref in refs.items()})
    outcome = course_tokens(course)
    left_after: dict[str, dict[str, int]] = {}
    if outcome is not None:
        left: dict[str, int] = {}
        for milestone in milestones:
            for team in milestone.grades:
                row = outcome.row(team, milestone.name)
                start = left.get(team, outcome.settings.tokens_per_team)
                left[team] = row.left if row is not None else start
            left_after[milestone.name] = dict(left)
    return DebriefExtras(mentor_by_team=mentors, tokens_left_by_milestone=left_after)


def course_debriefs(
    course_path: str | Path, milestone: str | None = None, extras: DebriefExtras | None = None
) -> list[TeamDebrief]:
    """The debriefs of ``milestone`` (default: every milestone that has teams) of a course file,
    the factor history and ``repeated-low`` taken from the milestones before it."""
    with Course.open(course_path) as course:
        bundle = gather(course)
        extras = extras if extras is not None else course_extras(course)
        scales = {
            i.milestone.name: scale_for(course, i.milestone.id)
            for i in bundle.inputs
            if i.milestone.id is not None
        }
    known = [i.milestone.name for i in bundle.inputs]
    if milestone is not None and milestone not in known:
        listed = ", ".join(f'"{m}"' for m in known) or "none"
        raise InputError(
            f'the course has no milestone "{milestone}" with teams (milestones: {listed})',
            file=str(course_path),
            code="usage",
        )
    names = {s.id: s.name for s in bundle.roster}
    chosen = [milestone] if milestone is not None else None
    return build_debriefs(bundle.results(), bundle.ratings, names, extras, scales, chosen)


def write_course_debriefs(
    course_path: str | Path,
    folder: str | Path,
    milestone: str | None = None,
    extras: DebriefExtras | None = None,
) -> list[Path]:
    """Write the debrief files of a course file into ``folder``; the paths written (the demo and
    the window call this)."""
    debriefs = course_debriefs(course_path, milestone, extras)
    if not debriefs:
        raise InputError(
            "nothing to debrief: the course has no milestone with teams yet",
            file=str(course_path),
            code="no-milestones",
        )
    return write_debriefs(debriefs, folder, [("--course", course_path)])
