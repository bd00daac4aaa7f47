"""A misspelled teammate is looked for in the rater's team first (issue 14, item 18)."""

from __future__ import annotations

from teamtool.files.grid import Grid
from teamtool.model import Roster, Student, TeamSet
from teamtool.ratings.matching import PeopleMatcher
from teamtool.ratings.survey import import_grid

ROSTER = Roster(
    [
        Student("s1", "Ana Silva"),
        Student("s2", "Vera Kowalski Z."),
        Student("s3", "Tom Berg"),
        Student("s4", "Vera Kowalska Z."),  # another team, as like the typo as s2 is
        Student("s5", "Vera Kowalsky A."),
        Student("s6", "Ivo Lind"),
        Student("s7", "Vera Kowalczyk Z."),
        Student("s8", "Kim Ode"),
        Student("s9", "Lu Pham"),
    ]
)
TEAMS = TeamSet("teams", {"Team A": ["s1", "s2", "s3"], "Team B": ["s4", "s5", "s6"], "Team C": ["s7"],
                        "Team D": ["s8", "s9"]})  # fmt: skip


def survey(*rows: tuple[str, str, str]) -> Grid:
    return Grid("survey.csv", [["rater", "ratee", "rating"], *map(list, rows)])


def test_a_misspelled_teammate_is_matched_with_a_note() -> None:
    before = PeopleMatcher(ROSTER).match("Vera owalski Z.")
    assert not before.certain  # across the roster it is not certain: s2 and s4 are alike
    assert {sid for sid, _ in before.candidates} >= {"s2", "s4"}
    result = import_grid(survey(("s1", "Vera owalski Z.", "4"), ("s1", "s1", "5")), ROSTER, TEAMS)
    assert sorted((r.rater, r.ratee, r.value) for r in result.ratings) == [
        ("s1", "s1", 5.0),
        ("s1", "s2", 4.0),
    ]
    assert result.uncertain == []
    notes = [p for p in result.problems if p.code == "matched-in-team"]
    assert len(notes) == 1
    assert notes[0].severity == "info"
    assert (notes[0].row, notes[0].column) == (2, "ratee")
    assert 'ratee "Vera owalski Z." is taken as Vera Kowalski Z. (s2)' in notes[0].message
    assert "the only member of Team A" in notes[0].message


def test_a_name_like_two_teammates_is_asked_with_the_teammates_only() -> None:
    result = import_grid(survey(("s6", "Vera Kowalsk", "4")), ROSTER, TEAMS)
    assert result.ratings == []
    [asked] = result.uncertain
    assert {sid for sid, _ in asked.candidates} == {"s4", "s5"}  # not s2 or s7 of other teams


def test_a_name_like_nobody_in_the_team_is_looked_for_in_the_whole_roster() -> None:
    result = import_grid(survey(("s8", "Tom Berk", "4")), ROSTER, TEAMS)
    [asked] = result.uncertain
    assert asked.candidates[0][0] == "s3"  # of Team A: asked about, never taken silently
    assert "matched-in-team" not in result.problems.codes()


def test_the_quick_search_skips_nobody_the_full_comparison_would_offer() -> None:
    """The quick search of the whole roster only skips names that cannot reach the
    threshold: the candidates are those of comparing every name in full."""
    matcher = PeopleMatcher(ROSTER)
    for text in (
        "Vera Kowalsk",
        "Vera owalski Z.",
        "Ana Silv",
        "Tom Berk",
        "Ivo Lindqvist",
        "Ve Ko",
    ):
        found = matcher.match(text)
        full = matcher.close_among(text, [s.id for s in ROSTER])  # every name compared
        assert list(found.candidates) == full[:5], text
