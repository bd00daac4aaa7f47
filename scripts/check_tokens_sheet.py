"""Recalculate the Tokens sheet in LibreOffice and compare it with teamtool's ledger.

Runs ``teamtool adjust`` on the sample course (whose grades file has token columns) with the
"no credit" policy and with 10 % per day, plus a grades file where teams run short, converts
every sheet to CSV with LibreOffice headless (which recalculates the formulas) and compares each
row's late days paid, spent, left and grade used with :func:`teamtool.tokens.apply.apply_tokens`.

    python scripts/check_tokens_sheet.py [--keep DIR]

Needs ``soffice`` (Debian: ``apt-get install -y libreoffice-calc-nogui``). Exits 1 on a mismatch.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from check_workbook_formulas import sheet_csvs  # puts the repository on sys.path

from teamtool.cli import main as teamtool_main
from teamtool.export.tokens_sheet import COLUMNS, HEADER_ROW
from teamtool.files.gradesfile import load_team_grades
from teamtool.tokens import TokenSettings
from teamtool.tokens.apply import apply_tokens
from tests.tokens.token_grades import TOKEN_ROWS, grades_with_tokens

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# As the token tests' rows, and Team 3 also asks a resubmission on M2 it cannot pay for.
SHORT = {**TOKEN_ROWS, ("Team 3", "M2 Prototype"): ("2", "1", "50")}


def check(grades: Path, policy: str | None, work: Path) -> tuple[int, list[str]]:
    name = f"{grades.stem}-{'no-credit' if policy is None else 'percent'}"
    book = work / f"{name}.xlsx"
    s = SAMPLES
    argv = ["adjust", "--teams", str(s / "teams.csv"), "--grades", str(grades),
            "--ratings", f"M1 Proposal={s / 'surveys' / 'm1_long.csv'}",
            "--ratings", f"M2 Prototype={s / 'surveys' / 'm2_long.csv'}", "--out", str(book),
            *(["--late-policy", policy] if policy else [])]  # fmt: skip
    if teamtool_main(argv) != 0:
        return 0, [f"{name}: teamtool adjust failed"]
    settings = TokenSettings(late_percent_per_day=None if policy is None else 10.0)
    outcome = apply_tokens(load_team_grades(grades), settings)
    out = work / name
    out.mkdir()
    sheet = sheet_csvs(book, out)["Tokens"]
    errors, checked, row = [], 0, HEADER_ROW
    for team, ledger in outcome.ledger.items():
        for entry in ledger:
            row += 1
            cells = sheet[row - 1]
            got = {k: cells[ord(COLUMNS[k]) - ord("A")] for k in COLUMNS}
            want = {
                "Late days paid": entry.days_paid,
                "Spent": entry.spent,
                "Left": entry.left,
                "Grade used": outcome.grades[entry.milestone].get(team),
            }
            for key, value in want.items():
                checked += 1
                if value is None and got[key] == "":
                    continue
                if value is None or abs(float(got[key]) - value) > 1e-9:
                    errors.append(f"{name} {team} {entry.milestone} {key}: {got[key]} != {value}")
    return checked, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the workbooks and CSVs in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        total, errors = 0, []
        for grades in (SAMPLES / "grades.csv", grades_with_tokens(work / "short.csv", SHORT)):
            for policy in (None, "10%"):
                checked, found = check(grades, policy, work)
                total += checked
                errors += found
    for error in errors:
        print(error)
    print(f"{total} Tokens-sheet values recalculated by LibreOffice, {len(errors)} mismatches")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
