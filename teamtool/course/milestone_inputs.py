"""What adjusting one milestone of a course needs, read from the course file, and the adjustment."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from teamtool.errors import GradingError, TeamtoolError
from teamtool.grading import AdjustOptions, MilestoneResult, adjust_milestone
from teamtool.grading.repeated_low import add_repeated_low
from teamtool.model import Milestone, Rating, TeamSet
from teamtool.ratings import Scale, get_scale, scale_from_text
from teamtool.store import Course, Override
from teamtool.tokens.apply import TokenOutcome
from teamtool.tokens.course import course_tokens


def team_set_for(course: Course, milestone: Milestone) -> TeamSet | None:
    """The team set the milestone grades (None only for a milestone of an older course file
    that held no teams when it was opened: it waits for "Use other teams")."""
    return course.team_set(milestone.team_set_id) if milestone.team_set_id is not None else None


def options_for(course: Course, milestone_id: int) -> AdjustOptions:
    """The stored adjustment settings of a milestone (defaults when none are stored)."""
    settings = course.milestone_settings(milestone_id)
    return AdjustOptions.from_json(dict(settings)) if settings else AdjustOptions()


def scale_for(course: Course, milestone_id: int) -> Scale:
    """The scale of the milestone's latest imported survey (the 9-level scale by default)."""
    surveys = course.surveys(milestone_id)
    if surveys:
        try:
            return scale_from_text(surveys[-1].scale)
        except TeamtoolError:  # a custom scale file may have moved: the default is shown
            return get_scale("oakley9")
    return get_scale("oakley9")


@dataclass
class MilestoneInputs:
    """Everything the adjustment of one milestone needs, read once from the course."""

    milestone: Milestone
    team_set: TeamSet | None
    ratings: list[Rating]
    overrides: dict[str, Override]
    options: AdjustOptions
    names: dict[str, str] = field(default_factory=dict)  # student id -> "Name (id)"
    # The milestone before this one in the course, adjusted with its own settings only to flag
    # ``repeated-low`` (low-performer there and here); None for the first milestone.
    previous: MilestoneInputs | None = None
    tokens: TokenOutcome | None = None  # the course's token ledger, when it keeps one

    @property
    def teams(self) -> dict[str, list[str]]:
        return dict(self.team_set.teams) if self.team_set else {}

    def grades(self) -> dict[str, float]:
        """Team grades of the teams of the team set (grades of other teams are not used)."""
        teams = self.teams
        return {t: g for t, g in self.milestone.grades.items() if t in teams}

    def graded(self) -> dict[str, float]:
        """The team grades that enter the adjustment: :meth:`grades` after the teams' tokens
        when the course keeps a token ledger (a late milestone unpaid, a resubmission refused)."""
        if self.tokens is None:
            return self.grades()
        after = self.tokens.grades.get(self.milestone.name, {})
        return {t: after.get(t, g) for t, g in self.grades().items()}

    def adjust(self, options: AdjustOptions | None = None) -> MilestoneResult:
        """Adjust with ``options`` (default: the stored ones); overrides are applied, and
        ``repeated-low`` flagged when there is a previous milestone.

        Before any rating is imported there is nothing to flag: every grade is its team grade
        and no student is called a non-respondent of a survey that does not exist yet."""
        teams = self.teams
        members = {s for m in teams.values() for s in m}
        overrides = {
            sid: (o.grade, o.reason) for sid, o in self.overrides.items() if sid in members
        }
        result = adjust_milestone(
            self.milestone.name,
            teams,
            self.ratings,
            self.graded(),
            self.milestone.max_points,
            options or self.options,
            overrides,
        )
        if not self.ratings:
            result.students = [replace(s, flags=()) for s in result.students]
            result.team_flags = []
        elif self.previous is not None:
            result = add_repeated_low([self.previous.adjust(), result])[1]
        # token flags come from the ledger, not the ratings: shown before any survey too
        return self.tokens.flag(result) if self.tokens is not None else result


def student_names(course: Course) -> dict[str, str]:
    """Student id -> "Name (id)", as the tables show them."""
    return {s.id: s.label for s in course.roster().students}


def load_inputs(
    course: Course,
    milestone_id: int,
    names: dict[str, str] | None = None,
    *,
    previous: bool = True,
) -> MilestoneInputs:
    """Read one milestone's inputs (``names`` from :func:`student_names`, read when not given);
    stored settings that no longer load fall back to the defaults. With ``previous`` the
    milestone before it in the course is read too, for ``repeated-low``."""
    milestone = course.milestone(milestone_id)
    names = names if names is not None else student_names(course)
    ids = [m.id for m in course.milestones()]
    at = ids.index(milestone_id)
    before = ids[at - 1] if previous and at > 0 else None
    try:
        options = options_for(course, milestone_id)
    except GradingError:
        options = AdjustOptions()
    return MilestoneInputs(
        milestone=milestone,
        team_set=team_set_for(course, milestone),
        ratings=course.ratings(milestone_id),
        overrides=course.overrides(milestone_id),
        options=options,
        names=names,
        previous=None if before is None else load_inputs(course, before, names, previous=False),
        tokens=course_tokens(course),
    )
