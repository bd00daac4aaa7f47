"""What replacing a course's roster would orphan: students left out of the new roster whose
ratings, team memberships or grade overrides the course still holds."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, replace

from teamtool.model import Roster, Student

#: How many students a message names before "and N more".
SHOWN = 5


@dataclass(frozen=True)
class RosterLosses:
    """Students missing from a new roster that the course still refers to (roster order)."""

    students: tuple[Student, ...] = ()
    ratings: int = 0
    memberships: int = 0
    overrides: int = 0

    def __bool__(self) -> bool:
        return bool(self.students)

    def counts(self) -> str:
        parts = [
            _count(self.ratings, "rating"),
            _count(self.memberships, "team membership"),
            _count(self.overrides, "grade override"),
        ]
        return ", ".join(p for p in parts if p)

    def names(self, shown: int = SHOWN) -> str:
        named = ", ".join(f"{s.name} ({s.id})" if s.name else s.id for s in self.students[:shown])
        more = len(self.students) - shown
        return named + (f" and {more} more" if more > 0 else "")

    def describe(self, source: str = "the new roster") -> str:
        """One sentence: how many students, what they still have, the first few by name."""
        n = len(self.students)
        who = "1 student of the course is" if n == 1 else f"{n} students of the course are"
        return f"{who} not in {source} but still in its {self.counts()}: {self.names()}"


def _count(n: int, what: str) -> str:
    return "" if n == 0 else f"{n} {what}" + ("" if n == 1 else "s")


def find_losses(conn: sqlite3.Connection, old: Roster, new: Roster) -> RosterLosses:
    """The losses of replacing ``old`` (the course's roster) by ``new``."""
    kept = {s.id for s in new.students}
    missing = {s.id for s in old.students} - kept
    if not missing:
        return RosterLosses()
    ratings: Counter[str] = Counter()
    rating_rows = 0
    for rater, ratee in conn.execute("SELECT rater, ratee FROM ratings"):
        if rater in missing or ratee in missing:
            rating_rows += 1
            ratings.update({rater, ratee} & missing)
    members = Counter(r[0] for r in conn.execute("SELECT student_id FROM team_members"))
    overrides = Counter(r[0] for r in conn.execute("SELECT student_id FROM overrides"))
    orphaned = tuple(
        s
        for s in old.students
        if s.id in missing and (ratings[s.id] or members[s.id] or overrides[s.id])
    )
    ids = {s.id for s in orphaned}
    return RosterLosses(
        orphaned,
        ratings=rating_rows,
        memberships=sum(members[i] for i in ids),
        overrides=sum(overrides[i] for i in ids),
    )


def kept_as_dropped(losses: RosterLosses, old: Roster, new: Roster) -> list[Student]:
    """The orphaned students, dropped, with the attributes the new roster reads the same way
    (their original cells stay in ``raw``)."""
    same = {a.name for a in new.attributes if old.attribute(a.name) == a}
    return [
        replace(
            s,
            dropped=True,
            attributes={k: v for k, v in s.attributes.items() if k in same},
        )
        for s in losses.students
    ]
