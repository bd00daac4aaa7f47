"""The one convention of every undo command that changes the course: ``CourseCommand``.

A command's ``apply`` makes the change through the course's public methods and keeps what
``revert`` needs to take it back; ``announce`` emits the AppContext signal that tells every page.
Run a command with :func:`execute`: it applies the command first, so a change that fails (a
domain rule, a full disk) raises before anything is on the undo stack, and then pushes it as
already done (its first ``redo`` does not apply it twice). Redo and undo after that call
``apply`` and ``revert`` again.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from teamtool.store import Course
from ui.context import AppContext
from ui.errors import show_error

T = TypeVar("T")


class CourseCommand(QUndoCommand):
    """Base of the course's undo commands: subclasses implement ``apply``, ``revert`` and
    ``announce``."""

    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self._executed = False  # applied by execute() just before the push

    @property
    def course(self) -> Course:
        return self.ctx.require_course()

    def apply(self) -> None:
        """Make the change (again, on a redo); raise a TeamtoolError when it cannot be made."""
        raise NotImplementedError

    def revert(self) -> None:
        """Take back what ``apply`` did."""
        raise NotImplementedError

    def announce(self) -> None:
        """Tell the pages what changed: emit one of the AppContext's signals."""
        raise NotImplementedError

    def redo(self) -> None:
        if self._executed:
            self._executed = False
        else:
            self.apply()
        self.announce()

    def undo(self) -> None:
        self.revert()
        self.announce()


class SetValueCommand(CourseCommand, Generic[T]):
    """A change made by one setter of the course that returns the value it replaced (a student,
    a team set, a milestone, a setting): ``apply`` stores ``after`` and keeps what the setter
    returned as ``before``; ``revert`` stores ``before`` again. Subclasses implement ``store``
    (and ``announce``, usually from one of the base commands of a signal)."""

    before: T  # kept by apply, which execute() runs before anything can revert

    def __init__(self, ctx: AppContext, text: str, after: T) -> None:
        super().__init__(ctx, text)
        self.after = after

    def store(self, value: T) -> T:
        """Store ``value`` in the course; return the value it replaced."""
        raise NotImplementedError

    def apply(self) -> None:
        self.before = self.store(self.after)

    def revert(self) -> None:
        self.store(self.before)


def execute(ctx: AppContext, command: CourseCommand, parent: QWidget | None = None) -> bool:
    """Apply ``command`` now and push it onto the undo stack, already applied; True when done.

    When the change fails nothing is pushed: with a ``parent`` the error is shown over it (the
    one dialog of :func:`ui.errors.show_error`) and False returned; without one (a test, a macro
    of several commands that stops at the first error) the error propagates.
    """
    try:
        command.apply()
    except Exception as exc:
        if parent is None:
            raise
        show_error(parent, exc)
        return False
    command._executed = True
    ctx.undo_stack.push(command)
    return True
