"""Undo commands for the roster: import, add, edit, drop and restore, change an attribute's kind."""

from __future__ import annotations

from teamtool.model import AttributeKind, Roster, Student
from ui.commands.base import CourseCommand, SetValueCommand
from ui.context import AppContext


class _RosterCommand(CourseCommand):
    def announce(self) -> None:
        self.ctx.roster_changed.emit()


class ImportRosterCommand(_RosterCommand):
    """Replace the course roster by an imported one; undo puts the previous roster back."""

    def __init__(
        self, ctx: AppContext, roster: Roster, source: str, *, drop_missing: bool = False
    ) -> None:
        super().__init__(ctx, f"Import {len(roster)} students")
        self.roster, self.source, self.drop_missing = roster, source, drop_missing
        self.before = self.course.roster()

    def apply(self) -> None:
        self.course.replace_roster(self.roster, source=self.source, drop_missing=self.drop_missing)

    def revert(self) -> None:  # the roster before holds every student the import dropped
        self.course.replace_roster(self.before, source="undo of an import", drop_missing=True)


class AddStudentCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, student: Student) -> None:
        super().__init__(ctx, f"Add {student.label}")
        self.student = student

    def apply(self) -> None:
        self.course.add_student(self.student)

    def revert(self) -> None:
        self.course.remove_student(self.student.id)


class EditStudentCommand(_RosterCommand, SetValueCommand[Student]):
    def __init__(self, ctx: AppContext, student: Student) -> None:
        super().__init__(ctx, f"Edit {student.label}", student)

    def store(self, value: Student) -> Student:
        return self.course.update_student(value)


class SetDroppedCommand(_RosterCommand):
    """Drop a student from the course (kept in history, left out of new teams) or restore."""

    def __init__(self, ctx: AppContext, student: Student, dropped: bool) -> None:
        super().__init__(ctx, f"{'Drop' if dropped else 'Restore'} {student.label}")
        self.student_id, self.dropped = student.id, dropped

    def apply(self) -> None:
        self.course.set_dropped(self.student_id, self.dropped)

    def revert(self) -> None:
        self.course.set_dropped(self.student_id, not self.dropped)


class SetAttributeKindCommand(_RosterCommand, SetValueCommand[AttributeKind]):
    """Read an attribute column as another kind (every cell is read again from its text)."""

    def __init__(self, ctx: AppContext, attribute: str, kind: AttributeKind) -> None:
        super().__init__(ctx, f'Read "{attribute}" as {kind.value}', kind)
        self.attribute = attribute

    def store(self, value: AttributeKind) -> AttributeKind:
        return self.course.set_attribute_kind(self.attribute, value)
