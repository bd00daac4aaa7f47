"""The preview page of one milestone of a course file: its scale, settings and maximum."""

from __future__ import annotations

from dataclasses import dataclass

from teamtool.course.milestone_inputs import options_for, scale_for
from teamtool.errors import InputError
from teamtool.grading import AdjustOptions
from teamtool.preview.page import preview_html
from teamtool.ratings.rating_scale import Scale
from teamtool.store import Course


@dataclass(frozen=True)
class PageSettings:
    """What the page computes with: the scale, the options, the milestone's maximum."""

    scale: Scale
    options: AdjustOptions
    max_points: float
    title: str

    def html(self, team_grade: float | None = None) -> str:
        grade = team_grade if team_grade is not None else round(self.max_points * 0.8, 2)
        return preview_html(
            self.scale,
            self.options,
            max_points=self.max_points,
            team_grade=grade,
            title=self.title,
        )


def milestone_settings(course: Course, milestone_id: int) -> PageSettings:
    """The stored settings of the milestone (the defaults when none are stored) and the scale
    of its latest survey (the 9-level scale when it has none)."""
    milestone = course.milestone(milestone_id)
    return PageSettings(
        scale_for(course, milestone_id),
        options_for(course, milestone_id),
        milestone.max_points,
        milestone.name,
    )


def find_milestone(course: Course, name: str | None, path: str) -> int:
    """The id of the milestone called ``name`` (any milestone when the course has only one)."""
    milestones = course.milestones()
    names = ", ".join(f'"{m.name}"' for m in milestones) or "none"
    if name is None:
        if len(milestones) == 1 and milestones[0].id is not None:
            return milestones[0].id
        raise InputError(
            f"give --milestone: the course has the milestones {names}", file=path, code="usage"
        )
    for m in milestones:
        if m.name.strip().casefold() == name.strip().casefold() and m.id is not None:
            return m.id
    raise InputError(
        f'the course has no milestone "{name}"; its milestones: {names}', file=path, code="usage"
    )
