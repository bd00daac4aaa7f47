"""The sample course and the test fixtures agree with each other, read with csv/openpyxl only."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sample_survey_decoders import (
    LABEL_VALUES,
    SampleRoster,
    decode_google,
    decode_long,
    decode_msforms,
    decode_qualtrics,
    read_csv,
)

SLOT = re.compile(r"^(Mon|Tue|Wed|Thu|Fri) (AM|PM)$")


@pytest.fixture
def roster(samples_dir: Path) -> SampleRoster:
    return SampleRoster(read_csv(samples_dir / "roster.csv"))


@pytest.fixture
def teams(samples_dir: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in read_csv(samples_dir / "teams.csv"):
        out.setdefault(row["team"], []).append(row["student_id"])
    return out


def test_roster_has_48_students_with_the_specified_columns(samples_dir: Path) -> None:
    raw = (samples_dir / "roster.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8").splitlines()[0]
    assert header == (
        "Student ID,Name,Email,Section,Gender,Major,GPA,Programming,Writing,Availability,"
        "Requested teammates,Avoid"
    )
    rows = read_csv(samples_dir / "roster.csv")
    assert [r["Student ID"] for r in rows] == [f"s{n}" for n in range(1001, 1049)]
    assert Counter(r["Section"] for r in rows) == {"L01": 24, "L02": 24}
    genders = Counter(r["Gender"] for r in rows)
    assert set(genders) == {"F", "M", "NB"}
    assert 0.30 <= genders["F"] / 48 <= 0.40
    assert {r["Major"] for r in rows} == {"CS", "EE", "ME", "Math", "Design"}
    for r in rows:
        assert re.fullmatch(r"[234]\.\d\d", r["GPA"])
        assert 2.0 <= float(r["GPA"]) <= 4.0
        assert r["Programming"] in {"1", "2", "3", "4", "5"}
        assert r["Writing"] in {"1", "2", "3", "4", "5"}
        slots = r["Availability"].split("; ")
        assert len(slots) >= 3
        assert all(SLOT.match(s) for s in slots)
        assert re.fullmatch(r"[a-z]+\.[a-z]+@example\.edu", r["Email"]), r["Email"]
    names = {r["Name"] for r in rows}
    for name in ["Zoë Martín", "Siobhán O'Brien", "José García", "Nguyễn Thị Lan"]:
        assert name in names
    assert {"D'Angelo Rossi", "Christopher Lee", "Marco Bianchi"} <= names
    assert len({r["Email"] for r in rows}) == 48


def test_teams_are_12_fours_within_one_section_covering_everyone(
    roster: SampleRoster, teams: dict[str, list[str]]
) -> None:
    assert list(teams) == [f"Team {n}" for n in range(1, 13)]
    members = [sid for team in teams.values() for sid in team]
    assert sorted(members) == sorted(roster.ids)
    for team in teams.values():
        assert len(team) == 4
        assert len({roster.row(sid)["Section"] for sid in team}) == 1
        women = sum(roster.row(sid)["Gender"] == "F" for sid in team)
        assert women != 1  # formed without isolating a woman (Oakley et al. 2004)
        common = set.intersection(*(set(roster.row(s)["Availability"].split("; ")) for s in team))
        assert common  # every team has a common meeting slot


def test_requests_are_honoured_and_name_roster_students(
    roster: SampleRoster, teams: dict[str, list[str]]
) -> None:
    team_of = {sid: t for t, members in teams.items() for sid in members}
    requests = [(r["Student ID"], r["Requested teammates"]) for r in roster.rows]
    requests = [(sid, text) for sid, text in requests if text]
    assert len(requests) >= 3
    kinds = set()
    for sid, text in requests:
        for entry in text.split("; "):
            other = roster.resolve(entry)
            kinds.add("id" if entry == other else "name")
            assert team_of[other] == team_of[sid]
    assert kinds == {"id", "name"}
    avoids = [(r["Student ID"], r["Avoid"]) for r in roster.rows if r["Avoid"]]
    assert len(avoids) == 1
    sid, other = avoids[0]
    assert team_of[roster.resolve(other)] != team_of[sid]


def test_grades_cover_every_team_and_both_milestones(
    samples_dir: Path, teams: dict[str, list[str]]
) -> None:
    rows = read_csv(samples_dir / "grades.csv")
    assert list(rows[0]) == [
        "team", "grade", "max", "milestone", "days_late", "resubmissions", "original_grade"
    ]  # fmt: skip
    assert len(rows) == 24
    assert {(r["team"], r["milestone"]) for r in rows} == {
        (t, m) for t in teams for m in ("M1 Proposal", "M2 Prototype")
    }
    assert all(r["max"] == "100" and 70 <= float(r["grade"]) <= 96 for r in rows)
    assert any("." in r["grade"] for r in rows)
    tokens = {(r["team"], r["milestone"]): r for r in rows if r["days_late"] or r["resubmissions"]}
    # a late milestone paid, a resubmission paid (original grade kept), one late milestone unpaid
    assert {
        k: (v["days_late"], v["resubmissions"], v["original_grade"]) for k, v in tokens.items()
    } == {
        ("Team 3", "M1 Proposal"): ("2", "", ""),
        ("Team 11", "M1 Proposal"): ("3", "", ""),
        ("Team 5", "M2 Prototype"): ("", "1", "62"),
        ("Team 11", "M2 Prototype"): ("6", "", ""),
    }


def test_oakley9_scale_file_has_the_autorating_values(samples_dir: Path) -> None:
    """Values from Kaufman, Felder & Fuller 2000 / Oakley et al. 2004 as published on the Cornell
    CS 3110 peer-evaluation page: 100, 87.5, ..., 0, 12.5 apart."""
    rows = read_csv(samples_dir / "scales" / "oakley9.csv")
    assert [(r["label"], float(r["value"])) for r in rows] == list(LABEL_VALUES.items())
    assert list(LABEL_VALUES.values()) == [100 - 12.5 * step for step in range(9)]


def test_long_ratings_are_complete_team_matrices_but_for_one_non_respondent(
    samples_dir: Path, teams: dict[str, list[str]]
) -> None:
    ratings, _ = decode_long(samples_dir / "surveys" / "m1_long.csv")
    team_of = {sid: t for t, members in teams.items() for sid in members}
    raters = {rater for rater, _ in ratings}
    assert len(raters) == 47
    for (rater, ratee), label in ratings.items():
        assert team_of[rater] == team_of[ratee]
        assert label in LABEL_VALUES
    for rater in raters:
        assert {ratee for r, ratee in ratings if r == rater} == set(teams[team_of[rater]])


def test_the_four_m1_layouts_carry_the_same_ratings_and_comments(
    samples_dir: Path, roster: SampleRoster
) -> None:
    surveys = samples_dir / "surveys"
    long_ratings, long_comments = decode_long(surveys / "m1_long.csv")
    chris = roster.resolve("Christopher Lee")
    decoded = {
        "google": decode_google(surveys / "m1_google_forms.csv", roster, {"Chris Lee": chris}),
        "msforms": decode_msforms(surveys / "m1_microsoft_forms.xlsx", roster),
        "qualtrics": decode_qualtrics(surveys / "m1_qualtrics.csv", roster),
    }
    assert len(long_ratings) == 47 * 4
    for layout, (ratings, comments) in decoded.items():
        assert ratings == long_ratings, layout
        assert comments == long_comments, layout


def test_m2_google_forms_matches_m2_long(samples_dir: Path, roster: SampleRoster) -> None:
    surveys = samples_dir / "surveys"
    assert decode_google(surveys / "m2_google_forms.csv", roster, {}) == decode_long(
        surveys / "m2_long.csv"
    )
    ratings, _ = decode_long(surveys / "m2_long.csv")
    assert len({r for r, _ in ratings}) == 47
