"""Forming a team set, the pipeline the CLI, the demo and the window run: real rosters in, named
teams out, with the run's result recorded, errors translated and cancels honoured."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from teamtool.course.team_forming import TeamSetForming
from teamtool.course.team_quality import RESULT, formation_settings
from teamtool.errors import Cancelled, InfeasibleError
from teamtool.formation import AttributeRule, FormationCriteria, Progress, Status
from teamtool.model import Roster
from teamtool.roster import import_roster
from tests.formation.test_formation_bridge import small_roster


@pytest.fixture
def roster(samples_dir: Path) -> Roster:
    result = import_roster(samples_dir / "roster.csv")
    assert not result.problems.has_errors()
    return result.roster


def test_forms_named_teams_of_every_active_student(roster: Roster) -> None:
    criteria = FormationCriteria(
        rules=[
            AttributeRule("GPA", "balance", priority=2),
            AttributeRule("Gender", "no-isolation", value="F", hard=True),
            AttributeRule("Availability", "schedule", min_common=1),
        ],
        time_limit=1.0,
        seed=3,
    )
    seen: list[Progress] = []
    formed = TeamSetForming(roster, criteria, name="Week 1").run(seen.append)
    team_set, solution = formed.team_set, formed.solution
    assert team_set.name == "Week 1"
    assert list(team_set.teams) == [f"Team {i}" for i in range(1, 13)]
    assert sorted(team_set.students()) == sorted(s.id for s in roster.active())
    assert solution.summary.isolated_students == 0
    assert all(3 <= len(m) <= 5 for m in team_set.teams.values())
    assert FormationCriteria.from_dict(formation_settings(team_set)) == criteria
    assert team_set.criteria[RESULT]["status"] == solution.status
    assert team_set.criteria[RESULT]["objective"] == solution.objective
    assert seen, "the search reported its progress"
    assert len(formed.level_lines()) == len(solution.levels)
    assert any("GPA" in line for line in formed.level_lines() + formed.summary_lines())


def test_infeasible_rules_are_explained() -> None:
    criteria = FormationCriteria(min_size=3, max_size=3, together=[("a", "c")], apart=[("a", "c")])
    with pytest.raises(InfeasibleError) as err:
        TeamSetForming(small_roster(), criteria).run()
    assert str(err.value) == (
        "these rules cannot all hold: a and c are kept apart by the instructor; a and c are "
        "kept together by the instructor. Relax or remove one of them."
    )


def test_locked_teams_keep_their_names(roster: Roster) -> None:
    first = TeamSetForming(roster, FormationCriteria(time_limit=0.5)).run().team_set
    again = FormationCriteria(locked_teams=["Team 3"], time_limit=0.5)
    second = TeamSetForming(roster, again, previous=[first], base=first).run().team_set
    assert second.teams["Team 3"] == first.teams["Team 3"]
    assert second.locked == {"Team 3"}
    assert "Team 13" not in second.teams


def test_a_cancel_before_the_search_starts_stops_the_run(roster: Roster) -> None:
    forming = TeamSetForming(roster, FormationCriteria(time_limit=5.0))
    forming.cancel()
    with pytest.raises(Cancelled):
        forming.run()
    assert forming.cancelled


def test_a_cancel_during_the_search_keeps_the_best_teams_so_far(roster: Roster) -> None:
    forming = TeamSetForming(roster, FormationCriteria(time_limit=60.0, deterministic=False))

    def cancel_on_first_teams(p: Progress) -> None:
        threading.Thread(target=forming.cancel).start()

    formed = forming.run(cancel_on_first_teams)
    assert formed.solution.status == Status.CANCELLED
    assert formed.team_set.criteria[RESULT]["status"] == Status.CANCELLED
    assert sorted(formed.team_set.students()) == sorted(s.id for s in roster.active())
