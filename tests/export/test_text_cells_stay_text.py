"""Names, sections, teams and comments that look like Excel error codes or formulas are written
as text cells, never as errors or formulas (the streamed export's plain-string path)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import PRESETS, adjust_milestone
from teamtool.model import Rating, Roster, Student

ODD = ["#N/A", "#DIV/0!", "=1+1", "#REF!"]


def test_text_that_looks_like_an_error_or_a_formula_stays_text(tmp_path: Path) -> None:
    ids = ["s1", "s2", "s3", "s4"]
    roster = Roster(
        [Student(s, name=ODD[i], email=f"{s}@x.edu", section=ODD[3 - i]) for i, s in enumerate(ids)]
    )
    ratings = [
        Rating(a, b, 80.0, comment=ODD[(i + j) % 4])
        for i, a in enumerate(ids)
        for j, b in enumerate(ids)
    ]
    teams = {"#NAME?": ids}
    result = adjust_milestone("M1", teams, ratings, {"#NAME?": 90}, 100, PRESETS["oakley"])
    path = export_grades_workbook(
        [result], {"M1": ratings}, teams, roster, {"M1": PRESETS["oakley"]}, tmp_path / "g.xlsx"
    )
    book = load_workbook(path)
    odd_cells = []
    for ws in book:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "e", (ws.title, cell.coordinate, cell.value)
                value = cell.value
                if isinstance(value, str) and any(o in value for o in [*ODD, "#NAME?"]):
                    odd_cells.append((ws.title, cell.coordinate, value, cell.data_type))
    assert odd_cells, "the odd texts must appear in the workbook"
    assert [c for c in odd_cells if c[3] != "s"] == []
    names = {c[2] for c in odd_cells}
    assert {"#N/A", "#DIV/0!", "#REF!", "#NAME?"} <= names
