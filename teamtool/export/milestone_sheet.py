"""One milestone's workbook sheet: its title rows, then one block per team (see team_block)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from teamtool.export import workbook_formulas as fx
from teamtool.export.sheet_writer import SheetWriter
from teamtool.export.team_block import FIRST_COL, StudentCells, TeamBlockWriter, result_labels
from teamtool.export.workbook_styles import Styler
from teamtool.grading.results import MilestoneResult
from teamtool.model import Rating, ratings_by_pair

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

__all__ = ["FIRST_COL", "INTRO", "StudentCells", "result_labels", "write_milestone_sheet"]

INTRO = (
    "Rows are raters, columns are the students rated. Every average, factor and grade below is "
    "a formula over the rating cells; grey italic ratings were imputed for non-respondents. "
    "The rating labels and their values are on the Settings and notes sheet."
)


def write_milestone_sheet(
    ws: Worksheet,
    result: MilestoneResult,
    ratings: Sequence[Rating],
    team_order: Mapping[str, Sequence[str]],
    opts: fx.FormulaOptions,
    names: Mapping[str, str],
    style: Styler,
) -> dict[str, StudentCells]:
    """Write every team block of ``result``; return each student's factor and grade cells."""
    teams = _teams(result, team_order)
    widest = max((len(m) for m in teams.values()), default=0) + 2
    buf = SheetWriter(ws, style)
    buf.widths({1: 30} | dict.fromkeys(range(FIRST_COL, FIRST_COL + widest), 16))
    buf.freeze(4, 2)
    buf.text(1, 1, f"{result.milestone}: peer-adjusted grades ({result.method})", "title")
    buf.text(2, 1, "Maximum points")
    buf.put(2, 2, float(result.max_points))
    buf.text(3, 1, INTRO)
    writer = TeamBlockWriter(buf, opts, names, ratings_by_pair(ratings))
    by_id = result.by_student()
    cells: dict[str, StudentCells] = {}
    row = 5
    for team, members in teams.items():
        row = writer.write(row, team, [by_id[sid] for sid in members], cells) + 2
    return cells


def _teams(result: MilestoneResult, order: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Team -> member ids, in the order of ``order`` where it knows the team, else result order."""
    teams: dict[str, list[str]] = {}
    for r in result.students:
        teams.setdefault(r.team, []).append(r.student_id)
    for team, members in teams.items():
        known = [sid for sid in order.get(team, ()) if sid in members]
        members[:] = known + [sid for sid in members if sid not in known]
    return teams
