"""The roster in the course file: students, attribute kinds, add / edit / drop."""

from __future__ import annotations

import json
from typing import Any

from teamtool.errors import CourseFileError, RosterError
from teamtool.model import AttributeKind, AttributeSpec, Roster, Student
from teamtool.number_text import column_mark
from teamtool.roster.values import PeopleIndex, parse_value
from teamtool.store import codec
from teamtool.store.base import CourseBase
from teamtool.store.roster_losses import RosterLosses, find_losses, kept_as_dropped


class RosterStore(CourseBase):
    """Roster operations of a course file."""

    def roster(self) -> Roster:
        attrs = self._attributes()
        kinds = {a.name: a.kind for a in attrs}
        rows = self.conn.execute(f"SELECT {_COLUMNS} FROM students ORDER BY position")
        return Roster([_student(r, kinds) for r in rows], attrs)

    def _attributes(self) -> list[AttributeSpec]:
        return [
            AttributeSpec(name, AttributeKind(kind))
            for name, kind in self.conn.execute(
                "SELECT name, kind FROM attributes ORDER BY position"
            )
        ]

    def roster_losses(self, roster: Roster) -> RosterLosses:
        """What replacing the roster by ``roster`` would orphan (empty: nothing)."""
        return find_losses(self.conn, self.roster(), roster)

    def replace_roster(
        self, roster: Roster, source: str = "", *, drop_missing: bool = False
    ) -> None:
        """Put ``roster`` in place of the course's roster (one change in the audit log).

        A roster without students is refused. Students left out of ``roster`` whose ratings,
        teams or overrides the course holds are refused too, unless ``drop_missing``: then they
        stay in the course as dropped students, after the new ones.
        """
        if not roster.students:
            raise RosterError(
                "the roster has no students; the course keeps its roster",
                file=source or None,
                code="empty-roster",
            )
        with self.transaction() as c:
            old = self.roster()
            losses = find_losses(c, old, roster)
            if losses and not drop_missing:
                raise RosterError(
                    losses.describe(source or "the new roster") + "; the course keeps its roster",
                    code="roster-would-orphan",
                )
            kept = kept_as_dropped(losses, old, roster)
            c.execute("DELETE FROM students")
            c.execute("DELETE FROM attributes")
            for position, spec in enumerate(roster.attributes):
                c.execute(
                    "INSERT INTO attributes(name, kind, position) VALUES (?, ?, ?)",
                    (spec.name, spec.kind.value, position),
                )
            for position, student in enumerate([*roster.students, *kept]):
                self._insert(student, position)
            self.audit(
                "import-roster",
                source=source,
                students=len(roster.students),
                kept_as_dropped=[s.id for s in kept],
            )

    def _insert(self, s: Student, position: int) -> None:
        self.conn.execute(
            "INSERT INTO students(id, name, email, section, lms_id, login_id, raw, attributes, "
            "dropped, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s.id, *_fields(s), position),
        )

    def add_student(self, student: Student, position: int | None = None) -> None:
        if not student.id.strip():
            raise RosterError("a student needs an id", code="empty-id")
        with self.transaction() as c:
            if c.execute("SELECT 1 FROM students WHERE id = ?", (student.id,)).fetchone():
                raise RosterError(
                    f'a student with id "{student.id}" exists already', code="duplicate-id"
                )
            if position is None:
                position = c.execute(
                    "SELECT coalesce(max(position) + 1, 0) FROM students"
                ).fetchone()[0]
            else:
                c.execute(
                    "UPDATE students SET position = position + 1 WHERE position >= ?", (position,)
                )
            self._insert(student, position)
            self.audit("add-student", id=student.id, name=student.name)

    def update_student(self, student: Student) -> Student:
        """Store new values for an existing student; returns the previous version (for undo)."""
        before = self.student(student.id)
        with self.transaction() as c:
            c.execute(
                "UPDATE students SET name=?, email=?, section=?, lms_id=?, login_id=?, raw=?, "
                "attributes=?, dropped=? WHERE id=?",
                (*_fields(student), student.id),
            )
            self.audit("edit-student", id=student.id)
        return before

    def student(self, student_id: str) -> Student:
        """One student, read alone (an edit or its undo need not read the whole roster)."""
        row = self.known_row("students", _COLUMNS, student_id, "student")
        return _student(row, {a.name: a.kind for a in self._attributes()})

    def set_dropped(self, student_id: str, dropped: bool = True) -> None:
        """Drop a student (kept in history, left out of new teams) or bring them back."""
        with self.transaction() as c:
            if (
                c.execute(
                    "UPDATE students SET dropped=? WHERE id=?", (int(dropped), student_id)
                ).rowcount
                != 1
            ):
                raise CourseFileError(
                    f'no student with id "{student_id}" in this course', code="unknown-student"
                )
            self.audit("drop-student" if dropped else "restore-student", id=student_id)

    def remove_student(self, student_id: str) -> tuple[Student, int]:
        """Delete a student entirely (undo of an add); returns the student and its position."""
        before = self.student(student_id)
        with self.transaction() as c:
            position = c.execute(
                "SELECT position FROM students WHERE id=?", (student_id,)
            ).fetchone()[0]
            c.execute("DELETE FROM students WHERE id=?", (student_id,))
            self.audit("remove-student", id=student_id)
        return before, int(position)

    def set_attribute_kind(self, name: str, kind: AttributeKind) -> AttributeKind:
        """Change how a column is read; every student's cell is read again from its text."""
        roster = self.roster()
        spec = roster.attribute(name)
        if spec is None:
            raise CourseFileError(f'the roster has no attribute "{name}"', code="unknown-attribute")
        people = PeopleIndex(roster.students)
        mark = column_mark(s.raw.get(name, "") for s in roster.students)
        with self.transaction() as c:
            c.execute("UPDATE attributes SET kind=? WHERE name=?", (kind.value, name))
            for s in roster.students:
                value, _bad = parse_value(kind, s.raw.get(name, ""), mark)
                if kind is AttributeKind.PREFERENCE and isinstance(value, tuple):
                    ids = [i for i in (people.find(t) for t in value) if i and i != s.id]
                    value = tuple(dict.fromkeys(ids)) or None
                attributes = {**s.attributes, name: value}
                c.execute(
                    "UPDATE students SET attributes=? WHERE id=?",
                    (codec.encode(attributes), s.id),
                )
            self.audit(
                "set-attribute-kind", attribute=name, kind=kind.value, before=spec.kind.value
            )
        return spec.kind


_COLUMNS = "id, name, email, section, lms_id, login_id, raw, attributes, dropped"


def _student(row: tuple[Any, ...], kinds: dict[str, AttributeKind]) -> Student:
    return Student(
        id=row[0],
        name=row[1],
        email=row[2],
        section=row[3],
        lms_id=row[4],
        login_id=row[5],
        raw=json.loads(row[6]),
        attributes=codec.decode(row[7], kinds),
        dropped=bool(row[8]),
    )


def _fields(s: Student) -> tuple[Any, ...]:
    """The stored values of ``s`` after its id: name, email, section, lms_id, login_id, raw,
    attributes, dropped (the order of ``_COLUMNS``)."""
    return (
        s.name,
        s.email,
        s.section,
        s.lms_id,
        s.login_id,
        json.dumps(dict(s.raw), ensure_ascii=False),
        codec.encode(dict(s.attributes)),
        int(s.dropped),
    )
