"""Parsing attribute cells by kind, and resolving teammate preferences to student ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from teamtool.model import AttributeKind, AttrValue, Roster, Student
from teamtool.names import email_key, name_key
from teamtool.number_text import Mark, read_number
from teamtool.problems import Problems
from teamtool.roster.kinds import parse_slot, split_list, split_slots
from teamtool.roster.mapping import ColumnMapping


def parse_value(
    kind: AttributeKind, text: str, mark: Mark | None = None
) -> tuple[AttrValue, list[str]]:
    """The value of one cell and the parts that could not be read (empty when all is well).

    Preference cells come back as the raw entries; :func:`resolve_preferences` turns them into
    student ids once the whole roster is known. ``mark`` is a numeric column's decimal mark.
    """
    text = text.strip()
    if not text:
        return None, []
    if kind is AttributeKind.NUMERIC:
        number = read_number(text, mark).value
        return (number, []) if number is not None else (None, [text])
    if kind is AttributeKind.AVAILABILITY:
        slots: list[str] = []
        bad: list[str] = []
        for token in split_slots(text):
            slot = parse_slot(token)
            if slot:
                slots.append(slot)
            else:
                bad.append(token)
        return frozenset(slots), bad
    if kind is AttributeKind.PREFERENCE:
        return tuple(split_list(text)), []
    return " ".join(text.split()), []


def parse_attributes(
    file: str,
    row: int,
    header: Sequence[str],
    cells: Sequence[str],
    mapping: ColumnMapping,
    problems: Problems,
    marks: dict[str, Mark | None],
) -> tuple[dict[str, AttrValue], dict[str, str]]:
    index = {name: i for i, name in enumerate(header)}
    values: dict[str, AttrValue] = {}
    raw: dict[str, str] = {}
    for column, kind in mapping.kinds.items():
        if column not in index:
            continue
        text = cells[index[column]]
        raw[column] = text
        value, bad = parse_value(kind, text, marks.get(column))
        values[column] = value
        for part in bad:
            if kind is AttributeKind.NUMERIC:
                reading = read_number(part, marks.get(column))
                problems.add(
                    reading.code,
                    f"{reading.error}; the cell is left empty",
                    file=file,
                    row=row,
                    column=column,
                )
            else:
                problems.add(
                    "unknown-slot",
                    f'"{part}" is not a weekly slot such as "Mon AM"; it is left out',
                    file=file,
                    row=row,
                    column=column,
                    severity="warning",
                )
    return values, raw


class PeopleIndex:
    """Find a student by id, email or name (case, accents and ``Last, First`` tolerated)."""

    def __init__(self, students: Sequence[Student]) -> None:
        self._by_id = {s.id.casefold(): s.id for s in students}
        self._by_email = {email_key(s.email): s.id for s in students if s.email}
        self._by_name: dict[str, list[str]] = {}
        for s in students:
            if s.name:
                self._by_name.setdefault(name_key(s.name), []).append(s.id)

    def find(self, text: str) -> str | None:
        key = text.strip()
        if key.casefold() in self._by_id:
            return self._by_id[key.casefold()]
        if email_key(key) in self._by_email:
            return self._by_email[email_key(key)]
        ids = self._by_name.get(name_key(key), [])
        return ids[0] if len(ids) == 1 else None


def resolve_preferences(
    roster: Roster,
    file: str,
    rows: dict[str, int],
    problems: Problems,
) -> None:
    """Replace the entries of every preference attribute by student ids, reporting unknown ones."""
    columns = [a.name for a in roster.attributes if a.kind is AttributeKind.PREFERENCE]
    if not columns:
        return
    people = PeopleIndex(roster.students)
    for position, student in enumerate(roster.students):
        changed = dict(student.attributes)
        for column in columns:
            entries = student.attributes.get(column)
            if not isinstance(entries, tuple):
                continue
            ids: list[str] = []
            for entry in entries:
                found = people.find(entry)
                if found is None:
                    problems.add(
                        "unknown-person",
                        f'"{entry}" matches no student of the roster by id, email or name; '
                        "the request is left out",
                        file=file,
                        row=rows.get(student.id),
                        column=column,
                        severity="warning",
                    )
                elif found != student.id and found not in ids:
                    ids.append(found)
            changed[column] = tuple(ids) or None
        roster.students[position] = replace(student, attributes=changed)
