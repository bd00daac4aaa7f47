"""Recalculate the grade workbook in LibreOffice and compare every formula cell with teamtool.

Builds one workbook with a milestone per method/option case (missing ratings, non-respondents,
a team rating everyone 0, a team without a grade, overrides), converts every sheet to CSV with
LibreOffice headless (which recalculates the formulas), and compares each student's received
average, team average, raw factor, factor, grade and final grade, on the milestone sheets and
the Summary, with the MilestoneResult teamtool computed.

    python scripts/check_workbook_formulas.py [--keep DIR]

Needs ``soffice`` (Debian: ``apt-get install -y libreoffice-calc-nogui``). Exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import (
    PRESETS,
    AdjustOptions,
    Method,
    MilestoneResult,
    MissingPolicy,
    SelfMode,
    adjust_milestone,
)
from teamtool.model import Rating, Roster, Student

CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
VALUES = [100, 87.5, 75, 62.5, 50, 37.5, 25, 12.5, 0]
CASES = {
    "oakley": PRESETS["oakley"],
    "cornell": PRESETS["cornell"],
    "cmu": PRESETS["cmu"],
    "catme": PRESETS["catme"],
    "webpa": PRESETS["webpa"],
    "spark": PRESETS["spark"],
    "exclude floor round": AdjustOptions(
        self_mode=SelfMode.EXCLUDE, floor=0.8, round_factor=2, round_grade=1
    ),
    "penalty points": AdjustOptions(
        missing=MissingPolicy.PENALTY, penalty=5, penalty_percent=False, cap_at_max=False, cap=1.2
    ),
    "catme impute exclude": AdjustOptions(
        method=Method.CATME, self_mode=SelfMode.EXCLUDE, missing=MissingPolicy.IMPUTE, snap=0.95
    ),
    "webpa exclude impute": AdjustOptions(
        method=Method.WEBPA, self_mode=SelfMode.EXCLUDE, missing=MissingPolicy.IMPUTE, weighting=0.7
    ),
    "spark penalty": AdjustOptions(
        method=Method.SPARK, missing=MissingPolicy.PENALTY, penalty=12.5, round_grade=0
    ),
    # every factor exactly 0.95: 77 x 0.95 = 73.15 is a rounding tie (73.14999999999999 in binary)
    "rounding ties": AdjustOptions(cap=0.95, floor=0.95, round_grade=1),
}
GRADES = [70, 77, 78.5, 84, 88.25, 91, 95, 100]
_REF = re.compile(r"^='(?P<sheet>(?:[^']|'')+)'!\$(?P<col>[A-Z]+)\$(?P<row>\d+)$")


def course(seed: int) -> tuple[dict[str, list[str]], list[Rating], dict[str, float]]:
    """Teams of 2-6 with missing ratings, a non-respondent, a zero-average team, no grade."""
    rng = random.Random(seed)
    teams: dict[str, list[str]] = {}
    ratings: list[Rating] = []
    grades: dict[str, float] = {}
    for t, size in enumerate([4, 5, 3, 6, 2, 4, 4, 3]):
        members = [f"t{t}s{i}" for i in range(size)]
        teams[f"Team {t + 1}"] = members
        for i, rater in enumerate(members):
            for j, ratee in enumerate(members):
                if (t == 1 and i == 2) or (t == 3 and (j == 5 or (i, j) == (0, 1))):
                    continue
                value = 0 if t == 2 else rng.choice(VALUES[:6])
                ratings.append(Rating(rater, ratee, float(value)))
        if t != 5:
            grades[f"Team {t + 1}"] = GRADES[t]
    return teams, ratings, grades


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


def value_at(sheets: dict[str, list[list[str]]], sheet: str, col: str, row: int) -> float | None:
    index = 0
    for ch in col:
        index = index * 26 + ord(ch) - 64
    cells = sheets[sheet][row - 1] if row - 1 < len(sheets[sheet]) else []
    text = cells[index - 1] if index - 1 < len(cells) else ""
    return float(text) if text.strip() else None


def compare(
    book: Path, results: list[MilestoneResult], sheets: dict[str, list[list[str]]]
) -> tuple[int, list[str]]:
    summary = load_workbook(book)["Summary"]
    header = [c.value for c in summary[1]]
    by_milestone = {r.milestone: r.by_student() for r in results}
    checked, errors = 0, []
    for row in summary.iter_rows(min_row=2):
        sid = str(row[0].value)
        for k, title in enumerate(header):
            if not (isinstance(title, str) and title.endswith(": factor")) or not row[k].value:
                continue
            milestone = title.removesuffix(": factor")
            r = by_milestone[milestone][sid]
            m = _REF.match(str(row[k].value))
            assert m, row[k].value
            sheet, col, at = m["sheet"].replace("''", "'"), m["col"], int(m["row"])
            cells = {
                "received": (sheet, col, at - 3, r.received_avg),
                "team": (sheet, "B", at - 2, r.team_avg),
                "raw": (sheet, col, at - 1, r.raw_factor),
                "factor": (sheet, col, at, r.factor),
                "grade": (sheet, col, at + 2, r.grade),
                "final": (sheet, col, at + 5, r.final_grade),
                "summary factor": ("Summary", row[k].column_letter, row[k].row, r.factor),
                "summary grade": (
                    "Summary",
                    row[k + 1].column_letter,
                    row[k + 1].row,
                    r.final_grade,
                ),
            }
            for name, (s, c, rr, want) in cells.items():
                got = value_at(sheets, s, c, rr)
                checked += 1
                if (want is None) != (got is None) or (
                    want is not None
                    and got is not None
                    and abs(got - want) > 1e-9 * max(1, abs(want))
                ):
                    errors.append(
                        f"{milestone} {sid} {name} {s}!{c}{rr}: LibreOffice {got}, teamtool {want}"
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
        case_teams, case_ratings, grades = course(seed)
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
