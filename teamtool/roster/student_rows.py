"""The roster's students built from its data rows: ids checked, names joined, attributes read."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from teamtool.canvas import gradebook
from teamtool.export.safe import unescape_identifier
from teamtool.model import Student
from teamtool.names import display_name
from teamtool.number_text import Mark
from teamtool.problems import Problems
from teamtool.roster.mapping import ColumnMapping
from teamtool.roster.values import parse_attributes

#: Roles whose cells are identifiers: in a file of ours (a team list) their ``'`` is taken off.
_IDENTIFIERS = ("id", "lms_id", "login")


def build_students(
    file: str,
    header: list[str],
    data: Sequence[tuple[int, list[str]]],
    mapping: ColumnMapping,
    problems: Problems,
    is_canvas: bool,
    marks: dict[str, Mark | None],
) -> tuple[list[Student], dict[str, int]]:
    """The students, and the spreadsheet row each was read from. ``marks`` holds the decimal
    mark of the numeric columns whose cells show one."""
    index = {name: i for i, name in enumerate(header)}

    def cell(cells: list[str], role: str) -> str:
        column = mapping.roles.get(role)
        text = cells[index[column]].strip() if column in index else ""
        return unescape_identifier(text) if role in _IDENTIFIERS else text

    id_column = mapping.roles.get("id")
    if id_column not in index:
        return [], {}
    students: list[Student] = []
    first_row: dict[str, int] = {}
    seen: dict[str, tuple[int, str]] = {}  # casefolded id -> first row and id as written
    for row_number, cells in data:
        name = cell(cells, "name")
        if not name and (cell(cells, "first") or cell(cells, "last")):
            name = f"{cell(cells, 'first')} {cell(cells, 'last')}".strip()
        if is_canvas and gradebook.is_test_student(name, cell(cells, "login")):
            continue
        sid = cell(cells, "id")
        if not sid:
            problems.add(
                "empty-id",
                f"the student id is empty{_who(name)}; the row is left out",
                file=file,
                row=row_number,
                column=id_column,
            )
            continue
        if junk := _junk(sid):
            problems.add(
                "bad-id",
                f'the student id "{_shown(sid)}" holds {junk}; retype it. The row is left out',
                file=file,
                row=row_number,
                column=id_column,
            )
            continue
        if sid.casefold() in seen:
            first, other = seen[sid.casefold()]
            problems.add(
                "duplicate-id",
                f'the student id "{sid}" is also on row {first}'
                + (f' ("{other}"); ids ignore capitals' if other != sid else "")
                + "; this row is left out",
                file=file,
                row=row_number,
                column=id_column,
            )
            continue
        seen[sid.casefold()] = (row_number, sid)
        first_row[sid] = row_number
        values, raw = parse_attributes(file, row_number, header, cells, mapping, problems, marks)
        students.append(
            Student(
                id=sid,
                name=display_name(name),
                email=cell(cells, "email"),
                section=cell(cells, "section"),
                attributes=values,
                lms_id=cell(cells, "lms_id"),
                login_id=cell(cells, "login"),
                raw=raw,
            )
        )
    return students, first_row


def _junk(sid: str) -> str:
    """What makes an id unusable: a tab, line break or invisible control character."""
    for ch in sid:
        if ch.isspace() and ch != " ":
            return f"a tab or line break (U+{ord(ch):04X})"
        if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn"):
            return f"an invisible control character (U+{ord(ch):04X})"
    return ""


def _shown(text: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def _who(name: str) -> str:
    return f" for {name}" if name else ""
