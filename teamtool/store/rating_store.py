"""Peer ratings in the course file: imported surveys kept raw, cleaned ratings, overrides."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from teamtool.errors import GradingError
from teamtool.model import Rating
from teamtool.ratings.scales import scale_to_text
from teamtool.ratings.survey import SurveyImport
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


class RatingStore(CourseBase):
    """Survey, rating and override operations of a course file."""

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

    def save_survey_import(self, milestone_id: int, survey: SurveyImport) -> int:
        """Store a survey import whole: raw rows, scale, report, cleaned ratings."""
        return self.save_survey(
            milestone_id,
            file=survey.file,
            layout=survey.layout,
            scale=scale_to_text(survey.scale),
            header=survey.raw_header,
            rows=survey.raw_rows,
            report=[str(p) for p in survey.problems],
            ratings=survey.ratings,
        )

    def delete_survey(self, survey_id: int) -> None:
        """Remove a stored survey (the undo of an import); its ratings are the caller's concern."""
        with self.transaction() as c:
            row = self.known_row("surveys", "milestone_id, file", survey_id, "survey")
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
            Rating(r[0], r[1], float(r[2]), r[3], r[4], r[5])
            for r in self.conn.execute(
                "SELECT rater, ratee, value, label, comment, general_comment FROM ratings "
                "WHERE milestone_id=? ORDER BY rowid",
                (milestone_id,),
            )
        ]

    def ratings_survey(self, milestone_id: int) -> int | None:
        """The id of the stored survey the milestone's ratings came from (None: typed in, or
        the milestone has no ratings)."""
        row = self.conn.execute(
            "SELECT survey_id FROM ratings WHERE milestone_id=? ORDER BY rowid LIMIT 1",
            (milestone_id,),
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def set_ratings(
        self, milestone_id: int, ratings: Sequence[Rating], survey_id: int | None = None
    ) -> list[Rating]:
        """Replace the milestone's cleaned ratings (typed in, or those of the stored survey
        ``survey_id`` put back by undo); returns the previous ones."""
        before = self.ratings(milestone_id)
        with self.transaction():
            self._replace_ratings(milestone_id, ratings, survey_id)
            self.audit("set-ratings", milestone=milestone_id, ratings=len(ratings))
        return before

    def _replace_ratings(
        self, milestone_id: int, ratings: Sequence[Rating], survey_id: int | None
    ) -> None:
        self.conn.execute("DELETE FROM ratings WHERE milestone_id=?", (milestone_id,))
        self.conn.executemany(
            "INSERT OR REPLACE INTO ratings(milestone_id, rater, ratee, value, label, comment, "
            "general_comment, survey_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    milestone_id,
                    r.rater,
                    r.ratee,
                    r.value,
                    r.label,
                    r.comment,
                    r.general_comment,
                    survey_id,
                )
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
