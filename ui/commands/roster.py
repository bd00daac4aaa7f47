"""Undo commands for the roster: import, add, edit, drop and restore, change an attribute's kind."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from teamtool.model import AttributeKind, Roster, Student
from ui.context import AppContext


class _RosterCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.course = ctx.require_course()

    def _changed(self) -> None:
        self.ctx.roster_changed.emit()


class ImportRosterCommand(_RosterCommand):
    """Replace the course roster by an imported one; undo puts the previous roster back."""

    def __init__(
        self, ctx: AppContext, roster: Roster, source: str, *, drop_missing: bool = False
    ) -> None:
        super().__init__(ctx, f"Import {len(roster)} students")
        self.roster, self.source, self.drop_missing = roster, source, drop_missing
        self.before = self.course.roster()

    def redo(self) -> None:
        self.course.replace_roster(self.roster, source=self.source, drop_missing=self.drop_missing)
        self._changed()

    def undo(self) -> None:  # the roster before holds every student the import dropped
        self.course.replace_roster(self.before, source="undo of an import", drop_missing=True)
        self._changed()


class AddStudentCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, student: Student) -> None:
        super().__init__(ctx, f"Add {student.label}")
        self.student = student

    def redo(self) -> None:
        self.course.add_student(self.student)
        self._changed()

    def undo(self) -> None:
        self.course.remove_student(self.student.id)
        self._changed()


class EditStudentCommand(_RosterCommand):
    def __init__(self, ctx: AppContext, student: Student) -> None:
        super().__init__(ctx, f"Edit {student.label}")
        self.after = student
        self.before = self.course.student(student.id)

    def redo(self) -> None:
        self.course.update_student(self.after)
        self._changed()

    def undo(self) -> None:
        self.course.update_student(self.before)
        self._changed()


class SetDroppedCommand(_RosterCommand):
    """Drop a student from the course (kept in history, left out of new teams) or restore."""

    def __init__(self, ctx: AppContext, student: Student, dropped: bool) -> None:
        super().__init__(ctx, f"{'Drop' if dropped else 'Restore'} {student.label}")
        self.student_id, self.dropped = student.id, dropped

    def redo(self) -> None:
        self.course.set_dropped(self.student_id, self.dropped)
        self._changed()

    def undo(self) -> None:
        self.course.set_dropped(self.student_id, not self.dropped)
        self._changed()


class SetAttributeKindCommand(_RosterCommand):
    """Read an attribute column as another kind (every cell is read again from its text)."""

    def __init__(self, ctx: AppContext, attribute: str, kind: AttributeKind) -> None:
        super().__init__(ctx, f'Read "{attribute}" as {kind.value}')
        self.attribute, self.kind = attribute, kind
        spec = self.course.roster().attribute(attribute)
        self.before = spec.kind if spec else kind

    def redo(self) -> None:
        self.course.set_attribute_kind(self.attribute, self.kind)
        self._changed()

    def undo(self) -> None:
        self.course.set_attribute_kind(self.attribute, self.before)
        self._changed()
