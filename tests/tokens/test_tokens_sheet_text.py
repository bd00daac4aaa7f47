"""Team and milestone names that look like formulas or Excel errors stay text on the Tokens
sheet; the ledger cells that must be formulas are ours."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.export.tokens_sheet import COLUMNS, HEADER_ROW
from teamtool.files.gradesfile import TeamGrades
from teamtool.grading import PRESETS, adjust_milestone
from teamtool.model import Rating, Roster, Student
from teamtool.tokens import TokenSettings, TokenUse
from teamtool.tokens.apply import apply_tokens


def test_odd_names_stay_text_and_ledger_cells_are_formulas(tmp_path: Path) -> None:
    ids = ["s1", "s2", "s3"]
    team, milestone = "=1+1", "#NAME?"
    ratings = [Rating(a, b, 80.0) for a in ids for b in ids]
    grades = TeamGrades()
    grades[milestone] = {team: 90.0}
    grades.token_uses[milestone] = {team: TokenUse(milestone, 9, 0)}
    outcome = apply_tokens(grades, TokenSettings())
    result = outcome.flag(
        adjust_milestone(milestone, {team: ids}, ratings, outcome.grades[milestone], 100,
                         PRESETS["oakley"])
    )  # fmt: skip
    assert all("late-no-tokens" in {f.code for f in r.flags} for r in result.students)
    path = export_grades_workbook(
        [result], {milestone: ratings}, {team: ids}, Roster([Student(s) for s in ids]),
        {milestone: PRESETS["oakley"]}, tmp_path / "g.xlsx", tokens=outcome,
    )  # fmt: skip
    sheet = load_workbook(path)["Tokens"]
    row = HEADER_ROW + 1
    assert (sheet[f"A{row}"].value, sheet[f"A{row}"].data_type) == (team, "s")
    assert (sheet[f"B{row}"].value, sheet[f"B{row}"].data_type) == (milestone, "s")
    for name in (
        "Tokens before",
        "Late days paid",
        "Resubmission paid",
        "Spent",
        "Left",
        "Grade used",
    ):
        assert sheet[f"{COLUMNS[name]}{row}"].data_type == "f", name
    assert sheet["B5"].value == "no credit"
