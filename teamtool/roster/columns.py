"""The columns of a roster file: a clean header, the detected or Canvas mapping, its checks."""

from __future__ import annotations

from collections.abc import Sequence

from teamtool.canvas import gradebook
from teamtool.model import AttributeKind
from teamtool.problems import Problems
from teamtool.roster.kinds import detect_kind
from teamtool.roster.mapping import ColumnMapping, detect_roles


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


def canvas_mapping(header: list[str], data: Sequence[tuple[int, list[str]]]) -> ColumnMapping:
    """The mapping of a Canvas gradebook export: its identity columns; the rest ignored."""
    identity = gradebook.identity_columns(header)
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


def clean_header(cells: list[str]) -> list[str]:
    """Header cells with spaces collapsed, blanks named ``Column N``, repeats numbered ``(2)``."""
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


def report_duplicate_headers(
    raw: list[str], header: list[str], file: str, problems: Problems
) -> None:
    """A warning for each header that :func:`clean_header` had to rename."""
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


def check_mapping(mapping: ColumnMapping, header: list[str], file: str, problems: Problems) -> None:
    """A problem for each mapped column missing from the file, and for a missing id column."""
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
