"""Milestones in the course file: team grades, imported surveys, ratings, settings, overrides."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from teamtool.errors import CourseFileError, GradingError
from teamtool.model import Milestone, Rating
from teamtool.store.base import CourseBase, now


@dataclass(frozen=True)
class StoredSurvey:
    """An imported survey file as it was: the raw rows and the import report."""

    id: int
    milestone_id: int
    file: str
    layout: str
    scale: str
    imported: str
    header: list[str]
    rows: list[list[str]]
    report: list[str]


@dataclass(frozen=True)
class Override:
    student_id: str
    grade: float
    reason: str
    created: str


class MilestoneStore(CourseBase):
    """Milestone operations of a course file."""

    def milestones(self) -> list[Milestone]:
        rows = self.conn.execute(
            "SELECT id, name, max_points, team_set_id FROM milestones ORDER BY position, id"
        ).fetchall()
        return [self._milestone(r) for r in rows]

    def milestone(self, milestone_id: int) -> Milestone:
        row = self.conn.execute(
            "SELECT id, name, max_points, team_set_id FROM milestones WHERE id=?", (milestone_id,)
        ).fetchone()
        if row is None:
            raise CourseFileError(
                f"no milestone {milestone_id} in this course", code="unknown-milestone"
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
        self._check(milestone)
        with self.transaction() as c:
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
            self.audit("add-milestone", id=milestone.id, name=milestone.name)
        return milestone.id

    def update_milestone(self, milestone: Milestone) -> Milestone:
        """Store name, maximum, team set and grades; returns the previous version (for undo)."""
        self._check(milestone)
        if milestone.id is None:
            raise CourseFileError(
                "this milestone has not been stored yet", code="unknown-milestone"
            )
        before = self.milestone(milestone.id)
        with self.transaction() as c:
            c.execute(
                "UPDATE milestones SET name=?, max_points=?, team_set_id=? WHERE id=?",
                (milestone.name, milestone.max_points, milestone.team_set_id, milestone.id),
            )
            c.execute("DELETE FROM team_grades WHERE milestone_id=?", (milestone.id,))
            self._write_grades(milestone.id, milestone.grades)
            self.audit("edit-milestone", id=milestone.id, name=milestone.name)
        return before

    def delete_milestone(self, milestone_id: int) -> None:
        with self.transaction() as c:
            name = self.milestone(milestone_id).name
            c.execute("DELETE FROM milestones WHERE id=?", (milestone_id,))
            self.audit("delete-milestone", id=milestone_id, name=name)

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

    # -- surveys and ratings --------------------------------------------------------------
    def save_survey(
        self,
        milestone_id: int,
        *,
        file: str,
        layout: str,
        scale: str,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        report: Sequence[str],
        ratings: Sequence[Rating],
    ) -> int:
        """Store an imported survey (raw rows and report) and make its ratings the milestone's."""
        with self.transaction() as c:
            cur = c.execute(
                "INSERT INTO surveys(milestone_id, file, layout, scale, imported, header, rows, report) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    milestone_id,
                    file,
                    layout,
                    scale,
                    now(),
                    json.dumps(list(header), ensure_ascii=False),
                    json.dumps([list(r) for r in rows], ensure_ascii=False),
                    json.dumps(list(report), ensure_ascii=False),
                ),
            )
            survey_id = int(cur.lastrowid or 0)
            self._replace_ratings(milestone_id, ratings, survey_id)
            self.audit(
                "import-survey",
                milestone=milestone_id,
                file=file,
                layout=layout,
                ratings=len(ratings),
            )
        return survey_id

    def delete_survey(self, survey_id: int) -> None:
        """Remove a stored survey (the undo of an import); its ratings are the caller's concern."""
        with self.transaction() as c:
            row = c.execute(
                "SELECT milestone_id, file FROM surveys WHERE id=?", (survey_id,)
            ).fetchone()
            if row is None:
                raise CourseFileError(
                    f"no survey {survey_id} in this course", code="unknown-survey"
                )
            c.execute("DELETE FROM surveys WHERE id=?", (survey_id,))
            self.audit("delete-survey", milestone=row[0], file=row[1], survey=survey_id)

    def surveys(self, milestone_id: int) -> list[StoredSurvey]:
        return [
            StoredSurvey(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                json.loads(r[6]),
                json.loads(r[7]),
                json.loads(r[8]),
            )
            for r in self.conn.execute(
                "SELECT id, milestone_id, file, layout, scale, imported, header, rows, report "
                "FROM surveys WHERE milestone_id=? ORDER BY id",
                (milestone_id,),
            )
        ]

    def ratings(self, milestone_id: int) -> list[Rating]:
        return [
            Rating(r[0], r[1], float(r[2]), r[3], r[4])
            for r in self.conn.execute(
                "SELECT rater, ratee, value, label, comment FROM ratings WHERE milestone_id=? "
                "ORDER BY rowid",
                (milestone_id,),
            )
        ]

    def set_ratings(self, milestone_id: int, ratings: Sequence[Rating]) -> list[Rating]:
        """Replace the milestone's cleaned ratings (e.g. typed in); returns the previous ones."""
        before = self.ratings(milestone_id)
        with self.transaction():
            self._replace_ratings(milestone_id, ratings, None)
            self.audit("set-ratings", milestone=milestone_id, ratings=len(ratings))
        return before

    def _replace_ratings(
        self, milestone_id: int, ratings: Sequence[Rating], survey_id: int | None
    ) -> None:
        self.conn.execute("DELETE FROM ratings WHERE milestone_id=?", (milestone_id,))
        self.conn.executemany(
            "INSERT OR REPLACE INTO ratings(milestone_id, rater, ratee, value, label, comment, survey_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (milestone_id, r.rater, r.ratee, r.value, r.label, r.comment, survey_id)
                for r in ratings
            ],
        )

    # -- instructor overrides --------------------------------------------------------------
    def overrides(self, milestone_id: int) -> dict[str, Override]:
        return {
            r[0]: Override(r[0], float(r[1]), r[2], r[3])
            for r in self.conn.execute(
                "SELECT student_id, grade, reason, created FROM overrides WHERE milestone_id=?",
                (milestone_id,),
            )
        }

    def set_override(
        self, milestone_id: int, student_id: str, grade: float | None, reason: str = ""
    ) -> Override | None:
        """Override a student's adjusted grade (a reason is required), or clear it with ``None``.

        Returns the previous override, for undo. Both are written to the audit log.
        """
        if grade is not None and not reason.strip():
            raise GradingError(
                "an override needs a reason, kept in the course's audit log", code="no-reason"
            )
        before = self.overrides(milestone_id).get(student_id)
        with self.transaction() as c:
            c.execute(
                "DELETE FROM overrides WHERE milestone_id=? AND student_id=?",
                (milestone_id, student_id),
            )
            if grade is not None:
                c.execute(
                    "INSERT INTO overrides VALUES (?, ?, ?, ?, ?)",
                    (milestone_id, student_id, float(grade), reason.strip(), now()),
                )
            self.audit(
                "override-grade" if grade is not None else "clear-override",
                milestone=milestone_id,
                student=student_id,
                grade=grade,
                reason=reason.strip(),
                before=before.grade if before else None,
            )
        return before
