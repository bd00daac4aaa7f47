"""Roster import from CSV/XLSX (generic sheet or Canvas gradebook), validated all at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from teamtool.model import AttributeKind, AttributeSpec, Roster, Student
from teamtool.names import display_name
from teamtool.problems import Problems
from teamtool.roster import canvas
from teamtool.roster.kinds import detect_kind
from teamtool.roster.mapping import ColumnMapping, detect_roles
from teamtool.roster.values import parse_attributes, resolve_preferences
from teamtool.tables import Grid, read_grid


@dataclass
class RosterImport:
    """The result of reading a roster file: the students, every problem, and how it was read."""

    file: str
    roster: Roster
    problems: Problems
    mapping: ColumnMapping
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # data rows as read (for previews)
    source: str = "generic"  # or "canvas"
    skipped_rows: int = 0


def import_roster(path: str | Path, mapping: ColumnMapping | None = None) -> RosterImport:
    """Read ``path`` as a roster. Problems come back in ``problems``; only an unreadable file raises."""
    grid = read_grid(path)
    return roster_from_grid(grid, mapping)


def roster_from_grid(grid: Grid, mapping: ColumnMapping | None = None) -> RosterImport:
    header = _clean_header(grid.rows[0])
    problems = Problems()
    _report_duplicate_headers(grid.rows[0], header, grid.file, problems)
    is_canvas = canvas.is_canvas_gradebook(grid)
    data: list[tuple[int, list[str]]] = []
    skipped = 0
    for row_number, cells in grid.iter_rows(1):
        extra = [c for c in cells[len(header) :] if c.strip()]
        cells = [*cells, *([""] * (len(header) - len(cells)))][: len(header)]
        if is_canvas and canvas.is_skipped_row(cells):
            skipped += 1
            continue
        if not any(c.strip() for c in cells):
            continue
        if extra:
            problems.add(
                "extra-cells",
                f"the row has {len(extra)} more cell(s) than the header ({', '.join(extra)}); "
                "they are left out — check for a stray separator",
                file=grid.file,
                row=row_number,
                severity="warning",
            )
        data.append((row_number, cells))
    if mapping is None:
        mapping = _canvas_mapping(header, data) if is_canvas else detect_mapping(header, data)
    _check_mapping(mapping, header, grid.file, problems)
    students, rows = _build_students(grid.file, header, data, mapping, problems, is_canvas)
    attributes = [AttributeSpec(name, kind) for name, kind in mapping.kinds.items()]
    roster = Roster(students, attributes)
    resolve_preferences(roster, grid.file, rows, problems)
    problems.items.sort(key=lambda p: p.row or 0)
    return RosterImport(
        grid.file,
        roster,
        problems,
        mapping,
        header,
        [c for _, c in data],
        "canvas" if is_canvas else "generic",
        skipped,
    )


def detect_mapping(header: Sequence[str], data: Sequence[tuple[int, list[str]]]) -> ColumnMapping:
    """Identity roles from the headers; every other column an attribute of its detected kind."""
    roles = detect_roles(header)
    used = set(roles.values())
    kinds: dict[str, AttributeKind] = {}
    for index, name in enumerate(header):
        if name in used or not name.strip():
            continue
        kinds[name] = detect_kind(name, [cells[index] for _, cells in data])
    return ColumnMapping(roles, kinds)


def _canvas_mapping(header: list[str], data: Sequence[tuple[int, list[str]]]) -> ColumnMapping:
    identity = canvas.identity_columns(header)
    roles: dict[str, str] = {"lms_id": "ID"}
    sis = header.index("SIS User ID") if "SIS User ID" in header else -1
    has_sis = sis >= 0 and any(cells[sis].strip() for _, cells in data)
    roles["id"] = "SIS User ID" if has_sis else "ID"
    if "Student" in header:
        roles["name"] = "Student"
    if "FirstName" in header:
        roles["first"], roles["last"] = "FirstName", "LastName"
    if "SIS Login ID" in header:
        roles["login"] = "SIS Login ID"
        login = header.index("SIS Login ID")
        if any("@" in cells[login] for _, cells in data):
            roles["email"] = "SIS Login ID"
    if "Section" in header:
        roles["section"] = "Section"
    ignored = [h for h in header if h not in identity]
    return ColumnMapping(roles, {}, ignored)


def _clean_header(cells: list[str]) -> list[str]:
    header: list[str] = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        name = " ".join(cell.split()) or f"Column {index + 1}"
        base, n = name, 2
        while name.casefold() in seen:
            name = f"{base} ({n})"
            n += 1
        seen.add(name.casefold())
        header.append(name)
    return header


def _report_duplicate_headers(
    raw: list[str], header: list[str], file: str, problems: Problems
) -> None:
    for original, name in zip(raw, header, strict=False):
        if original.strip() and " ".join(original.split()) != name:
            problems.add(
                "duplicate-header",
                f'the header "{original.strip()}" appears twice; the second is read as "{name}"',
                file=file,
                row=1,
                column=name,
                severity="warning",
            )


def _check_mapping(
    mapping: ColumnMapping, header: list[str], file: str, problems: Problems
) -> None:
    for role, column in mapping.roles.items():
        if column not in header:
            problems.add(
                "unknown-column",
                f'the {role} column "{column}" is not in the file',
                file=file,
                row=1,
            )
    for column in mapping.kinds:
        if column not in header:
            problems.add(
                "unknown-column", f'the column "{column}" is not in the file', file=file, row=1
            )
    if "id" not in mapping.roles:
        problems.add(
            "missing-id-column",
            "no student id column found; name the column holding the student ids "
            f"(columns in the file: {', '.join(header)})",
            file=file,
            row=1,
        )


def _build_students(
    file: str,
    header: list[str],
    data: Sequence[tuple[int, list[str]]],
    mapping: ColumnMapping,
    problems: Problems,
    is_canvas: bool,
) -> tuple[list[Student], dict[str, int]]:
    """The students, and the spreadsheet row each was read from."""
    index = {name: i for i, name in enumerate(header)}

    def cell(cells: list[str], role: str) -> str:
        column = mapping.roles.get(role)
        return cells[index[column]].strip() if column in index else ""

    id_column = mapping.roles.get("id")
    if id_column not in index:
        return [], {}
    students: list[Student] = []
    first_row: dict[str, int] = {}
    for row_number, cells in data:
        name = cell(cells, "name")
        if not name and (cell(cells, "first") or cell(cells, "last")):
            name = f"{cell(cells, 'first')} {cell(cells, 'last')}".strip()
        if is_canvas and canvas.is_test_student(name, cell(cells, "login")):
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
        if sid in first_row:
            problems.add(
                "duplicate-id",
                f'the student id "{sid}" is also on row {first_row[sid]}; this row is left out',
                file=file,
                row=row_number,
                column=id_column,
            )
            continue
        first_row[sid] = row_number
        values, raw = parse_attributes(file, row_number, header, cells, mapping, problems)
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


def _who(name: str) -> str:
    return f" for {name}" if name else ""
