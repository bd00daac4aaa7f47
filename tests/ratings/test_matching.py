"""People matching: ids, emails and names as students type them; fuzzy matches never certain."""

from __future__ import annotations

import pytest

from teamtool.model import Roster, Student
from teamtool.ratings.matching import PeopleMatcher


@pytest.fixture
def matcher(roster: Roster) -> PeopleMatcher:
    return PeopleMatcher(roster)


@pytest.mark.parametrize(
    ("text", "student_id", "how"),
    [
        ("s01", "s01", "id"),
        (" S01 ", "s01", "id"),
        ("#s05", "s05", "id"),
        ("ZOE.MARTIN@example.edu", "s01", "email"),
        ("  siobhan.obrien@example.edu ", "s02", "email"),
        ("Zoë Martín <zoe.martin@example.edu>", "s01", "email"),
        ("Alex Kim (s08)", "s08", "id"),
        ("Zoe Martin", "s01", "name"),
        ("zoë   martín", "s01", "name"),
        ("Martín, Zoë", "s01", "name"),
        ("O’Brien, Siobhán", "s02", "name"),
        ("Siobhan O`Brien", "s02", "name"),
        ("GARCIA, JOSE", "s03", "name"),
        ("Nguyen Thi Lan", "s04", "name"),
        ("Lan Nguyen Thi", "s04", "name-reordered"),
        ("DAngelo Rossi", "s05", "name"),
        ("D’Angelo Rossi", "s05", "name"),
    ],
)
def test_certain_matches(matcher: PeopleMatcher, text: str, student_id: str, how: str) -> None:
    match = matcher.match(text)
    assert (match.student_id, match.certain, match.how) == (student_id, True, how)
    assert match.text == text


def test_a_nickname_is_a_candidate_not_a_match(matcher: PeopleMatcher) -> None:
    match = matcher.match("Chris Lee")
    assert match.student_id is None
    assert not match.certain
    assert match.how == "fuzzy"
    assert match.candidates[0] == ("s06", 0.9)


def test_a_typo_is_a_candidate_not_a_match(matcher: PeopleMatcher) -> None:
    match = matcher.match("Mei Chenn")
    assert not match.certain
    assert match.candidates[0][0] == "s09"
    assert 0.9 < match.candidates[0][1] < 1.0


def test_two_students_with_one_name_are_ambiguous(matcher: PeopleMatcher) -> None:
    match = matcher.match("alex kim")
    assert (match.student_id, match.certain, match.how) == (None, False, "ambiguous")
    assert match.candidates == (("s07", 1.0), ("s08", 1.0))


def test_an_unknown_email_is_never_certain(matcher: PeopleMatcher) -> None:
    personal = matcher.match("zoe.martin@gmail.com")
    assert not personal.certain
    assert personal.candidates[0][0] == "s01"
    stranger = matcher.match("nobody@example.org")
    assert (stranger.certain, stranger.candidates, stranger.how) == (False, (), "none")


def test_nothing_like_anyone_has_no_candidates(matcher: PeopleMatcher) -> None:
    for text in ("", "   ", "Xavier Quintero", "???"):
        match = matcher.match(text)
        assert match.student_id is None
        assert match.candidates == ()


def test_candidates_are_ranked_best_first() -> None:
    roster = Roster([Student("a", "Ann Lee"), Student("b", "Anna Lee"), Student("c", "Anne Leeds")])
    match = PeopleMatcher(roster).match("Ana Lee")
    scores = [score for _, score in match.candidates]
    assert scores == sorted(scores, reverse=True)
    assert {sid for sid, _ in match.candidates} >= {"a", "b"}


def test_a_canvas_sortable_name_in_the_roster_matches_a_typed_name() -> None:
    roster = Roster([Student("1", "O'Neil, Zoë", "zoe@x.edu")])
    assert PeopleMatcher(roster).match("Zoe O’Neil").student_id == "1"


def test_punctuation_only_matches_nobody(matcher: PeopleMatcher) -> None:
    for text in ("[", "()", "<>", ",;"):
        assert matcher.match(text).how == "none"
