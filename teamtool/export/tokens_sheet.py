"""The workbook's Tokens sheet: each team's ledger, its spent and left cells live formulas.

The settings sit in B2:B5 (tokens per team, cost per late day, cost per resubmission, the late
policy: a percentage per unpaid day, or the text "no credit"); change one and every row is
recalculated. The formulas follow :mod:`teamtool.tokens.ledger` rule for rule:

* before = the setting (a team's first milestone) or the row above's left;
* late days paid = all of them when ``days x cost <= before``; otherwise none under "no credit"
  and ``INT(before / cost)`` under a percentage;
* resubmission paid = "yes" when there is one, the milestone is not left without credit, and
  ``resubmissions x cost <= before - paid days x cost``; "no" otherwise, empty without one;
* spent = paid days x cost + (the resubmissions' cost when paid); left = before - spent;
* grade used = the original grade when the resubmission is refused, else the grade; 0 under
  "no credit" with unpaid days; minus the percentage per unpaid day otherwise (never below 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openpyxl.utils import get_column_letter

from teamtool.export.sheet_writer import SheetWriter
from teamtool.export.workbook_styles import Styler
from teamtool.tokens.apply import TokenOutcome
from teamtool.tokens.flags import TOKEN_FLAG_CODES
from teamtool.tokens.settings import NO_CREDIT

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

HEADER = (
    "Team",
    "Milestone",
    "Days late",
    "Resubmissions",
    "Tokens before",
    "Late days paid",
    "Resubmission paid",
    "Spent",
    "Left",
    "Grade in file",
    "Original grade",
    "Grade used",
    "Flags",
)
HEADER_ROW = 8
#: Column letter of each ledger value, for tests and readers of the sheet.
COLUMNS = {name: get_column_letter(i) for i, name in enumerate(HEADER, start=1)}
TOKENS, PER_DAY, PER_RESUB, POLICY = "$B$2", "$B$3", "$B$4", "$B$5"


def row_formulas(row: int, first_of_team: bool) -> dict[str, str]:
    """The formulas of one ledger row (header name -> formula)."""
    c, d, e, f, g = (f"{x}{row}" for x in "CDEFG")
    j, k = f"J{row}", f"K{row}"
    base = f'IF({g}="no",{k},{j})'
    late = f"{f}<{c}"
    return {
        "Tokens before": f"={TOKENS}" if first_of_team else f"=I{row - 1}",
        "Late days paid": f"=IF({c}*{PER_DAY}<={e},{c},IF(ISNUMBER({POLICY}),INT({e}/{PER_DAY}),0))",
        "Resubmission paid": f'=IF({d}=0,"",IF(AND(OR(ISNUMBER({POLICY}),{f}>={c}),'
        f'{d}*{PER_RESUB}<={e}-{f}*{PER_DAY}),"yes","no"))',
        "Spent": f'={f}*{PER_DAY}+IF({g}="yes",{d}*{PER_RESUB},0)',
        "Left": f"={e}-H{row}",
        "Grade used": f"=IF(ISNUMBER({base}),IF({late},IF(ISNUMBER({POLICY}),"
        f'{base}*MAX(0,1-{POLICY}*({c}-{f})/100),0),{base}),"")',
    }


def write_tokens_sheet(
    ws: Worksheet, outcome: TokenOutcome, style: Styler
) -> dict[tuple[str, str], int]:
    """Write the sheet; return the row of each (team, milestone)."""
    buf = SheetWriter(ws, style)
    widths = (14, 18, 9, 13, 9, 10, 13, 8, 8, 10, 10, 10, 36)
    buf.widths(dict(enumerate(widths, start=1)))
    buf.freeze(HEADER_ROW + 1, 3)
    s = outcome.settings
    buf.text(1, 1, "Team tokens: spent, left and the grade used are formulas", "title")
    settings: list[tuple[str, float | str]] = [
        ("Tokens per team", s.tokens_per_team),
        ("Tokens per late day", s.cost_per_late_day),
        ("Tokens per resubmission", s.cost_per_resubmission),
        (
            f'Unpaid late day: % of the grade deducted, or "{NO_CREDIT}" (grade 0)',
            NO_CREDIT if s.late_percent_per_day is None else s.late_percent_per_day,
        ),
    ]
    for r, (label, value) in enumerate(settings, start=2):
        buf.text(r, 1, label, "label")
        if isinstance(value, str):
            buf.text(r, 2, value)
        else:
            buf.put(r, 2, value)
    buf.text(
        6,
        1,
        "Milestones in order; late days are paid first, then resubmissions (all or none). "
        "Under no credit a team that cannot pay every late day pays nothing for that "
        "milestone. Flags: " + ", ".join(TOKEN_FLAG_CODES) + ".",
    )
    for c, text in enumerate(HEADER, start=1):
        buf.text(HEADER_ROW, c, text, "header")
    rows: dict[tuple[str, str], int] = {}
    row = HEADER_ROW
    for team, ledger in outcome.ledger.items():
        for i, entry in enumerate(ledger):
            row += 1
            rows[(team, entry.milestone)] = row
            buf.text(row, 1, team)
            buf.text(row, 2, entry.milestone)
            buf.put(row, 3, entry.days_late)
            buf.put(row, 4, entry.resubmissions)
            buf.put(row, 10, outcome.file_grades.get(entry.milestone, {}).get(team))
            buf.put(row, 11, outcome.original_grades.get(entry.milestone, {}).get(team))
            for name, formula in row_formulas(row, i == 0).items():
                buf.put(
                    row, HEADER.index(name) + 1, formula, "grade" if name == "Grade used" else None
                )
            codes = outcome.details.get(entry.milestone, {}).get(team, {})
            if codes:
                buf.text(row, 13, "; ".join(codes), "flagged")
    return rows
