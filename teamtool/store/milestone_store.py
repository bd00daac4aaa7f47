"""Milestones in the course file: name, maximum, team set, team grades, adjustment settings.

A milestone grades one concrete team set, bound when it is added (the newest team set then)
and changed only by :meth:`MilestoneStore.set_milestone_team_set`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from teamtool.errors import CourseFileError
from teamtool.model import Milestone
from teamtool.store.milestone_binding_store import MilestoneTeamSets
from teamtool.store.milestone_snapshot import (
    MilestoneContents,
    MilestoneSnapshot,
    contents_of,
    read_snapshot,
    write_snapshot,
)


class MilestoneStore(MilestoneTeamSets):
    """Milestone operations of a course file."""

    def milestones(self) -> list[Milestone]:
        rows = self.conn.execute(
            "SELECT id, name, max_points, team_set_id FROM milestones ORDER BY position, id"
        ).fetchall()
        return [self._milestone(r) for r in rows]

    def milestone(self, milestone_id: int) -> Milestone:
        row = self.known_row(
            "milestones", "id, name, max_points, team_set_id", milestone_id, "milestone"
        )
        return self._milestone(row)

    def _milestone(self, row: tuple[int, str, float, int | None]) -> Milestone:
        grades = dict(
            self.conn.execute("SELECT team, grade FROM team_grades WHERE milestone_id=?", (row[0],))
        )
        return Milestone(
            name=str(row[1]),
            max_points=float(row[2]),
            team_set_id=row[3],
            grades=grades,
            id=int(row[0]),
        )

    def add_milestone(self, milestone: Milestone) -> int:
        """Store a new milestone; without a team set it grades the newest one (set on
        ``milestone``). Refused while the course has no team set."""
        self._check(milestone)
        with self.transaction() as c:
            if milestone.team_set_id is None:
                milestone.team_set_id = self.newest_team_set_id()
            team_set = self.team_set_name(milestone.team_set_id)
            if c.execute("SELECT 1 FROM milestones WHERE name=?", (milestone.name,)).fetchone():
                raise CourseFileError(
                    f'a milestone named "{milestone.name}" exists already', code="duplicate-name"
                )
            position = c.execute(
                "SELECT coalesce(max(position) + 1, 0) FROM milestones"
            ).fetchone()[0]
            cur = c.execute(
                "INSERT INTO milestones(id, name, max_points, team_set_id, position) VALUES (?, ?, ?, ?, ?)",
                (
                    milestone.id,
                    milestone.name,
                    milestone.max_points,
                    milestone.team_set_id,
                    position,
                ),
            )
            milestone.id = int(cur.lastrowid or 0)
            self._write_grades(milestone.id, milestone.grades)
            self.audit(
                "add-milestone",
                id=milestone.id,
                name=milestone.name,
                team_set=milestone.team_set_id,
                team_set_name=team_set,
            )
        return milestone.id

    def update_milestone(self, milestone: Milestone) -> Milestone:
        """Store name, maximum and grades; returns the previous version (for undo).

        The team set stays (``team_set_id`` None or the stored one; another is refused)."""
        self._check(milestone)
        if milestone.id is None:
            raise CourseFileError(
                "this milestone has not been stored yet", code="unknown-milestone"
            )
        before = self.milestone(milestone.id)
        with self.transaction() as c:
            if milestone.team_set_id not in (None, before.team_set_id):
                raise CourseFileError(
                    "a milestone's teams change only with Use other teams",
                    code="team-set-changed",
                )
            c.execute(
                "UPDATE milestones SET name=?, max_points=? WHERE id=?",
                (milestone.name, milestone.max_points, milestone.id),
            )
            c.execute("DELETE FROM team_grades WHERE milestone_id=?", (milestone.id,))
            self._write_grades(milestone.id, milestone.grades)
            self.audit("edit-milestone", id=milestone.id, name=milestone.name)
        return before

    def milestone_contents(self, milestone_id: int) -> MilestoneContents:
        """What deleting the milestone would remove (counts of grades, surveys, ratings …)."""
        return contents_of(self.conn, self.milestone(milestone_id))

    def delete_milestone(self, milestone_id: int) -> MilestoneSnapshot:
        """Delete a milestone with its team grades, surveys, ratings, overrides and settings.

        One transaction, one audit entry with the counts removed. Returns everything removed,
        for :meth:`restore_milestone` (undo).
        """
        with self.transaction() as c:
            snapshot = read_snapshot(c, self.milestone(milestone_id))
            c.execute("DELETE FROM milestones WHERE id=?", (milestone_id,))
            self.audit(
                "delete-milestone",
                id=milestone_id,
                name=snapshot.milestone.name,
                **snapshot.contents.counts(),
            )
        return snapshot

    def restore_milestone(self, snapshot: MilestoneSnapshot) -> int:
        """Put a deleted milestone back whole, under its own id (one transaction, audited).

        Raises :class:`CourseFileError`, changing nothing, if its id, name or survey ids have
        been taken since, or its team set is gone. Returns the milestone's id.
        """
        milestone_id = snapshot.milestone.id
        if milestone_id is None:
            raise CourseFileError("this milestone was never stored", code="unknown-milestone")
        with self.transaction() as c:
            write_snapshot(c, snapshot)
            self.audit(
                "restore-milestone",
                id=milestone_id,
                name=snapshot.milestone.name,
                **snapshot.contents.counts(),
            )
        return milestone_id

    def set_team_grade(self, milestone_id: int, team: str, grade: float | None) -> float | None:
        """Set or clear one team's grade; returns the previous grade."""
        with self.transaction() as c:
            row = c.execute(
                "SELECT grade FROM team_grades WHERE milestone_id=? AND team=?",
                (milestone_id, team),
            ).fetchone()
            c.execute(
                "DELETE FROM team_grades WHERE milestone_id=? AND team=?", (milestone_id, team)
            )
            if grade is not None:
                c.execute(
                    "INSERT INTO team_grades VALUES (?, ?, ?)", (milestone_id, team, float(grade))
                )
            self.audit(
                "set-team-grade",
                milestone=milestone_id,
                team=team,
                grade=grade,
                before=row[0] if row else None,
            )
        return float(row[0]) if row else None

    def _write_grades(self, milestone_id: int, grades: Mapping[str, float]) -> None:
        self.conn.executemany(
            "INSERT INTO team_grades(milestone_id, team, grade) VALUES (?, ?, ?)",
            [(milestone_id, team, float(g)) for team, g in grades.items()],
        )

    @staticmethod
    def _check(milestone: Milestone) -> None:
        if not milestone.name.strip():
            raise CourseFileError("a milestone needs a name", code="empty-name")
        if not milestone.max_points > 0:
            raise CourseFileError("the maximum points must be above zero", code="bad-max")

    # -- settings of the adjustment (JSON of AdjustOptions) -------------------------------
    def milestone_settings(self, milestone_id: int) -> dict[str, object]:
        row = self.conn.execute(
            "SELECT settings FROM milestones WHERE id=?", (milestone_id,)
        ).fetchone()
        return dict(json.loads(row[0])) if row else {}

    def set_milestone_settings(
        self, milestone_id: int, settings: Mapping[str, object]
    ) -> dict[str, object]:
        before = self.milestone_settings(milestone_id)
        with self.transaction() as c:
            c.execute(
                "UPDATE milestones SET settings=? WHERE id=?",
                (json.dumps(dict(settings), ensure_ascii=False), milestone_id),
            )
            self.audit("set-adjustment-settings", milestone=milestone_id, settings=dict(settings))
        return before
