"""Submission times of every export format, so that the latest duplicate wins."""

from __future__ import annotations

import datetime as dt

import pytest

from teamtool.ratings.timestamps import parse_time, parse_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026/10/14 9:41:07 PM EDT", dt.datetime(2026, 10, 15, 1, 41, 7)),  # UTC
        ("2026/10/14 12:05:00 AM EST", dt.datetime(2026, 10, 14, 5, 5, 0)),
        ("2026/10/14 12:05:00 PM GMT+3", dt.datetime(2026, 10, 14, 9, 5, 0)),
        ("2026/10/14 9:41:07 PM GMT-04:00", dt.datetime(2026, 10, 15, 1, 41, 7)),
        ("10/14/2026 21:41:07", dt.datetime(2026, 10, 14, 21, 41, 7)),
        ("2026-10-14 21:41:07", dt.datetime(2026, 10, 14, 21, 41, 7)),
        ("2026-10-14T21:41:07Z", dt.datetime(2026, 10, 14, 21, 41, 7)),
        ("2026-10-14 21:41:07.123", dt.datetime(2026, 10, 14, 21, 41, 7, 123000)),
        ("2026-10-14", dt.datetime(2026, 10, 14)),
        ("46309.5", dt.datetime(2026, 10, 14, 12, 0)),  # an Excel serial date-time
        ("", None),
        ("yesterday", None),
        ("2026/13/45 9:41:07 PM", None),
        ("2026/10/14 13:00:00 PM", None),
        ("12345", None),
        ("2026/10/14 9:41:07 PM XYZ", dt.datetime(2026, 10, 14, 21, 41, 7)),  # unknown zone: as is
    ],
)
def test_parse_time(text: str, expected: dt.datetime | None) -> None:
    assert parse_time(text) == expected


def test_a_column_with_a_day_over_12_is_read_day_first() -> None:
    times = parse_times(["03/10/2026 09:00:00", "14/10/2026 09:00:00"])
    assert times == [dt.datetime(2026, 10, 3, 9), dt.datetime(2026, 10, 14, 9)]


def test_a_us_column_is_read_month_first() -> None:
    times = parse_times(["03/10/2026 09:00:00", "10/14/2026 09:00:00"])
    assert times == [dt.datetime(2026, 3, 10, 9), dt.datetime(2026, 10, 14, 9)]


def test_pm_after_midnight_orders_correctly() -> None:
    late, after = parse_times(["2026/10/14 11:05:00 PM EDT", "2026/10/15 12:30:00 AM EDT"])
    assert late is not None
    assert after is not None
    assert after > late
