"""Plain grades CSV and the Canvas gradebook import CSV, read back as a user's program would."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from teamtool.canvas.grade_column import canvas_assignment_columns, load_canvas_column
from teamtool.canvas.grades_csv import export_canvas_grades
from teamtool.errors import ExportError
from teamtool.export.grade_csv import PLAIN_HEADER, export_grades_csv, two_decimals
from teamtool.grading import PRESETS, MilestoneResult, StudentResult
from teamtool.model import Roster, Student
from teamtool.problems import Problems
from teamtool.roster import import_roster

from .conftest import adjust, matrix_ratings

ROWS: list[list[float]] = [
    [100, 87.5, 75, 50],
    [87.5, 87.5, 75, 37.5],
    [100, 100, 100, 62.5],
    [100, 75, 75, 75],
]


def graded(r: StudentResult) -> float:
    assert r.final_grade is not None
    return r.final_grade


def read_back(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_two_decimals_rounds_like_excel() -> None:
    """Canvas compares scores at 2 decimals (formats.md 1.2). Excel's ROUND works on 15
    significant digits: ROUND(77*0.965, 2) = 74.31 although the binary product is
    74.30499999999999 (LibreOffice Calc gives the same; see scripts/check_workbook_formulas.py)."""
    assert [two_decimals(x) for x in (89.125, 88.0, 54.78260869, 0.005)] == [
        "89.13",
        "88.00",
        "54.78",
        "0.01",
    ]
    assert two_decimals(77 * 0.965) == "74.31"
    assert two_decimals(73 * 0.845) == "61.69"


def test_plain_csv_has_one_row_per_student_and_milestone(tmp_path: Path) -> None:
    members = ["a", "b", "c", "d"]
    roster = Roster(
        [
            Student(s, name=n)
            for s, n in zip(
                members,
                ['=HYPERLINK("http://x","y")', "+1", "- did the BOM", "@Marco"],
                strict=True,
            )
        ]
    )
    result = adjust(
        "M1",
        {"T": members},
        matrix_ratings(members, ROWS),
        {"T": 80},
        PRESETS["oakley"],
        overrides={"b": (70.0, "@agreed")},
    )
    rows = read_back(export_grades_csv([result], roster, tmp_path / "g.csv"))
    assert rows[0] == list(PLAIN_HEADER)
    by_id = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    d = result.by_student()["d"]
    assert float(by_id["d"]["factor"]) == pytest.approx(d.factor, abs=1e-9)
    assert float(by_id["d"]["grade"]) == pytest.approx(d.grade, abs=1e-9)
    assert float(by_id["d"]["team_avg"]) == 80.46875  # 1287.5 / 16
    assert by_id["b"]["grade"] == "70"
    assert by_id["b"]["reason"] == "'@agreed"
    assert float(by_id["b"]["computed_grade"]) == pytest.approx(result.by_student()["b"].grade)
    assert [by_id[s]["name"] for s in members] == [
        '\'=HYPERLINK("http://x","y")',
        "'+1",
        "'- did the BOM",
        "'@Marco",
    ]


@pytest.fixture
def canvas_course(data_dir: Path) -> tuple[Roster, MilestoneResult]:
    """The 17-student Canvas gradebook fixture as roster, in four teams, adjusted."""
    roster = import_roster(data_dir / "canvas_gradebook_17.csv").roster
    ids = [s.id for s in roster]
    teams = {f"Team {k + 1}": ids[k * 4 : k * 4 + 4] for k in range(4)}
    teams["Team 4"] += ids[16:]
    ratings = []
    for members in teams.values():
        rows = [[ROWS[i % 4][j % 4] for j in range(len(members))] for i in range(len(members))]
        ratings += matrix_ratings(members, rows)
    grades = dict(zip(teams, (84, 90.5, 77.25, 95), strict=True))
    result = adjust("M1 Proposal", teams, ratings, grades, PRESETS["oakley"])
    return roster, result


def test_canvas_csv_round_trips_through_the_gradebook_reader(
    tmp_path: Path, data_dir: Path, canvas_course: tuple[Roster, MilestoneResult]
) -> None:
    roster, result = canvas_course
    problems = Problems()
    path = export_canvas_grades(
        [result], roster, tmp_path / "canvas.csv", data_dir / "canvas_gradebook_17.csv", problems
    )
    rows = read_back(path)
    assert rows[0] == [
        "Student",
        "ID",
        "SIS User ID",
        "SIS Login ID",
        "Section",
        "Project M1 Proposal (221310)",
    ]
    assert rows[1] == ["    Points Possible", "", "", "", "", "100.00"]
    assert rows[2][:5] == ["Åberg, Elsa", "104211", "900123400", "eaberg", "CS 362 001"]
    assert not list(problems)
    assert canvas_assignment_columns(path) == ["Project M1 Proposal (221310)"]
    back = load_canvas_column(path, "Project M1 Proposal")
    assert back.points_possible == 100
    assert back == {r.student_id: float(two_decimals(graded(r))) for r in result.students}
    assert len(back) == 17


def test_canvas_csv_without_gradebook_uses_the_roster(
    tmp_path: Path, canvas_course: tuple[Roster, MilestoneResult]
) -> None:
    roster, result = canvas_course
    rows = read_back(export_canvas_grades([result], roster, tmp_path / "c.csv"))
    assert rows[0][5] == "M1 Proposal"
    first = next(r for r in rows if r[2] == "900123400")
    assert first[:5] == ["Elsa Åberg", "104211", "900123400", "eaberg", "CS 362 001"]
    assert first[5] == two_decimals(graded(result.by_student()["900123400"]))


def test_canvas_gradebook_of_another_course_is_refused(tmp_path: Path, data_dir: Path) -> None:
    members = ["x1", "x2", "x3", "x4"]
    result = adjust(
        "M1 Proposal", {"T": members}, matrix_ratings(members, ROWS), {"T": 80}, PRESETS["oakley"]
    )
    with pytest.raises(ExportError, match="another course"):
        export_canvas_grades(
            [result],
            Roster([Student(s) for s in members]),
            tmp_path / "c.csv",
            data_dir / "canvas_gradebook_17.csv",
        )


def test_unmatched_milestone_and_student_are_reported(
    tmp_path: Path, data_dir: Path, canvas_course: tuple[Roster, MilestoneResult]
) -> None:
    roster, result = canvas_course
    result.milestone = "Final demo"
    roster.students.append(Student("999", name="Late Add"))
    result.students.append(
        result.students[0].__class__("999", "Team 1", 80, None, None, None, None, 80, False)
    )
    problems = Problems()
    rows = read_back(
        export_canvas_grades(
            [result], roster, tmp_path / "c.csv", data_dir / "canvas_gradebook_17.csv", problems
        )
    )
    assert rows[0][5] == "Final demo"
    assert sorted(problems.codes()) == ["new-assignment", "not-in-gradebook"]
    assert all(p.severity == "warning" for p in problems)
    assert not any(r[2] == "999" for r in rows)


def test_canvas_csv_names_are_formula_safe(tmp_path: Path) -> None:
    members = ["x1", "x2", "x3", "x4"]
    names = ['=HYPERLINK("http://x","y")', "+1", "- did the BOM", "@Marco"]
    roster = Roster(
        [Student(s, name=n, section="L01") for s, n in zip(members, names, strict=True)]
    )
    result = adjust(
        "M1", {"T": members}, matrix_ratings(members, ROWS), {"T": 80}, PRESETS["oakley"]
    )
    rows = read_back(export_canvas_grades([result], roster, tmp_path / "c.csv"))
    assert [r[0] for r in rows[2:]] == ["'" + n for n in names]
    assert [r[2] for r in rows[2:]] == members
