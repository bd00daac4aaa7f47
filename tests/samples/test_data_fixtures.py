"""The roster and Canvas fixtures in tests/data, and that the generator reproduces every file."""

from __future__ import annotations

import csv
import subprocess
import sys
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from openpyxl import load_workbook
from sample_survey_decoders import read_csv

ROOT = Path(__file__).resolve().parents[2]


def test_semicolon_cp1252_roster(data_dir: Path) -> None:
    raw = (data_dir / "roster_semicolon_cp1252.csv").read_bytes()
    assert b"\xe7" in raw  # "ç" as one cp1252 byte, so the file is not UTF-8
    text = raw.decode("cp1252")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[0] == ["Student ID", "Name", "Email", "Section", "GPA", "Programming"]
    assert len(rows) == 7
    assert all(len(r) == 6 for r in rows)
    assert rows[1][1] == "François Dupré"
    assert rows[1][4] == "3,4"
    assert "Zoë Martín" in {r[1] for r in rows}


def test_bom_roster(data_dir: Path) -> None:
    raw = (data_dir / "roster_bom.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfID,First Name,Last Name,E-mail,Lab,GPA\r\n")
    rows = read_csv(data_dir / "roster_bom.csv", encoding="utf-8-sig")
    assert len(rows) == 5
    assert rows[2]["Last Name"] == "Nguyễn"


def test_problem_roster_has_each_planted_problem_on_its_row(data_dir: Path) -> None:
    rows = read_csv(data_dir / "roster_problems.csv")
    assert len(rows) == 8
    by_row = dict(enumerate(rows, start=2))  # spreadsheet rows, header = 1
    ids = [r["Student ID"] for r in rows]
    assert by_row[5]["Student ID"] == by_row[3]["Student ID"] == "s2002"
    assert [n for n, r in by_row.items() if not r["Student ID"]] == [6]
    assert [n for n, r in by_row.items() if r["GPA"] == "3.x"] == [4]
    names = {r["Name"] for r in rows}
    requests = {n: r["Requested teammates"] for n, r in by_row.items() if r["Requested teammates"]}
    assert requests == {3: "s2001", 7: "Nobody Known"}
    assert "s2001" in ids
    assert "Nobody Known" not in names
    assert [n for n, r in by_row.items() if "Someday" in r["Availability"]] == [8]


def test_xlsx_roster_is_the_first_ten_sample_students_with_numbers(
    data_dir: Path, samples_dir: Path
) -> None:
    ws = load_workbook(data_dir / "roster.xlsx").active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    sample = read_csv(samples_dir / "roster.csv")[:10]
    assert list(rows[0]) == list(sample[0])
    assert len(rows) == 11
    for got, want in zip(rows[1:], sample, strict=True):
        cells = dict(zip(rows[0], got, strict=True))
        assert isinstance(cells["GPA"], int | float)  # 3.00 is stored as the number 3
        assert isinstance(cells["Programming"], int)
        assert cells["GPA"] == float(want["GPA"])
        assert cells["Programming"] == int(want["Programming"])
        assert cells["Name"] == want["Name"]
        assert (cells["Availability"] or "") == want["Availability"]


def _2dp(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def test_canvas_gradebook_layout(data_dir: Path) -> None:
    """Layout from Canvas's lib/gradebook_exporter.rb as summarised in reference/formats.md 1.1."""
    text = (data_dir / "canvas_gradebook_17.csv").read_text(encoding="utf-8")
    assert "\r" not in text
    header, posting, points, *students = list(csv.reader(text.splitlines()))
    assert header[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    assert header[5:8] == [
        "Project M1 Proposal (221310)",
        "Project M2 Prototype (221311)",
        "Quiz 1 (221305)",
    ]
    assert "Current Score" in header
    assert posting[:6] == [""] * 6
    assert posting[6] == "Manual Posting"
    assert points[0] == "    Points Possible"
    assert points[5:8] == ["100.00", "100.00", "10.00"]
    assert set(points[8:]) == {"(read only)"}
    assert len(students) == 18
    assert students[-1][0] == "Student, Test"
    assert students[-1][2] == ""
    assert len(students[-1][3]) == 40
    real = students[:-1]
    assert [s[0] for s in real] == sorted((s[0] for s in real), key=_sortable)
    assert all(", " in s[0] for s in real)
    cells = {c for s in real for c in s[5:8]}
    assert {"EX", "N/A", ""} <= cells
    assert any(" and " in s[4] for s in real)


def _sortable(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if c.isascii()).lower()


def test_canvas_course_score_is_points_over_graded_possible(data_dir: Path) -> None:
    """Canvas Current Score = points earned / points possible of the graded assignments x 100;
    worked example: Åberg 88 + 9.5 of 100 + 10 -> 97.5 / 110 = 88.64 %."""
    text = (data_dir / "canvas_gradebook_17.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    header, students = rows[0], rows[3:-1]
    col = {h: i for i, h in enumerate(header)}
    aberg = students[0]
    assert aberg[0] == "Åberg, Elsa"
    assert aberg[col["Current Score"]] == "88.64"
    for s in students:
        graded = [(s[i], p) for i, p in ((5, 100), (7, 10)) if s[i] not in ("", "EX", "N/A")]
        earned = sum((Decimal(v) for v, _ in graded), Decimal(0))
        possible = Decimal(sum(p for _, p in graded))
        assert s[col["Current Points"]] == _2dp(earned)
        assert s[col["Current Score"]] == _2dp(earned * 100 / possible)


def test_generator_reproduces_the_committed_files(
    tmp_path: Path, samples_dir: Path, data_dir: Path
) -> None:
    out, data = tmp_path / "samples", tmp_path / "data"
    subprocess.run(
        [sys.executable, str(ROOT / "samples" / "make_samples.py"), str(out), str(data)],
        check=True,
        capture_output=True,
    )
    generated = sorted(p.relative_to(out) for p in out.rglob("*.*") if p.suffix in {".csv"})
    assert len(generated) == 10
    for rel in generated:
        assert (out / rel).read_bytes() == (samples_dir / rel).read_bytes(), rel
    for p in data.iterdir():
        if p.suffix == ".csv":
            assert p.read_bytes() == (data_dir / p.name).read_bytes(), p.name
    for rel in [Path("surveys/m1_microsoft_forms.xlsx")]:
        assert _cells(out / rel) == _cells(samples_dir / rel)
    assert _cells(data / "roster.xlsx") == _cells(data_dir / "roster.xlsx")


def _cells(path: Path) -> list[tuple[object, ...]]:
    ws = load_workbook(path).active
    assert ws is not None
    return [tuple((c.value, c.data_type, c.number_format) for c in row) for row in ws.iter_rows()]
