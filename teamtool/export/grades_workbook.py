"""The adjusted-grades Excel workbook: summary, one audited sheet per milestone, notes, comments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xlsxwriter import Workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.utility import xl_col_to_name

from teamtool.errors import ExportError
from teamtool.export import workbook_formulas as fx
from teamtool.export.atomic import atomic_target
from teamtool.export.milestone_sheet import StudentCells, write_milestone_sheet
from teamtool.export.sheet_writer import SheetWriter
from teamtool.export.tokens_sheet import write_tokens_sheet
from teamtool.export.workbook_notes import write_comments_sheet, write_notes_sheet
from teamtool.export.workbook_styles import Styler
from teamtool.export.xlsx_sheet import ClassicFormulaSheet, collector_paused
from teamtool.export.xlsx_util import sheet_title
from teamtool.grading.results import MilestoneResult
from teamtool.model import Rating, Roster

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from teamtool.tokens.apply import TokenOutcome

IDENTITY = ("Student ID", "Name", "Email", "Section", "Team")
PER_MILESTONE = ("team grade", "factor", "grade", "flags", "override", "override reason")


def export_grades_workbook(
    results: Sequence[MilestoneResult],
    ratings: Mapping[str, Sequence[Rating]],
    teams: Mapping[str, Sequence[str]] | Mapping[str, Mapping[str, Sequence[str]]],
    roster: Roster,
    options: Mapping[str, Any],
    path: str | Path,
    *,
    tokens: TokenOutcome | None = None,
) -> Path:
    """Write the workbook; every factor and grade is a live formula over the rating cells.

    ``ratings`` and ``options`` (``AdjustOptions``) are keyed by milestone name; ``teams`` is
    either team -> member ids for every milestone or milestone -> (team -> member ids).
    With ``tokens``, a Tokens sheet holds each team's ledger (see ``tokens_sheet``).
    """
    target = Path(path)
    with atomic_target(target) as tmp, collector_paused():
        book = Workbook(str(tmp), WORKBOOK_OPTIONS)
        try:
            _write_book(book, results, ratings, teams, roster, options, tokens)
        except BaseException:
            book.fileclosed = True  # nothing to save; the temporary file is removed
            raise
        _close(book)
    return target


def _close(book: Workbook) -> None:
    """Save the workbook; an OS error (a full disk) is raised as itself, which XlsxWriter wraps
    in its own exception."""
    try:
        book.close()
    except FileCreateError as exc:
        cause = exc.args[0] if exc.args else None
        if isinstance(cause, OSError):
            raise cause from None
        raise


#: Strings are text, never turned into formulas, numbers or links; no temporary files (student
#: data) are written outside the target's folder.
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def _write_book(
    book: Workbook,
    results: Sequence[MilestoneResult],
    ratings: Mapping[str, Sequence[Rating]],
    teams: Mapping[str, Sequence[str]] | Mapping[str, Mapping[str, Sequence[str]]],
    roster: Roster,
    options: Mapping[str, Any],
    tokens: TokenOutcome | None = None,
) -> None:
    taken: set[str] = set()
    summary = book.add_worksheet(sheet_title("Summary", taken), ClassicFormulaSheet)
    names = {s.id: f"{s.name} ({s.id})" if s.name else s.id for s in roster}
    refs: list[tuple[str, dict[str, StudentCells]]] = []
    style = Styler(book)
    for result in results:
        if result.milestone not in ratings and any(
            r.raw_factor is not None for r in result.students
        ):
            raise ExportError(
                f'the ratings of "{result.milestone}" were not given to the workbook export',
                code="missing-ratings",
            )
        ws = book.add_worksheet(sheet_title(result.milestone, taken), ClassicFormulaSheet)
        opts = fx.FormulaOptions.from_options(options.get(result.milestone))
        order = _team_order(teams, result.milestone)
        cells = write_milestone_sheet(
            ws, result, ratings.get(result.milestone, ()), order, opts, names, style
        )
        refs.append((_quoted(ws.name), cells))
    _write_summary(summary, results, roster, refs, style)
    if tokens is not None:
        ledger = book.add_worksheet(sheet_title("Tokens", taken), ClassicFormulaSheet)
        write_tokens_sheet(ledger, tokens, style)
    notes = book.add_worksheet(sheet_title("Settings and notes", taken), ClassicFormulaSheet)
    write_notes_sheet(notes, results, options, ratings, style)
    comments = book.add_worksheet(sheet_title("Comments", taken), ClassicFormulaSheet)
    write_comments_sheet(comments, results, ratings, names, style)


def _team_order(
    teams: Mapping[str, Sequence[str]] | Mapping[str, Mapping[str, Sequence[str]]],
    milestone: str,
) -> Mapping[str, Sequence[str]]:
    per_milestone = teams.get(milestone)
    if isinstance(per_milestone, Mapping):
        return per_milestone
    if any(isinstance(v, Mapping) for v in teams.values()):
        return {}
    return teams  # type: ignore[return-value]


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _write_summary(
    ws: Worksheet,
    results: Sequence[MilestoneResult],
    roster: Roster,
    refs: Sequence[tuple[str, dict[str, StudentCells]]],
    style: Styler,
) -> None:
    header = list(IDENTITY)
    for result in results:
        header += [f"{result.milestone}: {part}" for part in PER_MILESTONE]
    header.append("Total")
    widths = [12, 26, 30, 9, 12] + [12, 9, 9, 24, 10, 24] * len(results) + [10]
    buf = SheetWriter(ws, style)
    buf.freeze(2, 3)
    buf.widths(dict(enumerate(widths, start=1)))
    for c, text in enumerate(header, start=1):
        buf.text(1, c, text, "header")
    by_result = [r.by_student() for r in results]
    known = {s.id for s in roster}
    extra = sorted({sid for b in by_result for sid in b} - known)
    students = [s for s in roster if any(s.id in b for b in by_result) or not s.dropped]
    row = 1
    for sid, student in [(s.id, s) for s in students] + [(sid, None) for sid in extra]:
        row += 1
        teams = [b[sid].team for b in by_result if sid in b]
        identity = [sid, "", "", "", " / ".join(dict.fromkeys(teams))]
        if student is not None:
            identity[1:4] = [student.name, student.email, student.section]
        for c, text in enumerate(identity, start=1):
            buf.text(row, c, text)
        col = len(IDENTITY) + 1
        finals = []
        for b, (sheet, cells) in zip(by_result, refs, strict=True):
            r = b.get(sid)
            finals.append(fx.ref(row, col + 2))
            if r is not None and sid in cells:
                buf.put(row, col, r.team_grade, "grade")
                buf.formula(row, col + 1, f"={sheet}!{cells[sid].factor}", "factor")
                buf.formula(row, col + 2, f"={sheet}!{cells[sid].final}", "grade")
                if r.flags:
                    buf.text(row, col + 3, "; ".join(f.code for f in r.flags))
                if r.override is not None:
                    buf.number(row, col + 4, float(r.override), "grade")
                    buf.text(row, col + 5, r.override_reason)
            col += len(PER_MILESTONE)
        total = f'=IF(COUNT({",".join(finals)})=0,"",SUM({",".join(finals)}))'
        buf.formula(row, col, total, "final")
    if row >= 2 and results:
        flag_cols = [len(IDENTITY) + 4 + k * len(PER_MILESTONE) for k in range(len(results))]
        test = ",".join(f'${xl_col_to_name(c - 1)}2<>""' for c in flag_cols)
        rule = f"=OR({test})" if len(results) > 1 else f"={test}"
        ws.conditional_format(
            1,
            0,
            row - 1,
            len(header) - 1,
            {"type": "formula", "criteria": rule, "format": style.flag_highlight()},
        )
