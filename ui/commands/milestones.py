"""Undo commands for milestones: add, edit, team grades, survey import, settings, overrides.

Each is a :class:`ui.commands.base.CourseCommand`, run with :func:`ui.commands.base.execute`;
``milestones_changed`` tells every page (grades, ratings, settings and overrides included).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from teamtool.model import Milestone, Rating
from teamtool.ratings import SurveyImport
from teamtool.store import Override
from ui.commands.base import CourseCommand, SetValueCommand
from ui.context import AppContext

_SETTINGS_ID = 7301


class MilestoneCommand(CourseCommand):
    """Base of the milestone commands: ``milestones_changed`` after every apply and revert."""

    def announce(self) -> None:
        self.ctx.milestones_changed.emit()


class AddMilestoneCommand(MilestoneCommand):
    def __init__(self, ctx: AppContext, milestone: Milestone) -> None:
        super().__init__(ctx, f'Add milestone "{milestone.name}"')
        self.milestone = replace(milestone, grades=dict(milestone.grades))

    def apply(self) -> None:
        # Redo after undo adds it back under the same id and team set, so later commands
        # still find it and it grades the same teams.
        added = replace(self.milestone, grades=dict(self.milestone.grades))
        self.milestone.id = self.course.add_milestone(added)
        self.milestone.team_set_id = added.team_set_id

    def revert(self) -> None:
        assert self.milestone.id is not None
        self.course.delete_milestone(self.milestone.id)


class EditMilestoneCommand(MilestoneCommand, SetValueCommand[Milestone]):
    """Name, maximum points (and grades) of a stored milestone; its team set stays."""

    def __init__(self, ctx: AppContext, milestone: Milestone) -> None:
        after = replace(milestone, grades=dict(milestone.grades))
        super().__init__(ctx, f'Edit milestone "{milestone.name}"', after)

    def store(self, value: Milestone) -> Milestone:
        return self.course.update_milestone(value)


class SetTeamGradesCommand(MilestoneCommand):
    """Set (or clear, with None) the grades of some teams: one typed cell or a whole import."""

    def __init__(
        self,
        ctx: AppContext,
        milestone_id: int,
        grades: Mapping[str, float | None],
        text: str = "",
    ) -> None:
        if not text:
            text = (
                f"Team grade of {next(iter(grades))}"
                if len(grades) == 1
                else f"Team grades of {len(grades)} teams"
            )
        super().__init__(ctx, text)
        self.milestone_id = milestone_id
        self.after = dict(grades)
        self.before: dict[str, float | None] = {}

    def apply(self) -> None:
        self.before = {
            team: self.course.set_team_grade(self.milestone_id, team, grade)
            for team, grade in self.after.items()
        }

    def revert(self) -> None:
        for team, grade in self.before.items():
            self.course.set_team_grade(self.milestone_id, team, grade)


class ImportSurveyCommand(MilestoneCommand):
    """Store a survey import (raw rows, report) and make its ratings the milestone's.

    Undo deletes the stored survey and puts the previous ratings back, linked to the survey
    they came from (earlier surveys are never touched by an import)."""

    def __init__(self, ctx: AppContext, milestone_id: int, survey: SurveyImport) -> None:
        super().__init__(ctx, f"Import ratings from {survey.file}")
        self.milestone_id = milestone_id
        self.survey = survey
        self.before: list[Rating] = []
        self.before_survey: int | None = None
        self.survey_id: int | None = None

    def apply(self) -> None:
        self.before = self.course.ratings(self.milestone_id)
        self.before_survey = self.course.ratings_survey(self.milestone_id)
        self.survey_id = self.course.save_survey_import(self.milestone_id, self.survey)

    def revert(self) -> None:
        with self.course.transaction():
            self.course.set_ratings(self.milestone_id, self.before, self.before_survey)
            if self.survey_id is not None:
                self.course.delete_survey(self.survey_id)


class SetAdjustSettingsCommand(MilestoneCommand, SetValueCommand[Mapping[str, object]]):
    """New adjustment settings (``AdjustOptions.to_json()``) for a milestone.

    Successive changes of the same settings of the same milestone (a spin box stepped several
    times) merge into one undo step.
    """

    def __init__(
        self, ctx: AppContext, milestone_id: int, settings: Mapping[str, object], text: str
    ) -> None:
        super().__init__(ctx, text, dict(settings))
        self.milestone_id = milestone_id

    def store(self, value: Mapping[str, object]) -> Mapping[str, object]:
        return self.course.set_milestone_settings(self.milestone_id, value)

    def id(self) -> int:
        return _SETTINGS_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetAdjustSettingsCommand):
            return False
        if other.milestone_id != self.milestone_id or other.text() != self.text():
            return False
        self.after = other.after
        return True


class SetOverrideCommand(MilestoneCommand):
    """Override one student's grade with a reason, or clear the override (grade None)."""

    def __init__(
        self,
        ctx: AppContext,
        milestone_id: int,
        student_id: str,
        grade: float | None,
        reason: str = "",
        label: str = "",
    ) -> None:
        who = label or student_id
        text = f"Override grade of {who}" if grade is not None else f"Clear override of {who}"
        super().__init__(ctx, text)
        self.milestone_id, self.student_id = milestone_id, student_id
        self.grade, self.reason = grade, reason
        self.before: Override | None = None

    def apply(self) -> None:
        self.before = self.course.set_override(
            self.milestone_id, self.student_id, self.grade, self.reason
        )

    def revert(self) -> None:
        b = self.before
        self.course.set_override(
            self.milestone_id,
            self.student_id,
            b.grade if b else None,
            b.reason if b else "",
        )
