"""Malformed survey files never crash the import: a TeamtoolError or a clean, consistent result."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from ratings_helpers import load_roster, load_teams

from teamtool.errors import TeamtoolError
from teamtool.ratings import SurveyImport, import_survey

ROSTER, TEAMS = load_roster(), load_teams()
HEADERS = [
    "rater", "ratee", "rating", "comment", "Timestamp", "Email Address", "Your name", "ID", "Start time",
    "Completion time", "Email", "Name", "Last modified time", "StartDate", "Status", "Finished",
    "Progress", "RecordedDate", "ResponseId", "RecipientEmail", "Rate your teammates [Zoe Martin]",
    "Rate your teammates [s02]", "Rate your teammates [Alex Kim]", "Rate your teammates [Nobody]",
    "Q - José García", "Comments", "Mei Chen", "", "[", "]",
]  # fmt: skip
CELLS = [
    "s01", "s02", "s03", "s07", "S10", "s11", "zoe.martin@example.edu", "Chris Lee", "Alex Kim",
    "Excellent", "Very good", "No show", "Good team citizen", "5", "87.5", "-1", "", " ", "yesterday",
    "2026/10/14 9:41:07 PM EDT", "2026-10-14 21:41:07", "Survey Preview", "False", "40", "100",
    '{"ImportId":"QID1_1"}', "=1+1", "a,b", 'quote"d', "line\nbreak", "Zoë Martín", "O’Brien, Siobhán",
]  # fmt: skip
text_cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=12))
header_cell = st.one_of(st.sampled_from(HEADERS), st.text(max_size=12))
grids = st.lists(st.lists(text_cell, max_size=8), min_size=0, max_size=8).flatmap(
    lambda rows: st.lists(header_cell, min_size=1, max_size=8).map(lambda header: [header, *rows])
)
PEOPLE = [
    "Zoe Martin",
    "s02",
    "José García",
    "Alex Kim",
    "s07 ",
    "Mei Chen",
    "Nobody",
    "Chris Lee",
    "s11",
]
TEMPLATES = [
    [["rater", "ratee", "rating", "comment", "Timestamp"]],
    [
        [
            "Timestamp",
            "Email Address",
            "Your name",
            *(f"Rate your teammates [{p}]" for p in PEOPLE),
            "Comments",
        ]
    ],
    [
        [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Last modified time",
            *PEOPLE,
            "Comments",
        ],
    ],
    [
        [
            "StartDate",
            "Status",
            "Progress",
            "Finished",
            "RecordedDate",
            "ResponseId",
            "RecipientEmail",
        ]
        + [f"Q1_{i}" for i in range(len(PEOPLE))],
        [
            "Start Date",
            "Response Type",
            "Progress",
            "Finished",
            "Recorded Date",
            "Response ID",
            "Email",
        ]
        + [f"How well? - {p}" for p in PEOPLE],
        ['{"ImportId":"x"}'] * (7 + len(PEOPLE)),
    ],
]
LABELS = ["Excellent", "Very good", "Marginal", "No show", "", "", "5", "Great", "87.5"]
WHO = [
    "s01",
    "s02",
    "zoe.martin@example.edu",
    "José García",
    "s07",
    "Alex Kim",
    "Chris Lee",
    "s11",
    "",
]
TIMES = ["2026/10/14 9:41:07 PM EDT", "2026-10-14 21:41:07", "10/14/2026 21:41:07", "yesterday", ""]
STATUS = ["IP Address", "Survey Preview", "True", "False", "100", "40", ""]


def pool(header: str) -> list[str]:
    """Cells that fit the column, so that fuzzed files often get deep into the import."""
    if "[" in header or " - " in header or header in PEOPLE or header in ("rating", "comment"):
        return LABELS + CELLS[:3]
    if "time" in header.lower() or "date" in header.lower():
        return TIMES
    if header in ("Status", "Finished", "Progress", "Response Type"):
        return STATUS
    return WHO


def plausible_rows(header: list[str]) -> st.SearchStrategy[list[list[str]]]:
    row = st.tuples(*(st.sampled_from(pool(h)) for h in header)).map(list)
    ragged = st.tuples(row, st.integers(0, len(header) + 2)).map(lambda t: t[0][: t[1]])
    return st.lists(st.one_of(row, ragged), max_size=12)


plausible_grids = st.sampled_from(TEMPLATES).flatmap(
    lambda t: plausible_rows(t[0]).map(lambda rows: [*t, *rows])
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(path: Path, confirmed: dict[str, str] | None = None) -> None:
    try:
        result = import_survey(path, ROSTER, TEAMS, confirmed=confirmed)
    except TeamtoolError as exc:
        message = str(exc)
        assert message, "a TeamtoolError without a message"
        return
    assert isinstance(result, SurveyImport)
    membership = TEAMS.membership()
    pairs = [(r.rater, r.ratee) for r in result.ratings]
    assert len(pairs) == len(set(pairs))
    for r in result.ratings:
        assert membership[r.rater] == membership[r.ratee]
        assert result.scale.value_of(r.label) == r.value
    members = set(TEAMS.students())
    assert result.respondents <= members
    assert result.respondents.isdisjoint(result.non_respondents)
    assert result.respondents | set(result.non_respondents) == members
    assert all(str(p) for p in result.problems)


@FUZZ
@given(grid=plausible_grids, confirm=st.booleans())
def test_plausible_surveys_import_consistently(grid: list[list[str]], confirm: bool) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(grid)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survey.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        check(path, {"Chris Lee": "s06", "Alex Kim": "s07"} if confirm else None)


@FUZZ
@given(
    grid=grids,
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_malformed_csv_never_crashes(grid: list[list[str]], delimiter: str, encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(grid)
    data = buffer.getvalue().encode(encoding, errors="replace")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survey.csv"
        path.write_bytes(data)
        check(path)


@FUZZ
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("survey.csv", "survey.xlsx"):
            path = Path(tmp) / name
            path.write_bytes(data)
            check(path)


xlsx_cell = st.one_of(
    text_cell,
    st.none(),
    st.integers(-5, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.booleans(),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8),
    rows=st.lists(st.lists(xlsx_cell, max_size=8), max_size=6),
)
def test_malformed_xlsx_never_crashes(header: list[str], rows: list[list[object]]) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(header)
    for row in rows:
        ws.append(
            [
                v if not isinstance(v, str) else "".join(c for c in v if c >= " " or c == "\n")
                for v in row
            ]
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survey.xlsx"
        book.save(path)
        check(path)


@FUZZ
@given(text=st.one_of(st.text(max_size=40), st.sampled_from(CELLS + HEADERS)))
def test_any_text_is_matched_read_and_timed_without_crashing(text: str) -> None:
    from teamtool.ratings import PRESETS, PeopleMatcher
    from teamtool.ratings.timestamps import parse_time

    match = PeopleMatcher(ROSTER).match(text)
    assert match.certain == (match.student_id is not None)
    assert all(0 < score <= 1 for _, score in match.candidates)
    for scale in PRESETS.values():
        value = scale.value_of(text)
        assert value is None or scale.value_of(scale.label_of(value)) == value
    parse_time(text)
    parse_time(text, day_first=True)
