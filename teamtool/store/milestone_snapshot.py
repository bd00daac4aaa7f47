"""A deleted milestone kept whole (grades, surveys, ratings, overrides, settings) to restore it."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any

from teamtool.errors import CourseFileError
from teamtool.model import Milestone

#: A stored survey row: id, file, layout, scale, imported, header, rows, report (JSON as stored).
SurveyRow = tuple[int, str, str, str, str, str, str, str]
#: A stored rating row: rater, ratee, value, label, comment, general comment, survey id.
RatingRow = tuple[str, str, float, str, str, str, int | None]
#: A stored override row: student id, grade, reason, created.
OverrideRow = tuple[str, float, str, str]
#: A stored token ledger row: team, days late, resubmissions, original grade.
TokenRow = tuple[str, int, int, float | None]


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class MilestoneContents:
    """How much a milestone holds: what deleting it removes."""

    name: str
    team_grades: int
    surveys: int
    ratings: int
    overrides: int

    def describe(self) -> str:
        """E.g. ``12 team grades, 1 imported survey with 188 ratings, 2 overrides``."""
        parts = []
        if self.team_grades:
            parts.append(_plural(self.team_grades, "team grade", "team grades"))
        if self.surveys:
            surveys = _plural(self.surveys, "imported survey", "imported surveys")
            parts.append(f"{surveys} with {_plural(self.ratings, 'rating', 'ratings')}")
        elif self.ratings:
            parts.append(_plural(self.ratings, "rating", "ratings"))
        if self.overrides:
            parts.append(_plural(self.overrides, "override", "overrides"))
        return ", ".join(parts) if parts else "no team grades, ratings or overrides"

    def counts(self) -> dict[str, int]:
        """The counts as audit-log details."""
        return {
            "team_grades": self.team_grades,
            "surveys": self.surveys,
            "ratings": self.ratings,
            "overrides": self.overrides,
        }


@dataclass(frozen=True)
class MilestoneSnapshot:
    """Everything the course file held about one milestone, as stored (ids and order kept).

    Returned by ``Course.delete_milestone`` and put back by ``Course.restore_milestone``, so the
    restored milestone has the same id and its surveys the same ids: earlier undo steps still
    find them.
    """

    milestone: Milestone
    position: int
    settings: str
    surveys: tuple[SurveyRow, ...]
    ratings: tuple[RatingRow, ...]
    overrides: tuple[OverrideRow, ...]
    token_uses: tuple[TokenRow, ...] = ()

    @property
    def contents(self) -> MilestoneContents:
        return MilestoneContents(
            self.milestone.name,
            len(self.milestone.grades),
            len(self.surveys),
            len(self.ratings),
            len(self.overrides),
        )


def contents_of(conn: sqlite3.Connection, milestone: Milestone) -> MilestoneContents:
    """Count what the course file holds for ``milestone`` (a stored one)."""

    def count(table: str) -> int:
        sql = f"SELECT count(*) FROM {table} WHERE milestone_id=?"  # table: one of three names
        return int(conn.execute(sql, (milestone.id,)).fetchone()[0])

    return MilestoneContents(
        milestone.name,
        len(milestone.grades),
        count("surveys"),
        count("ratings"),
        count("overrides"),
    )


def read_snapshot(conn: sqlite3.Connection, milestone: Milestone) -> MilestoneSnapshot:
    """Read every row that belongs to ``milestone`` (a stored one), in stored order."""
    mid = milestone.id
    position, settings = conn.execute(
        "SELECT position, settings FROM milestones WHERE id=?", (mid,)
    ).fetchone()

    def rows(table: str, columns: str, order: str = "rowid") -> tuple[Any, ...]:
        """The milestone's rows of ``table`` in stored order (every name here is one of ours)."""
        sql = f"SELECT {columns} FROM {table} WHERE milestone_id=? ORDER BY {order}"
        return tuple(conn.execute(sql, (mid,)).fetchall())

    return MilestoneSnapshot(
        replace(milestone, grades=dict(milestone.grades)),
        int(position),
        str(settings),
        surveys=rows("surveys", "id, file, layout, scale, imported, header, rows, report", "id"),
        ratings=rows("ratings", "rater, ratee, value, label, comment, general_comment, survey_id"),
        overrides=rows("overrides", "student_id, grade, reason, created"),
        token_uses=rows("token_uses", "team, days_late, resubmissions, original_grade"),
    )


def write_snapshot(conn: sqlite3.Connection, snapshot: MilestoneSnapshot) -> None:
    """Insert the snapshot's rows again, under their own ids (inside the caller's transaction).

    Refuses, changing nothing, when the course has since taken the milestone's id or name, a
    survey id, or lost the milestone's team set.
    """
    m = snapshot.milestone
    if conn.execute("SELECT 1 FROM milestones WHERE id=?", (m.id,)).fetchone():
        raise CourseFileError(
            f'milestone "{m.name}" cannot be restored: it is in the course already',
            code="restore-conflict",
        )
    if conn.execute("SELECT 1 FROM milestones WHERE name=?", (m.name,)).fetchone():
        raise CourseFileError(
            f'milestone "{m.name}" cannot be restored: another milestone has its name; '
            "rename that one first",
            code="duplicate-name",
        )
    if (
        m.team_set_id is not None
        and not conn.execute("SELECT 1 FROM team_sets WHERE id=?", (m.team_set_id,)).fetchone()
    ):
        raise CourseFileError(
            f'milestone "{m.name}" cannot be restored: its team set is no longer in the course',
            code="restore-conflict",
        )
    taken = [
        s[0]
        for s in snapshot.surveys
        if conn.execute("SELECT 1 FROM surveys WHERE id=?", (s[0],)).fetchone()
    ]
    if taken:
        raise CourseFileError(
            f'milestone "{m.name}" cannot be restored: its surveys\' ids are taken',
            code="restore-conflict",
        )
    conn.execute(
        "INSERT INTO milestones(id, name, max_points, team_set_id, position, settings) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (m.id, m.name, m.max_points, m.team_set_id, snapshot.position, snapshot.settings),
    )
    conn.executemany(
        "INSERT INTO team_grades(milestone_id, team, grade) VALUES (?, ?, ?)",
        [(m.id, team, float(g)) for team, g in m.grades.items()],
    )
    conn.executemany(
        "INSERT INTO surveys(id, milestone_id, file, layout, scale, imported, header, rows, "
        "report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(s[0], m.id, *s[1:]) for s in snapshot.surveys],
    )
    conn.executemany(
        "INSERT INTO ratings(milestone_id, rater, ratee, value, label, comment, general_comment, "
        "survey_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.id, *r) for r in snapshot.ratings],
    )
    conn.executemany(
        "INSERT INTO overrides(milestone_id, student_id, grade, reason, created) "
        "VALUES (?, ?, ?, ?, ?)",
        [(m.id, *o) for o in snapshot.overrides],
    )
    conn.executemany(
        "INSERT INTO token_uses(milestone_id, team, days_late, resubmissions, original_grade) "
        "VALUES (?, ?, ?, ?, ?)",
        [(m.id, *t) for t in snapshot.token_uses],
    )
