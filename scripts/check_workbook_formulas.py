"""Recalculate the grade workbook in LibreOffice and compare every formula cell with teamtool.

Builds one workbook with a milestone per method/option case (missing ratings, non-respondents,
a team rating everyone 0, a team without a grade, overrides), converts every sheet to CSV with
LibreOffice headless (which recalculates the formulas), and compares each student's received
average, team average, raw factor, factor, grade and final grade, on the milestone sheets and
the Summary, with the MilestoneResult teamtool computed. The cases, the class and the map of
cells are those of the pycel test (``tests/export/workbook_cases.py``), plus a rounding-tie case.

    python scripts/check_workbook_formulas.py [--keep DIR]

Needs ``soffice`` (Debian: ``apt-get install -y libreoffice-calc-nogui``). Exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this checkout's teamtool (not an installed one); the cases and the cell map are the workbook
# tests' own
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import (
    AdjustOptions,
    MilestoneResult,
    adjust_milestone,
)
from teamtool.model import Roster, Student

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
from tests.export.workbook_cases import CASES as WORKBOOK_CASES
from tests.export.workbook_cases import awkward_class, engine_numbers, workbook_cells

CASES = {
    **WORKBOOK_CASES,
    # every factor exactly 0.95: 77 x 0.95 = 73.15 is a rounding tie (73.14999999999999 in binary)
    "rounding ties": AdjustOptions(cap=0.95, floor=0.95, round_grade=1),
}


def sheet_csvs(book: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``book`` as recalculated by LibreOffice, by sheet name."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    subprocess.run(
        [soffice, "--headless", "--convert-to", CSV_FILTER, str(book), "--outdir", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    sheets = {}
    for name in load_workbook(book, read_only=True).sheetnames:
        path = out / f"{book.stem}-{name}.csv"
        with path.open(encoding="utf-8", newline="") as fh:
            sheets[name] = list(csv.reader(fh))
    return sheets


def value_at(sheets: dict[str, list[list[str]]], sheet: str, cell: str) -> float | None:
    """The number LibreOffice computed in ``cell`` (such as ``"B12"``) of ``sheet``."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", cell)
    assert match, cell
    col, row = match.groups()
    index = 0
    for ch in col:
        index = index * 26 + ord(ch) - 64
    cells = sheets[sheet][int(row) - 1] if int(row) - 1 < len(sheets[sheet]) else []
    text = cells[index - 1] if index - 1 < len(cells) else ""
    return float(text) if text.strip() else None


def compare(
    book: Path, results: list[MilestoneResult], sheets: dict[str, list[list[str]]]
) -> tuple[int, list[str]]:
    by_milestone = {r.milestone: r.by_student() for r in results}
    checked, errors = 0, []
    for (milestone, sid), where in workbook_cells(book).items():
        for name, want in engine_numbers(by_milestone[milestone][sid]).items():
            sheet, cell = where[name]
            got = value_at(sheets, sheet, cell)
            checked += 1
            if (want is None) != (got is None) or (
                want is not None and got is not None and abs(got - want) > 1e-9 * max(1, abs(want))
            ):
                errors.append(
                    f"{milestone} {sid} {name} {sheet}!{cell}: LibreOffice {got}, teamtool {want}"
                )
    return checked, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the workbook and CSVs in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="teamtool-lo-"))
    work.mkdir(parents=True, exist_ok=True)
    results, ratings, teams, options = [], {}, {}, {}
    members: list[str] = []
    for seed, (name, opts) in enumerate(CASES.items()):
        case_teams, case_ratings, grades = awkward_class(seed)
        overrides = {"t0s1": (77.0, "agreed with the team")}
        results.append(
            adjust_milestone(name, case_teams, case_ratings, grades, 100, opts, overrides)
        )
        ratings[name], teams[name], options[name] = case_ratings, case_teams, opts
        members = [s for m in case_teams.values() for s in m]
    roster = Roster([Student(s, name=s.upper()) for s in members])
    book = export_grades_workbook(results, ratings, teams, roster, options, work / "check.xlsx")
    checked, errors = compare(book, results, sheet_csvs(book, work))
    for line in errors:
        print(line)
    print(f"{checked} cells compared in {len(CASES)} method/option cases: {len(errors)} mismatches")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
