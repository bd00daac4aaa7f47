"""The sample course's team grades with token columns of the tests' own: the token tests and
scripts/check_tokens_sheet.py (which adds one resubmission) write them the same way."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

SAMPLE_GRADES = Path(__file__).resolve().parents[2] / "samples" / "grades.csv"
TokenCells = tuple[str, str, str]  # days late, resubmissions, original grade

# Team 1 pays 3 late days then a resubmission (2 left); Team 2 is 6 days late and cannot pay
# the resubmission (original 60 stands); Team 3 is 9 days late (no credit, keeps its 8, then
# pays 2 days on M2); Team 4 is late on both (5 then 4 days: 3 short on M2).
TOKEN_ROWS: dict[tuple[str, str], TokenCells] = {
    ("Team 1", "M1 Proposal"): ("3", "", ""),
    ("Team 1", "M2 Prototype"): ("", "1", "70"),
    ("Team 2", "M1 Proposal"): ("6", "", ""),
    ("Team 2", "M2 Prototype"): ("", "1", "60"),
    ("Team 3", "M1 Proposal"): ("9", "", ""),
    ("Team 3", "M2 Prototype"): ("2", "", ""),
    ("Team 4", "M1 Proposal"): ("5", "", ""),
    ("Team 4", "M2 Prototype"): ("4", "", ""),
}


def grades_with_tokens(
    path: Path, tokens: Mapping[tuple[str, str], TokenCells] = TOKEN_ROWS
) -> Path:
    """samples/grades.csv written to ``path``, its token columns replaced by ``tokens`` (keyed
    (team, milestone); blank for the rest)."""
    with SAMPLE_GRADES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(
            ["team", "grade", "max", "milestone", "days_late", "resubmissions", "original_grade"]
        )
        for r in rows:
            extra = tokens.get((r["team"], r["milestone"]), ("", "", ""))
            out.writerow([r["team"], r["grade"], r["max"], r["milestone"], *extra])
    return path
