"""The one exception family of teamtool: messages a non-programmer can act on."""

from __future__ import annotations


class TeamtoolError(Exception):
    """Base of every error teamtool shows to the user.

    The message says what is wrong and what to do. ``file``, ``row`` and ``column`` say where,
    when the problem comes from an input file (``row`` is the spreadsheet row number as the user
    sees it, the header being row 1).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        code: str = "error",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.code = code

    def __str__(self) -> str:
        return format_location(self.file, self.row, self.column, self.message)


def format_location(file: str | None, row: int | None, column: str | None, message: str) -> str:
    """Render ``FILE: row R, column C: message`` leaving out the parts that are unknown."""
    where = []
    if row is not None:
        where.append(f"row {row}")
    if column:
        where.append(f'column "{column}"')
    place = ", ".join(where)
    prefix = ": ".join(p for p in (file or "", place) if p)
    return f"{prefix}: {message}" if prefix else message


class InputError(TeamtoolError):
    """An input file cannot be read or holds data that cannot be used."""


class RosterError(InputError):
    """The roster file has problems."""


class SurveyError(InputError):
    """The peer-rating survey export has problems."""


class GradesError(InputError):
    """The team grades file has problems."""


class CourseFileError(TeamtoolError):
    """The course file cannot be opened or written."""


class FormationError(TeamtoolError):
    """Teams cannot be formed with the given rules."""


class InfeasibleError(FormationError):
    """The formation rules contradict each other; the message names the rules in conflict."""


class GradingError(TeamtoolError):
    """Grades cannot be adjusted with the given data or settings."""


class ExportError(TeamtoolError):
    """An export file cannot be written."""


class Cancelled(TeamtoolError):
    """The user cancelled a long operation; nothing to show."""
