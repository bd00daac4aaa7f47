"""Adjusted grades as a Canvas gradebook import CSV (formats.md), matched to a gradebook export."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from teamtool.canvas.gradebook import is_skipped_row, is_test_student
from teamtool.errors import ExportError
from teamtool.export.csv_util import Cell, write_csv
from teamtool.export.grade_csv import two_decimals
from teamtool.export.safe import Identifier
from teamtool.files.tables import read_grid
from teamtool.grading.results import MilestoneResult
from teamtool.model import Roster, Student
from teamtool.names import fold
from teamtool.problems import Problems

CANVAS_IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "    Points Possible"
_ASSIGNMENT_ID = re.compile(r"\s*\(\d+\)\s*$")


def export_canvas_grades(
    results: Sequence[MilestoneResult],
    roster: Roster,
    path: str | Path,
    gradebook: Path | None = None,
    problems: Problems | None = None,
) -> Path:
    """The Canvas gradebook import CSV: the five identity columns, one column per milestone,
    the Points Possible row, scores to 2 decimals.

    With ``gradebook`` (a Canvas gradebook export) the identity cells are copied from it (students
    matched by Canvas ID, SIS User ID or SIS login) and each milestone column takes the title of
    the assignment of the same name, ``Title (id)``, so Canvas updates it instead of creating a
    new one. Students not found there are added to ``problems`` as warnings and left out.
    """
    problems = problems if problems is not None else Problems()
    titles = [r.milestone for r in results]
    identity: dict[str, list[str]] = {}
    graded = {r.student_id for result in results for r in result.students}
    students = [s for s in roster if s.id in graded]
    known = {s.id for s in roster}
    students += [Student(sid) for sid in sorted(graded - known)]
    if gradebook is not None:
        titles, identity = _match_gradebook(gradebook, results, students, problems)
    else:
        for s in students:
            identity[s.id] = [s.name, s.lms_id, s.id, s.login_id, s.section]
    by_result = [r.by_student() for r in results]
    rows: list[list[Cell]] = [
        [POINTS_POSSIBLE, "", "", "", "", *(two_decimals(r.max_points) for r in results)]
    ]
    for s in students:
        if s.id not in identity:
            continue
        scores: list[Cell] = []
        for b in by_result:
            final = b[s.id].final_grade if s.id in b else None
            scores.append(two_decimals(final) if final is not None else "")
        if any(scores):
            name, lms_id, sis_id, login, section = identity[s.id]
            ids = [Identifier(lms_id), Identifier(sis_id), Identifier(login)]
            rows.append([name, *ids, section, *scores])
    return write_csv(path, [*CANVAS_IDENTITY, *titles], rows)


def _match_gradebook(
    gradebook: Path,
    results: Sequence[MilestoneResult],
    students: Sequence[Student],
    problems: Problems,
) -> tuple[list[str], dict[str, list[str]]]:
    grid = read_grid(gradebook)
    header = [h.strip() for h in grid.rows[0]]
    at = {name: header.index(name) for name in CANVAS_IDENTITY if name in header}
    titles = []
    for result in results:
        title = _assignment_for(result.milestone, header)
        if title is None:
            problems.add(
                "new-assignment",
                f'no gradebook assignment is named like "{result.milestone}"; '
                "Canvas will create a new assignment",
                file=grid.file,
                severity="warning",
            )
        titles.append(title or result.milestone)
    rows: dict[tuple[str, str], list[str]] = {}
    for _, cells in grid.iter_rows(1):
        if is_skipped_row(cells):
            continue
        cell = [
            cells[at[n]].strip() if n in at and at[n] < len(cells) else "" for n in CANVAS_IDENTITY
        ]
        if is_test_student(cell[0], cell[3]):
            continue
        for kind, value in zip(("lms", "sis", "login"), cell[1:4], strict=True):
            if value:
                rows.setdefault((kind, fold(value)), cell)
    identity: dict[str, list[str]] = {}
    for s in students:
        keys = [("lms", s.lms_id), ("sis", s.id), ("login", s.login_id), ("login", s.id)]
        found = next((rows[(k, fold(v))] for k, v in keys if v and (k, fold(v)) in rows), None)
        if found is None:
            problems.add(
                "not-in-gradebook",
                f"{s.label} is not in the Canvas gradebook; left out of the import file",
                file=grid.file,
                severity="warning",
            )
            continue
        identity[s.id] = found
    if students and not identity:
        raise ExportError(
            "no student of the course is in this Canvas gradebook export; "
            "is it the gradebook of another course?",
            file=grid.file,
            code="wrong-gradebook",
        )
    return titles, identity


def _assignment_for(milestone: str, header: Sequence[str]) -> str | None:
    """The ``Title (id)`` column whose title is the milestone name, or contains it, uniquely."""
    assignments = [h for h in header if _ASSIGNMENT_ID.search(h)]
    want = fold(milestone)
    exact = [h for h in assignments if fold(_ASSIGNMENT_ID.sub("", h)) == want]
    if len(exact) == 1:
        return exact[0]
    partial = [h for h in assignments if want in fold(_ASSIGNMENT_ID.sub("", h))]
    return partial[0] if len(partial) == 1 else None
