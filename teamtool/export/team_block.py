"""One team's block on a milestone sheet: its ratings matrix and the result formulas under it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from teamtool.export import workbook_formulas as fx
from teamtool.export.sheet_writer import SheetWriter
from teamtool.grading.results import StudentResult
from teamtool.model import Rating

FIRST_COL = 2  # column B: the first ratee


@dataclass(frozen=True)
class StudentCells:
    """Where one student's numbers live on the milestone sheet (absolute A1 refs)."""

    factor: str
    grade: str
    final: str


def result_labels(opts: fx.FormulaOptions) -> list[tuple[str, str]]:
    """The result rows under a team's matrix, labelled for the method."""
    if opts.method == "webpa":
        received, team = "Sum of normalised marks received", "Submitters \u00f7 members"
    elif opts.method in ("catme", "spark"):
        received, team = "Average received", "Team mean of averages received"
    else:
        received, team = "Average received", "Team average (all ratings)"
    if opts.exclude_self:
        received += " (self excluded)"
    raw = "Raw factor (square root)" if opts.method == "spark" else "Raw factor"
    return [
        ("received", received),
        ("team", team),
        ("raw", raw),
        ("factor", "Factor"),
        ("responded", "Responded"),
        ("grade", "Adjusted grade"),
        ("override", "Override"),
        ("reason", "Override reason"),
        ("final", "Final grade"),
        ("flags", "Flags"),
    ]


@dataclass(frozen=True)
class _Block:
    """Where a team block's parts are: its first row, matrix rows and result rows."""

    top: int
    n: int  # members
    first: int  # the first rater's row
    norm_first: int  # WebPA: the first row of the normalised matrix
    rows: dict[str, int]  # result row of each key of result_labels()

    def grade_ref(self) -> str:
        return fx.ref(self.top, FIRST_COL + 1, absolute=True)


