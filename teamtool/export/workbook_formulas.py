"""Excel formula text for the grade workbook: one function per step of the adjustment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class FormulaOptions:
    """The adjustment options the formulas need, read from a grading ``AdjustOptions``."""

    method: str = "autorating"
    exclude_self: bool = False
    cap: float | None = 1.05
    floor: float | None = None
    snap: float | None = None
    round_factor: int | None = None
    round_grade: int | None = None
    cap_at_max: bool = True
    missing: str = "ignore"
    impute_self: float = 0.0
    impute_others: float = 25.0
    weighting: float = 1.0
    penalty: float = 0.0
    penalty_percent: bool = True

    @classmethod
    def from_options(cls, options: Any) -> FormulaOptions:
        """Read the fields of a ``teamtool.grading.options.AdjustOptions`` (or any look-alike)."""

        def text(name: str, default: str) -> str:
            value = getattr(options, name, default)
            return str(getattr(value, "value", value))

        return cls(
            method=text("method", "autorating"),
            exclude_self=text("self_mode", "include") == "exclude",
            cap=getattr(options, "cap", 1.05),
            floor=getattr(options, "floor", None),
            snap=getattr(options, "snap", None),
            round_factor=getattr(options, "round_factor", None),
            round_grade=getattr(options, "round_grade", None),
            cap_at_max=bool(getattr(options, "cap_at_max", True)),
            missing=text("missing", "ignore"),
            impute_self=float(getattr(options, "impute_self", 0.0)),
            impute_others=float(getattr(options, "impute_others", 25.0)),
            weighting=float(getattr(options, "weighting", 1.0)),
            penalty=float(getattr(options, "penalty", 0.0)),
            penalty_percent=bool(getattr(options, "penalty_percent", True)),
        )


def num(value: float) -> str:
    """A number as a formula literal: ``1.05``, ``100``, ``0.5``."""
    if float(value).is_integer():
        return str(int(value))
    return format(value, ".15g")


def ref(row: int, col: int, *, absolute: bool = False) -> str:
    """A1 reference of (1-based) row and column."""
    letter = get_column_letter(col)
    return f"${letter}${row}" if absolute else f"{letter}{row}"


def span(first_row: int, last_row: int, col: int) -> str:
    """A one-column range, or a single cell when it is one row."""
    if first_row == last_row:
        return ref(first_row, col)
    return f"{ref(first_row, col)}:{ref(last_row, col)}"


def column_pieces(first_row: int, n: int, col: int, skip: int | None) -> list[str]:
    """The ranges of a matrix column of ``n`` rows, leaving out row index ``skip`` (the self cell)."""
    if skip is None:
        return [span(first_row, first_row + n - 1, col)]
    pieces = []
    if skip > 0:
        pieces.append(span(first_row, first_row + skip - 1, col))
    if skip < n - 1:
        pieces.append(span(first_row + skip + 1, first_row + n - 1, col))
    return pieces


def row_pieces(row: int, first_col: int, n: int, skip: int | None) -> list[str]:
    """The ranges of a matrix row of ``n`` columns, leaving out column index ``skip``."""
    cols = [first_col + j for j in range(n) if j != skip]
    if not cols:
        return []
    pieces: list[str] = []
    start = prev = cols[0]
    for c in [*cols[1:], None]:
        if c is not None and c == prev + 1:
            prev = c
            continue
        pieces.append(ref(row, start) if start == prev else f"{ref(row, start)}:{ref(row, prev)}")
        if c is not None:
            start = prev = c
    return pieces


def guarded_average(pieces: Sequence[str]) -> str:
    """``AVERAGE`` of the ranges, or empty text when they hold no number."""
    if not pieces:
        return '=""'
    args = ",".join(pieces)
    return f'=IF(COUNT({args})=0,"",AVERAGE({args}))'


def guarded_sum(pieces: Sequence[str]) -> str:
    """``SUM`` of the ranges, or empty text when they hold no number."""
    if not pieces:
        return '=""'
    args = ",".join(pieces)
    return f'=IF(COUNT({args})=0,"",SUM({args}))'


def matrix_average(matrix: str, diagonal: Sequence[str], exclude_self: bool) -> str:
    """Mean of every rating in the team matrix, the self-ratings left out when excluded."""
    if not exclude_self:
        return f'=IF(COUNT({matrix})=0,"",AVERAGE({matrix}))'
    diag = ",".join(diagonal)
    count = f"(COUNT({matrix})-COUNT({diag}))"
    return f'=IF({count}=0,"",(SUM({matrix})-SUM({diag}))/{count})'


def ratio_factor(received: str, team: str, peers: Sequence[str], *, root: bool = False) -> str:
    """Raw factor = received ÷ team average (SPARK: its square root); empty when either is
    missing, the team average is not above 0, or ``peers`` (the student's matrix column
    without the self cell) holds no rating: a self-rating alone gives no factor. Empty means
    the grade is not adjusted."""
    if not peers:
        return '=""'
    ratio = f"{received}/{team}"
    value = f"SQRT({ratio})" if root else ratio
    no_peer = f"COUNT({','.join(peers)})=0"
    return f'=IF(OR({received}="",{team}="",{no_peer}),"",IF({team}<=0,"",{value}))'


def webpa_normalised(mark: str, rater_total: str) -> str:
    """WebPA: one mark divided by the total its rater gave (empty when there is none)."""
    return f'=IF(AND(ISNUMBER({mark}),N({rater_total})>0),{mark}/{rater_total},"")'


def final_factor(raw: str, opts: FormulaOptions) -> str:
    """Snap, cap, floor and round the raw factor, in that order."""
    expr = raw
    if opts.snap is not None:
        expr = f"IF({expr}>{num(opts.snap)},1,{expr})"
    if opts.cap is not None:
        expr = f"MIN({num(opts.cap)},{expr})"
    if opts.floor is not None:
        expr = f"MAX({num(opts.floor)},{expr})"
    if opts.round_factor is not None:
        expr = f"ROUND({expr},{opts.round_factor})"
    return f'=IF({raw}="","",{expr})'


def grade(
    team_grade: str, factor: str, responded: str, max_points: str, opts: FormulaOptions
) -> str:
    """Team grade × factor (PA-weighted when w < 1; unchanged when there is no factor), the
    non-respondent penalty, clamp to [0, max], rounding."""
    g, f = team_grade, factor
    if opts.weighting == 1.0:
        adjusted = f"{g}*{f}"
    else:
        w = num(opts.weighting)
        adjusted = f"{g}*(1-{w})+{g}*{w}*{f}"
    expr = f'IF({f}="",{g},{adjusted})'
    if opts.missing == "penalty" and opts.penalty > 0:
        p = num(opts.penalty)
        hit = f"({expr})*(1-{p}/100)" if opts.penalty_percent else f"({expr})-{p}"
        expr = f'IF({responded}="no",{hit},{expr})'
    expr = f"MAX(0,{expr})"
    if opts.cap_at_max:
        expr = f"MIN({max_points},{expr})"
    if opts.round_grade is not None:
        expr = f"ROUND({expr},{opts.round_grade})"
    return f'=IF(ISNUMBER({g}),{expr},"")'


def final_grade(grade_cell: str, override_cell: str) -> str:
    """The instructor's override when there is one, else the adjusted grade."""
    return f"=IF(ISNUMBER({override_cell}),{override_cell},{grade_cell})"
