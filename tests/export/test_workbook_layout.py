"""The grade workbook's layout: sheets, formulas, formats, frozen headers, flags, text safety."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from teamtool.errors import ExportError
from teamtool.export.grades_workbook import export_grades_workbook
from teamtool.grading import PRESETS, AdjustOptions, MilestoneResult
from teamtool.model import Rating, Roster, Student

from .conftest import adjust, matrix_ratings

NASTY = ['=HYPERLINK("http://x","y")', "+1", "- did the BOM", "@Marco", "\tTab", "=1+1"]
MEMBERS = ["s1", "s2", "s3", "s4"]
ROWS = [[100, 87.5, 75, 25], [100, 100, 75, 37.5], [87.5, 87.5, 87.5, 50], [None] * 4]


@pytest.fixture
def workbook(tmp_path: Path) -> tuple[Workbook, MilestoneResult]:
    """A one-team workbook whose names, comments and override reason are formula-like text."""
    roster = Roster(
        [
            Student(sid, name=NASTY[i], email=f"{sid}@x.edu", section=NASTY[5 - i])
            for i, sid in enumerate(MEMBERS)
        ]
    )
    comments = {
        ("s1", "s2"): NASTY[0],
        ("s2", "s1"): NASTY[1],
        ("s3", "s4"): NASTY[2],
        ("s1", "s4"): NASTY[3],
    }
    ratings = [
        Rating(
            r.rater,
            r.ratee,
            r.value,
            label="Very good" if r.value == 87.5 else "",
            comment=r.comment,
        )
        for r in matrix_ratings(MEMBERS, ROWS, comments)
    ]
    options = PRESETS["oakley"]
    teams = {"=Team 1": MEMBERS}
    result = adjust(
        "M1: Proposal?",
        teams,
        ratings,
        {"=Team 1": 84},
        options,
        overrides={"s3": (90.0, NASTY[4])},
    )
    path = export_grades_workbook(
        [result],
        {"M1: Proposal?": ratings},
        teams,
        roster,
        {"M1: Proposal?": options},
        tmp_path / "g.xlsx",
    )
    return load_workbook(path), result


def test_sheets_and_milestone_title(workbook: tuple[Workbook, MilestoneResult]) -> None:
    book, _ = workbook
    assert book.sheetnames == ["Summary", "M1_ Proposal_", "Settings and notes", "Comments"]


def test_formula_like_text_is_text_everywhere(workbook: tuple[Workbook, MilestoneResult]) -> None:
    """Every cell holding one of the nasty strings is a text cell, never a formula."""
    book, _ = workbook
    found = set()
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and any(n.strip() in cell.value for n in NASTY):
                    if cell.value.startswith("=") and cell.data_type == "f":
                        # a formula of ours may name a student's sheet, never contain their text
                        assert not any(n in cell.value for n in NASTY), cell.coordinate
                        continue
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    found.add(cell.value)
    for text in NASTY:
        assert any(text.strip() in v for v in found), text


def test_factor_and_grade_cells_are_formulas_over_the_ratings(
    workbook: tuple[Workbook, MilestoneResult],
) -> None:
    book, _ = workbook
    ws = book["M1_ Proposal_"]
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    received = ws.cell(labels["Average received"], 2)
    assert received.data_type == "f"
    assert received.value == '=IF(COUNT(B7:B10)=0,"",AVERAGE(B7:B10))'
    assert (
        ws.cell(labels["Team average (all ratings)"], 2).value
        == '=IF(COUNT(B7:E10)=0,"",AVERAGE(B7:E10))'
    )
    factor = ws.cell(labels["Factor"], 3)
    assert factor.value == '=IF(C13="","",MIN(1.05,C13))'
    assert factor.number_format == "0.000"
    grade = ws.cell(labels["Adjusted grade"], 3)
    assert grade.value == '=IF(ISNUMBER($C$5),MIN($B$2,MAX(0,IF(C14="",$C$5,$C$5*C14))),"")'
    assert grade.number_format == "0.0"
    assert ws.cell(7, 3).value == 87.5  # s1 rated s2 "Very good"
    assert ws.cell(10, 2).value is None  # s4 did not respond
    assert ws.cell(labels["Responded"], 5).value == "no"
    assert ws.freeze_panes == "B4"


def test_summary_references_the_milestone_sheet_and_flags_are_formatted(
    workbook: tuple[Workbook, MilestoneResult],
) -> None:
    book, result = workbook
    ws = book["Summary"]
    assert ws.freeze_panes == "C2"
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Student ID", "Name", "Email", "Section", "Team"]
    assert header[5:11] == [
        f"M1: Proposal?: {p}"
        for p in ("team grade", "factor", "grade", "flags", "override", "override reason")
    ]
    assert header[-1] == "Total"
    row = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(row["s2"], 7).value.startswith("='M1_ Proposal_'!$C$")
    assert ws.cell(row["s3"], 10).value == 90.0
    assert ws.cell(row["s3"], 11).value.strip() == NASTY[4].strip()
    assert ws.cell(row["s3"], 11).data_type == "s"
    flagged = {r.student_id for r in result.students if r.flags}
    assert "s4" in flagged  # the non-respondent
    assert ws.cell(row["s4"], 9).value
    assert "non-respondent" in ws.cell(row["s4"], 9).value
    rules = list(ws.conditional_formatting)
    assert len(rules) == 1
    assert rules[0].rules[0].formula == ['$I2<>""']


def test_notes_sheet_states_method_and_options(workbook: tuple[Workbook, MilestoneResult]) -> None:
    book, _ = workbook
    ws = book["Settings and notes"]
    text = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert "Autorating" in text["Method"]
    assert text["Cap"] == "factor at most 1.05"
    assert text["Self-ratings"] == "included"
    assert text["Very good"] == 87.5


def test_workbook_without_the_ratings_is_refused(tmp_path: Path) -> None:
    options = AdjustOptions()
    result = adjust("M1", {"T": MEMBERS}, matrix_ratings(MEMBERS, ROWS), {"T": 80}, options)
    with pytest.raises(ExportError, match="ratings"):
        export_grades_workbook(
            [result], {}, {"T": MEMBERS}, Roster(), {"M1": options}, tmp_path / "x.xlsx"
        )
