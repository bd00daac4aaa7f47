"""Import problems reported all at once, each with file, row, column and a stable code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from teamtool.errors import InputError, format_location

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file.

    ``code`` is a stable slug (``duplicate-id``, ``empty-id``, ``bad-number`` …) that tests and
    the GUI can rely on; ``message`` is the sentence shown to the user.
    """

    code: str
    message: str
    file: str | None = None
    row: int | None = None
    column: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        text = format_location(self.file, self.row, self.column, self.message)
        return (
            f"{text} [{self.code}]"
            if self.severity == "error"
            else f"{text} [{self.severity}: {self.code}]"
        )


@dataclass
class Problems:
    """An ordered collection of problems with helpers for the common questions."""

    items: list[Problem] = field(default_factory=list)

    def add(
        self,
        code: str,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self.items.append(Problem(code, message, file, row, column, severity))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)

    def codes(self) -> list[str]:
        return [p.code for p in self.items]

    def raise_if_errors(self, error_type: type[InputError] = InputError) -> None:
        """Raise one error that lists every error-level problem."""
        errors = self.errors
        if not errors:
            return
        first = errors[0]
        lines = "\n".join(str(p) for p in errors)
        raise error_type(
            f"{len(errors)} problem(s) must be fixed first:\n{lines}",
            code=first.code,
        )
