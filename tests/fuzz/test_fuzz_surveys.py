"""Fuzzing the survey importer on the layouts tests/ratings/test_survey_fuzz.py does not shape:
repeated team-member questions (members layout, also from Qualtrics) and the long format, with
Qualtrics' Finished/Progress columns and partial responses kept or dropped. Against the sample
roster and teams: a TeamtoolError, or ratings that are consistent with the teams."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_fuzz_roster import attempt

from teamtool.errors import TeamtoolError
from teamtool.files.teamfile import load_team_set
from teamtool.ratings import import_survey
from teamtool.roster import import_roster

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ROSTER = import_roster(SAMPLES / "roster.csv").roster
TEAMS = load_team_set(SAMPLES / "teams.csv", ROSTER)
FUZZ = settings(max_examples=50, deadline=None)

PEOPLE = ["s1005", "s1011", "s1022", "s1025", "S1005 ", "Ryan O'Connor", "ryan oconnor",
          "Ethan Park", "ethan.park@example.edu", "Me", "Chris Lee", "nobody", "", "'-s1005"]  # fmt: skip
RATINGS = ["Excellent", "Very good", "Satisfactory: did the work", "No show", "No Show", "5",
           "87.5", "-1", "", "Great", "1,000"]  # fmt: skip
QUALTRICS = {"Status": ["IP Address", "Survey Preview", "spam", ""],
             "Finished": ["True", "False", "1", "0", "", "maybe"],
             "Progress": ["100", "40", "0", "", "abc"]}  # fmt: skip
MEMBERS = [
    "Team member {n}: Name",
    "Team member {n}: Rating",
    "Team member {n}: Comment (optional)",
]


def members_header(groups: int, qualtrics: bool) -> list[str]:
    fixed = ["StartDate", "Status", "Progress", "Finished", "RecordedDate", "RecipientEmail"] if qualtrics else [
        "Timestamp", "Email Address"]  # fmt: skip
    return fixed + [h.format(n=n) for n in range(1, groups + 1) for h in MEMBERS]


def cells_for(header: list[str]) -> st.SearchStrategy[list[str]]:
    def pool(column: str) -> list[str]:
        if column in QUALTRICS:
            return QUALTRICS[column]
        if "Rating" in column or column == "rating":
            return RATINGS
        if "Comment" in column or column == "comment":
            return ["", "=1+1", "- did the BOM", "ok"]
        if column in ("Timestamp", "RecordedDate", "StartDate"):
            return ["2026-10-14 21:41:07", "2026/10/14 9:41:07 PM EDT", "", "yesterday"]
        return PEOPLE

    row = st.tuples(*(st.one_of(st.sampled_from(pool(c)), st.text(max_size=5)) for c in header))
    return row.map(list)


surveys = st.one_of(
    st.builds(members_header, st.integers(1, 4), st.booleans()),
    st.just(["rater", "ratee", "rating", "comment", "Finished", "Progress"]),
).flatmap(lambda header: st.lists(cells_for(header), max_size=10).map(lambda r: [header, *r]))


@FUZZ
@given(rows=surveys, drop_partial=st.booleans())
def test_member_and_long_surveys_import_consistently(
    rows: list[list[str]], drop_partial: bool
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survey.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        result = attempt(lambda: import_survey(path, ROSTER, TEAMS, drop_partial=drop_partial))
    if isinstance(result, TeamtoolError):
        assert "survey.csv" in str(result)
        return
    membership = TEAMS.membership()
    pairs = [(r.rater, r.ratee) for r in result.ratings]
    assert len(pairs) == len(set(pairs))
    for rating in result.ratings:
        assert membership[rating.rater] == membership[rating.ratee]
        assert rating.rater in result.respondents
    assert result.respondents.isdisjoint(result.non_respondents)
    assert result.respondents | set(result.non_respondents) == set(TEAMS.students())
    for problem in result.problems:
        assert problem.file == "survey.csv"
        if problem.code == "partial-response" and not drop_partial:
            assert problem.message.startswith("partial response: rated ")
