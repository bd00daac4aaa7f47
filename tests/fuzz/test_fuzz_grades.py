"""Fuzzing the team grades reader, the overrides reader and the number parser."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_roster import attempt

from teamtool.cli.overrides_arg import collect_overrides
from teamtool.errors import TeamtoolError
from teamtool.files.gradesfile import load_team_grades
from teamtool.number_text import LIMIT, evidence, parse_number, read_number

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
cells = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
    st.from_regex(r"[+-]?[0-9 .,]{1,9}", fullmatch=True),
)
grid_rows = st.lists(st.lists(cells, min_size=1, max_size=4), max_size=6)


def write_csv(path: Path, header: list[str], body: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *body])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@FUZZ
@given(body=grid_rows)
def test_any_grades_file(tmp_path: Path, body: list[list[str]]) -> None:
    path = write_csv(tmp_path / "grades.csv", ["team", "grade", "max", "milestone"], body)
    grades = attempt(lambda: load_team_grades(path, raise_on_error=False))
    if isinstance(grades, TeamtoolError):
        assert grades.file == "grades.csv"
        return
    for problem in grades.problems:
        assert (problem.file, problem.row is not None) == ("grades.csv", True)
    for by_team in grades.values():
        for value in by_team.values():
            assert 0 <= value < LIMIT


@FUZZ
@given(body=grid_rows, data=st.binary(max_size=200), as_bytes=st.booleans())
def test_any_overrides_file(
    tmp_path: Path, body: list[list[str]], data: bytes, as_bytes: bool
) -> None:
    path = tmp_path / "overrides.csv"
    if as_bytes:
        path.write_bytes(data)
    else:
        write_csv(path, ["student_id", "grade", "reason"], body)
    result = attempt(lambda: collect_overrides(None, str(path), {"M1": 100.0}, {"s1", "s2"}))
    if isinstance(result, TeamtoolError):
        assert result.file == "overrides.csv" or "overrides.csv: row " in str(result), result


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    decimals=st.integers(min_value=0, max_value=4),
    style=st.sampled_from(["plain", "comma-groups", "european", "spaces", "decimal-comma"]),
)
def test_formatted_floats_round_trip(value: float, decimals: int, style: str) -> None:
    plain = f"{value:.{decimals}f}"
    grouped = f"{value:,.{decimals}f}"
    text, mark = {
        "plain": (plain, "."),
        "comma-groups": (grouped, "."),
        "european": (grouped.translate(str.maketrans(",.", ".,")), ","),
        "spaces": (grouped.replace(",", "\u00a0"), "."),
        "decimal-comma": (plain.replace(".", ","), ","),
    }[style]
    expected = float(plain)
    assert parse_number(text, mark) == expected  # the column's mark known
    if evidence(text) == mark or not any(c in text for c in ".,"):
        assert parse_number(text) == expected  # the text shows its mark by itself
    else:
        reading = read_number(text)
        # a point reads as decimal; "1,000" (three zeros after one comma) groups thousands
        three_zeros = text.count(",") == 1 and text.endswith(",000") and "." not in text
        assert reading.value in (expected, None) or "." in text or three_zeros
        assert reading.value is not None or reading.code == "ambiguous-number"


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=30))
def test_any_text_is_a_number_or_a_reason(text: str) -> None:
    reading = read_number(text)
    if reading.value is None:
        assert reading.code in ("bad-number", "ambiguous-number", "number-too-large")
        assert reading.error
    else:
        assert abs(reading.value) < LIMIT


@pytest.mark.parametrize("text", ["1" + "0" * 400, "9" * 5000, "1" + ",000" * 300])
def test_huge_numbers_are_too_large(text: str) -> None:
    assert read_number(text).code == "number-too-large"