class TeamBlockWriter:
    """Writes team blocks: title, ratings matrix (WebPA: normalised too), result rows."""

    def __init__(
        self,
        buf: SheetWriter,
        opts: fx.FormulaOptions,
        names: Mapping[str, str],
        by_pair: Mapping[tuple[str, str], Rating],
    ) -> None:
        self.buf, self.opts, self.names, self.by_pair = buf, opts, names, by_pair
        self.text, self.formula = buf.text, buf.formula
        self.webpa = opts.method == "webpa"
        self.labels = result_labels(opts)

    def write(
        self, top: int, team: str, students: list[StudentResult], out: dict[str, StudentCells]
    ) -> int:
        """Write one team's block from row ``top``; return its last row."""
        n, ids = len(students), [s.student_id for s in students]
        last_col = FIRST_COL + n - 1
        self.text(top, 1, team, "title")
        self.text(top, FIRST_COL, "Team grade")
        grade = students[0].team_grade if students else None
        self.buf.put(top, FIRST_COL + 1, grade, "grade")
        head, first = top + 1, top + 2
        last = first + n - 1
        self._matrix(head, first, students)
        row = last + 1
        norm_first = row + 1
        if self.webpa:
            self._normalised(row, first, ids)
            row = norm_first + n
        rows = {key: row + k for k, (key, _) in enumerate(self.labels)}
        for key, label in self.labels:
            self.text(rows[key], 1, label, "label")
        matrix = f"{fx.ref(first, FIRST_COL)}:{fx.ref(last, last_col)}"
        diagonal = [fx.ref(first + j, FIRST_COL + j) for j in range(n)]
        received_row = f"{fx.ref(rows['received'], FIRST_COL)}:{fx.ref(rows['received'], last_col)}"
        if self.webpa:
            totals = f"{fx.ref(first, last_col + 2)}:{fx.ref(last, last_col + 2)}"
            self.formula(rows["team"], FIRST_COL, f'=COUNTIF({totals},">0")/{n}', "factor")
        elif self.opts.method in ("catme", "spark"):
            team_avg = f'=IF(COUNT({received_row})=0,"",AVERAGE({received_row}))'
            self.formula(rows["team"], FIRST_COL, team_avg, "average")
        else:
            team_avg = fx.matrix_average(matrix, diagonal, self.opts.exclude_self)
            self.formula(rows["team"], FIRST_COL, team_avg, "average")
        block = _Block(top, n, first, norm_first, rows)
        for j, student in enumerate(students):
            self._results(block, j, student, out)
        return rows["flags"]

    def _matrix(self, head: int, first: int, students: list[StudentResult]) -> None:
        n, ids, opts = len(students), [s.student_id for s in students], self.opts
        last_col = FIRST_COL + n - 1
        headers = [
            "Rater \u2193  rates  \u2192",
            *(self.names.get(s, s) for s in ids),
            "Ratings given",
        ]
        if self.webpa:
            headers.append("Total given" + (" (self excluded)" if opts.exclude_self else ""))
        for c, text in enumerate(headers, start=1):
            self.text(head, c, text, "header")
        for i, rater in enumerate(students):
            r = first + i
            self.text(r, 1, self.names.get(rater.student_id, rater.student_id))
            impute = opts.missing == "impute" and not rater.responded
            for j, ratee in enumerate(ids):
                rating = self.by_pair.get((rater.student_id, ratee))
                if rating is not None:
                    self.buf.number(r, FIRST_COL + j, float(rating.value))
                elif impute:
                    value = opts.impute_self if i == j else opts.impute_others
                    self.buf.number(r, FIRST_COL + j, value, "imputed")
            self.formula(r, last_col + 1, f"=COUNT({fx.ref(r, FIRST_COL)}:{fx.ref(r, last_col)})")
            if self.webpa:
                pieces = fx.row_pieces(r, FIRST_COL, n, i if opts.exclude_self else None)
                self.formula(r, last_col + 2, f"=SUM({','.join(pieces)})" if pieces else "=0")

    def _normalised(self, row: int, first: int, ids: list[str]) -> None:
        n = len(ids)
        self.text(row, 1, "Normalised: mark \u00f7 rater's total", "label")
        total_col = FIRST_COL + n + 1
        for i in range(n):
            self.text(row + 1 + i, 1, self.names.get(ids[i], ids[i]))
            total = fx.ref(first + i, total_col, absolute=True)
            for j in range(n):
                if not (self.opts.exclude_self and i == j):
                    share = fx.webpa_normalised(fx.ref(first + i, FIRST_COL + j), total)
                    self.formula(row + 1 + i, FIRST_COL + j, share, "factor")

    def _results(
        self, block: _Block, j: int, student: StudentResult, out: dict[str, StudentCells]
    ) -> None:
        """One student's column of results: averages, factor, grade, override, flags."""
        c, n, rows = FIRST_COL + j, block.n, block.rows
        opts, at = self.opts, {key: fx.ref(r, c) for key, r in rows.items()}
        team_cell = fx.ref(rows["team"], FIRST_COL, absolute=True)
        if self.webpa:
            shares = fx.span(block.norm_first, block.norm_first + n - 1, c)
            self.formula(rows["received"], c, fx.guarded_sum([shares]), "factor")
        else:
            pieces = fx.column_pieces(block.first, n, c, j if opts.exclude_self else None)
            self.formula(rows["received"], c, fx.guarded_average(pieces), "average")
        peers = fx.column_pieces(block.first, n, c, j)
        raw = fx.ratio_factor(at["received"], team_cell, peers, root=opts.method == "spark")
        self.formula(rows["raw"], c, raw, "factor")
        flagged = " flagged" if student.flags else ""
        self.formula(rows["factor"], c, fx.final_factor(at["raw"], opts), "factor" + flagged)
        self.text(rows["responded"], c, "yes" if student.responded else "no")
        max_ref = fx.ref(2, 2, absolute=True)
        grade = fx.grade(block.grade_ref(), at["factor"], at["responded"], max_ref, opts)
        self.formula(rows["grade"], c, grade, "grade" + flagged)
        if student.override is not None:
            self.buf.number(rows["override"], c, float(student.override), "grade")
            self.text(rows["reason"], c, student.override_reason, "wrap")
        self.formula(
            rows["final"], c, fx.final_grade(at["grade"], at["override"]), "final" + flagged
        )
        if student.flags:
            self.text(rows["flags"], c, "; ".join(f.code for f in student.flags), "flagged")
        out[student.student_id] = StudentCells(
            factor=fx.ref(rows["factor"], c, absolute=True),
            grade=fx.ref(rows["grade"], c, absolute=True),
            final=fx.ref(rows["final"], c, absolute=True),
        )
