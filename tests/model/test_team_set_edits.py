"""The core's hand edits of a team set: move, place, swap, lock; natural order; unassigned."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import FormationError
from teamtool.model import TeamSet, natural_key
from teamtool.store import Course


def sample() -> TeamSet:
    return TeamSet(
        "Teams 1",
        {"Team 1": ["a", "b", "c"], "Team 2": ["d", "e"], "Team 3": ["f", "g"]},
        locked={"Team 3"},
    )


def test_move_returns_an_edited_copy_and_counts_the_edit() -> None:
    ts = sample()
    after = ts.moved("a", "Team 2")
    assert after.teams == {"Team 1": ["b", "c"], "Team 2": ["d", "e", "a"], "Team 3": ["f", "g"]}
    assert ts.teams["Team 1"] == ["a", "b", "c"]  # the original is untouched
    assert (ts.hand_edits, after.hand_edits, after.moved("b", "Team 2").hand_edits) == (0, 1, 2)


def test_swap_exchanges_places() -> None:
    after = sample().swapped("b", "e")
    assert after.teams["Team 1"] == ["a", "e", "c"]
    assert after.teams["Team 2"] == ["d", "b"]
    assert after.hand_edits == 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda ts: ts.moved("a", "Team 3"),  # into a locked team
        lambda ts: ts.moved("f", "Team 1"),  # out of a locked team
        lambda ts: ts.swapped("a", "f"),
        lambda ts: ts.placed("new", "Team 3"),
    ],
)
def test_locked_teams_refuse_every_edit(edit: object) -> None:
    with pytest.raises(FormationError, match="Team 3 is locked; unlock it first") as info:
        edit(sample())  # type: ignore[operator]
    assert info.value.code == "team-locked"


@pytest.mark.parametrize(
    "edit",
    [
        lambda ts: ts.moved("nobody", "Team 1"),
        lambda ts: ts.moved("a", "Team 9"),
        lambda ts: ts.moved("a", "Team 1"),  # already there
        lambda ts: ts.swapped("a", "b"),  # same team
        lambda ts: ts.placed("a", "Team 2"),  # already placed
    ],
)
def test_impossible_edits_are_formation_errors(edit: object) -> None:
    with pytest.raises(FormationError, match="Teams 1"):
        edit(sample())  # type: ignore[operator]


def test_place_an_unassigned_student_and_lock() -> None:
    ts = sample()
    assert ts.unassigned(["a", "x", "f", "y"]) == ["x", "y"]
    after = ts.placed("x", "Team 2")
    assert after.teams["Team 2"] == ["d", "e", "x"]
    assert after.unassigned(["a", "x", "f", "y"]) == ["y"]
    assert ts.with_lock("Team 1", True).locked == {"Team 1", "Team 3"}
    assert ts.with_lock("Team 3", False).locked == set()
    with pytest.raises(FormationError, match="Team 9"):
        ts.with_lock("Team 9", True)


def test_natural_order() -> None:
    names = ["Team 10", "Team 2", "Team 1", "Zebra", "team 3"]
    assert sorted(names, key=natural_key) == ["Team 1", "Team 2", "team 3", "Team 10", "Zebra"]


def test_store_lists_teams_in_natural_order(tmp_path: Path) -> None:
    """A set stored locked teams first (Team 5, Team 1, …) reads back Team 1, 2, 5, 10."""
    teams = {"Team 5": ["a"], "Team 10": ["b"], "Team 1": ["c"], "Team 2": ["d"]}
    with Course.create(tmp_path / "c.teamtool", "C") as course:
        set_id = course.add_team_set(TeamSet("S", teams, locked={"Team 5"}))
        assert list(course.team_set(set_id).teams) == ["Team 1", "Team 2", "Team 5", "Team 10"]
