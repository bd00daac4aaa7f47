"""Roster import from real files: the sample roster, a Canvas gradebook export, encodings, problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import InputError
from teamtool.model import AttributeKind
from teamtool.roster import ColumnMapping, import_roster


def test_sample_roster_reads_every_student_and_kind(samples_dir: Path) -> None:
    result = import_roster(samples_dir / "roster.csv")
    roster = result.roster
    assert len(roster) == 48
    assert not result.problems.has_errors()
    kinds = {a.name: a.kind for a in roster.attributes}
    assert kinds["GPA"] is AttributeKind.NUMERIC
    assert kinds["Gender"] is AttributeKind.CATEGORICAL
    assert kinds["Availability"] is AttributeKind.AVAILABILITY
    assert kinds["Requested teammates"] is AttributeKind.PREFERENCE
    assert {s.section for s in roster} == {"L01", "L02"}
    names = {s.name for s in roster}
    assert any("'" in n for n in names), "apostrophes survive"
    assert any(any(ord(ch) > 127 for ch in n) for n in names), "accents survive"
    first = roster.students[0]
    assert isinstance(first.get("GPA"), float)
    assert all(" " in slot for slot in first.get("Availability") or ())  # type: ignore[union-attr]


def test_preferences_resolve_to_student_ids(samples_dir: Path) -> None:
    roster = import_roster(samples_dir / "roster.csv").roster
    ids = {s.id for s in roster}
    requested = [s.get("Requested teammates") for s in roster if s.get("Requested teammates")]
    assert requested
    for entry in requested:
        assert isinstance(entry, tuple)
        assert set(entry) <= ids


def test_canvas_gradebook_export_gives_the_17_real_students(data_dir: Path) -> None:
    result = import_roster(data_dir / "canvas_gradebook_17.csv")
    roster = result.roster
    assert result.source == "canvas"
    assert len(roster) == 17, "Test Student, Points Possible and Manual Posting rows are left out"
    assert result.skipped_rows == 2
    assert not result.problems.items
    elsa = roster.get("900123400")
    assert elsa is not None
    assert elsa.name == "Elsa Åberg", "Last, First is split and shown First Last"
    assert elsa.lms_id == "104211"
    assert elsa.login_id == "eaberg"
    assert elsa.section == "CS 362 001"
    assert any(" and " in s.section for s in roster), "multi-section students keep both sections"
    assert roster.attributes == [], "grade columns are not attributes"


def test_semicolon_cp1252_with_decimal_comma(data_dir: Path) -> None:
    result = import_roster(data_dir / "roster_semicolon_cp1252.csv")
    assert len(result.roster) == 6
    gpas = [s.get("GPA") for s in result.roster]
    assert all(isinstance(g, float) for g in gpas)
    assert any(isinstance(g, float) and not g.is_integer() for g in gpas), "3,4 reads as 3.4"
    assert any(any(ord(ch) > 127 for ch in s.name) for s in result.roster), "cp1252 accents decoded"


def test_bom_file_with_first_and_last_name_columns(data_dir: Path) -> None:
    result = import_roster(data_dir / "roster_bom.csv")
    assert result.mapping.roles["id"] == "ID", "the BOM does not stick to the first header"
    assert result.mapping.roles["first"] == "First Name"
    assert all(s.name and " " in s.name for s in result.roster)
    assert all(s.section for s in result.roster), "Lab is read as the section"


def test_xlsx_roster(data_dir: Path) -> None:
    result = import_roster(data_dir / "roster.xlsx")
    assert len(result.roster) == 10
    gpa = result.roster.students[0].get("GPA")
    assert isinstance(gpa, float)


def test_every_problem_is_reported_at_once_with_row_and_column(data_dir: Path) -> None:
    result = import_roster(data_dir / "roster_problems.csv")
    found = {(p.code, p.row, p.column) for p in result.problems}
    assert ("bad-number", 4, "GPA") in found
    assert ("duplicate-id", 5, "Student ID") in found
    assert ("empty-id", 6, "Student ID") in found
    assert ("unknown-person", 7, "Requested teammates") in found
    assert ("unknown-slot", 8, "Availability") in found
    assert result.problems.has_errors()
    assert len(result.roster) == 6, "the duplicate and the row without id are left out"
    text = str(next(p for p in result.problems if p.code == "duplicate-id"))
    assert text.startswith('roster_problems.csv: row 5, column "Student ID":')


def test_mapping_override_changes_kind_and_id_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "Login,Email,Team pref,Year\nab1,a@x.edu,x,2\ncd2,c@x.edu,y,3\n", encoding="utf-8"
    )
    auto = import_roster(path)
    assert "id" not in auto.mapping.roles
    assert "missing-id-column" in auto.problems.codes()
    mapping = ColumnMapping(
        roles={"id": "Login", "email": "Email"},
        kinds={"Year": AttributeKind.CATEGORICAL},
    )
    result = import_roster(path, mapping)
    assert not result.problems.items
    assert [s.id for s in result.roster] == ["ab1", "cd2"]
    assert result.roster.students[0].get("Year") == "2"
    assert [a.name for a in result.roster.attributes] == ["Year"]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-file"),
        (b"\x00\x01\x02binary\x00", "not-text"),
        (b"PK\x03\x04broken", "bad-xlsx"),
    ],
)
def test_malformed_files_give_a_clear_error(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        import_roster(path)
    assert info.value.code == code
    assert str(info.value).startswith("roster.csv: ")


def test_input_file_is_never_written(data_dir: Path) -> None:
    path = data_dir / "roster_problems.csv"
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    import_roster(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
