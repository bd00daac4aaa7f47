"""Reading a mentor list (CSV/XLSX): every bad cell is reported with its file, row and column.

Columns: ``name`` and ``email`` (required), ``availability`` in the roster's slot format
(``Mon AM; Wed PM``), ``capacity`` (most teams, a whole number), ``section`` (one or more,
separated by ``;``; empty: any section) and ``avoid`` (student ids separated by ``;``, ``,``
or spaces).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from teamtool.errors import InputError
from teamtool.files.grid import column_letter
from teamtool.files.tables import read_grid
from teamtool.mentors.columns import MentorColumns, find_columns
from teamtool.mentors.mentor import Mentor
from teamtool.model import Roster
from teamtool.names import email_key, fold
from teamtool.number_text import read_number
from teamtool.problems import Problem, Problems
from teamtool.roster.kinds import parse_slot, split_list, split_slots
from teamtool.roster.values import PeopleIndex

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_CAPACITY = 10_000


def read_mentor_list(
    path: str | Path, roster: Roster | None = None
) -> tuple[list[Mentor], Problems]:
    """The mentors in ``path`` and every problem found; with a roster, avoided students must
    be students of it (by id or email)."""
    grid = read_grid(path, raise_errors=False)
    problems = Problems(list(grid.problems))
    columns = find_columns(grid, problems)
    if columns is None:
        return [], problems
    people = PeopleIndex(roster.students) if roster is not None else None
    mentors: list[Mentor] = []
    names: dict[str, int] = {}
    emails: dict[str, int] = {}
    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        reader = _Row(grid.file, row, cells, columns, problems)
        for col in range(len(columns.header), len(cells)):
            if cells[col].strip():
                reader.bad(col, "extra-cell", "this cell is beyond the last column; remove it")
        name = " ".join(reader.text("name").split())
        email = reader.text("email").strip()
        if not name:
            reader.bad(columns.index["name"], "empty-name", "the mentor's name is empty")
        else:
            reader.once(
                names, fold(name), "name", "duplicate-mentor", f'"{name}" is already the mentor'
            )
        if not _EMAIL.match(email):
            what = f'"{email}" is not an email address' if email else "the email is empty"
            reader.bad(columns.index["email"], "bad-email", what)
        else:
            reader.once(
                emails,
                email_key(email),
                "email",
                "duplicate-email",
                f'"{email}" is already the email',
            )
        mentors.append(
            Mentor(
                name=name,
                email=email,
                slots=reader.slots(),
                capacity=reader.capacity(),
                sections=frozenset(" ".join(s.split()) for s in split_list(reader.text("section"))),
                avoid=reader.avoid(people),
                row=row,
            )
        )
    return mentors, problems


def read_mentors(
    path: str | Path,
    roster: Roster | None = None,
    on_warning: Callable[[Problem], None] | None = None,
) -> list[Mentor]:
    """Like :func:`read_mentor_list`, but errors raise one :class:`InputError` (a single error
    keeps its file, row and column), an empty list is an error, and warnings go to
    ``on_warning``."""
    mentors, problems = read_mentor_list(path, roster)
    if on_warning is not None:
        for warning in problems.warnings:
            on_warning(warning)
    errors = problems.errors
    if len(errors) == 1:
        [e] = errors
        raise InputError(e.message, file=e.file, row=e.row, column=e.column, code=e.code)
    problems.raise_if_errors(InputError)
    if not mentors:
        raise InputError(
            "the mentor list holds no mentors", file=Path(path).name, code="empty-file"
        )
    return mentors


class _Row:
    """The cells of one mentor's row, read field by field; bad cells become problems."""

    def __init__(
        self, file: str, row: int, cells: list[str], columns: MentorColumns, problems: Problems
    ) -> None:
        self.file, self.row, self.cells = file, row, cells
        self.columns, self.problems = columns, problems

    def text(self, field: str) -> str:
        i = self.columns.index[field]
        return self.cells[i] if i is not None and i < len(self.cells) else ""

    def bad(self, col: int | None, code: str, message: str) -> None:
        column = None
        if col is not None:
            header = self.columns.header
            column = (header[col] if col < len(header) else "") or column_letter(col)
        self.problems.add(code, message, file=self.file, row=self.row, column=column)

    def once(self, seen: dict[str, int], key: str, field: str, code: str, already: str) -> None:
        """Note that this row holds ``key``, or report ``code`` if an earlier row held it."""
        if key in seen:
            self.bad(self.columns.index[field], code, f"{already} on row {seen[key]}")
        else:
            seen[key] = self.row

    def slots(self) -> frozenset[str]:
        found = []
        for token in split_slots(self.text("availability")):
            slot = parse_slot(token)
            if slot is None:
                self.bad(
                    self.columns.index["availability"],
                    "unknown-slot",
                    f'"{token}" is not a weekly slot such as "Mon AM"',
                )
            else:
                found.append(slot)
        return frozenset(found)

    def capacity(self) -> int | None:
        text = self.text("capacity").strip()
        if not text:
            return None
        value = read_number(text).value
        if value is None or not value.is_integer() or not 0 <= value <= MAX_CAPACITY:
            self.bad(
                self.columns.index["capacity"],
                "bad-capacity",
                f'"{text}" is not a number of teams (a whole number from 0 to {MAX_CAPACITY:,}; '
                "empty: no limit)",
            )
            return None
        return int(value)

    def avoid(self, people: PeopleIndex | None) -> tuple[str, ...]:
        ids: list[str] = []
        for token in re.split(r"[;,|\s]+", self.text("avoid")):
            if not token:
                continue
            found = people.find(token) if people is not None else token
            if found is None:
                self.bad(
                    self.columns.index["avoid"],
                    "unknown-person",
                    f'"{token}" is not a student id or email of the roster',
                )
            elif found not in ids:
                ids.append(found)
        return tuple(ids)
