"""Debriefs of a course file: every milestone with teams adjusted as the window adjusts it."""

from __future__ import annotations

from pathlib import Path

from teamtool.course_export import gather
from teamtool.debriefs.build import build_debriefs
from teamtool.debriefs.files import write_debriefs
from teamtool.debriefs.model import DebriefExtras, TeamDebrief
from teamtool.errors import InputError
from teamtool.milestone_inputs import scale_for
from teamtool.store import Course


def course_debriefs(
    course_path: str | Path, milestone: str | None = None, extras: DebriefExtras | None = None
) -> list[TeamDebrief]:
    """The debriefs of ``milestone`` (default: every milestone that has teams) of a course file,
    the factor history and ``repeated-low`` taken from the milestones before it."""
    with Course.open(course_path) as course:
        bundle = gather(course)
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
