"""The roster-wide name search skips only names that cannot reach the candidate threshold: its
candidates are exactly those of comparing the query with every name in full."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teamtool.model import Roster, Student
from teamtool.ratings.matching import MAX_CANDIDATES, PeopleMatcher

# Few letters, so that names are often alike; words of one letter and nicknames too.
word = st.text(st.sampled_from("aeiklnorsv-'"), min_size=1, max_size=7)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(
    names=st.lists(name, min_size=1, max_size=25), queries=st.lists(name, min_size=1, max_size=5)
)
def test_the_search_finds_what_comparing_every_name_finds(
    names: list[str], queries: list[str]
) -> None:
    roster = Roster([Student(f"s{i}", n) for i, n in enumerate(names)])
    matcher = PeopleMatcher(roster)
    everyone = [s.id for s in roster]
    for query in queries:
        found = matcher.match(query)
        if found.how not in ("fuzzy", "none"):
            continue  # an exact match never reaches the search
        assert list(found.candidates) == matcher.close_among(query, everyone)[:MAX_CANDIDATES]
