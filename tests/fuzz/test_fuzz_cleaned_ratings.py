"""The cleaned ratings reader on arbitrary input: ratings or a TeamtoolError that says where,
never another exception; and what our writer writes is read back as it was."""

from __future__ import annotations

import csv
import io
import math
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from teamtool.errors import SurveyError, TeamtoolError
from teamtool.model import Rating
from teamtool.ratings import read_ratings_csv, write_ratings_csv

FUZZ = settings(max_examples=60, deadline=None, database=None)
HEADERS = ["rater", "ratee", "rating", "comment", "label", "milestone", "general_comment", "x"]
CELLS = [
    "s01", "s02", "S01", "s03", "", " ", "0", "87.5", "100", "-12.5", "-0", "4,5", "1,000",
    "9" * 400, "1e3", "nan", "inf", "Excellent", "No show", "Great", "M1", "M2", "=1+1", "'=1",
    "a,b", 'quote"d', "line\nbreak", "\x00", "Zoë",
]  # fmt: skip
cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=8))
tables = st.tuples(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6, unique=True),
    st.lists(st.lists(cell, max_size=7), max_size=10),
)


def read(data: bytes) -> list[Rating] | TeamtoolError:
    """Read ``data`` as the file ``ratings.csv``: its ratings, or the error it raised."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ratings.csv"
        path.write_bytes(data)
        try:
            return read_ratings_csv(path)
        except TeamtoolError as exc:
            return exc


def assert_sound(outcome: list[Rating] | TeamtoolError, has_milestone: bool = True) -> None:
    if isinstance(outcome, TeamtoolError):
        assert "ratings.csv" in str(outcome), str(outcome)
        return
    for r in outcome:
        assert math.isfinite(r.value), r
        assert r.value >= 0, r
        assert r.rater, r
        assert r.ratee, r
    if not has_milestone:
        pairs = [(r.rater, r.ratee) for r in outcome]
        assert len(pairs) == len(set(pairs)), pairs


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes_give_ratings_or_an_error_naming_the_file(data: bytes) -> None:
    assert_sound(read(data))


@FUZZ
@given(table=tables)
def test_any_table_gives_sound_ratings_or_an_error_naming_the_file(
    table: tuple[list[str], list[list[str]]],
) -> None:
    header, rows = table
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    outcome = read(buffer.getvalue().encode("utf-8"))
    assert_sound(outcome, has_milestone="milestone" in header)
    if isinstance(outcome, SurveyError) and {"rater", "ratee", "rating"} <= set(header):
        assert "row " in str(outcome), str(outcome)  # a problem in the rows names its row


# IDs as our cleaned files hold them. IDs beginning with - + @ = are escaped by the writer and
# not yet unescaped by the reader: #14 item 13, another branch. A comment that begins with ' and
# a formula character cannot round-trip by design (it reads as an escaped formula).
ids = st.text("abcdefghijklmnopqrstuvwxyz0123456789._", min_size=1, max_size=6)
words = st.text(
    st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\x00"), max_size=20
).map(str.strip)
comments = words.filter(lambda t: not t.startswith("'"))
values = st.one_of(
    st.sampled_from([100.0, 87.5, 75.0, 62.5, 50.0, 37.5, 25.0, 12.5, 0.0]),
    st.integers(0, 10_000).map(lambda n: n / 4),
)
ratings = st.builds(
    Rating,
    rater=ids,
    ratee=ids,
    value=values,
    label=st.sampled_from(["", "Excellent", "Very good", "4 of 5"]),
    comment=comments,
    general_comment=comments,
)


@FUZZ
@given(written=st.lists(ratings, max_size=12, unique_by=lambda r: (r.rater, r.ratee)))
def test_written_ratings_are_read_back_equal(written: list[Rating]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_ratings_csv(written, Path(tmp) / "ratings.csv")
        if not written:  # a header alone: nothing to read
            assert read_ratings_csv(path) == []
            return
        assert read_ratings_csv(path) == written
