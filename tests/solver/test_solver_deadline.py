"""A run's deadline, on a clock the tests move (no timed assertions): each phase plans with the
time left, and the run hands back its best teams once the deadline is reached."""

from __future__ import annotations

import math
import time
from collections import Counter

import pytest
from test_solver_runs import config, roster

from solver import Status, TeamFormer, violations
from solver.search.control import RunControl
from solver.search.plan import BOUND_SHARE, end_seconds, within_deadline


class SteppingClock:
    """``time.monotonic()`` shifted by an offset that grows ``step`` seconds at every reading,
    so a run's own timers still work while its deadline comes after a number of readings."""

    def __init__(self, step: float = 0.0) -> None:
        self.offset, self.step = 1000.0, step
        self.readings: list[float] = []

    def __call__(self) -> float:
        self.offset += self.step
        now = time.monotonic() + self.offset
        self.readings.append(now)
        return now


def test_control_counts_down_to_its_deadline() -> None:
    clock = SteppingClock()
    control = RunControl(clock)
    assert control.left() == math.inf
    assert not control.stopped()
    control.deadline = clock() + 3.0
    assert 2.9 < control.left() <= 3.0
    assert not control.expired()
    clock.offset += 3.0
    assert control.left() == 0.0
    assert control.expired()
    assert control.stopped()
    assert not control.cancelled  # the deadline stops the run; it is no cancel


def test_a_timed_run_plans_with_the_time_left() -> None:
    timed = config(deterministic=False, time_limit=60.0)
    assert within_deadline(timed, 2.5).time_limit == 2.5
    assert within_deadline(timed, 0.0).time_limit == 0.05  # a floor, not nothing
    assert within_deadline(timed, math.inf) is timed
    counted = config(time_limit=60.0)  # deterministic: counts, whatever the clock says
    assert within_deadline(counted, 2.5) is counted


def test_the_time_spent_before_the_solve_is_not_planned_again() -> None:
    """A timed run whose deadline was set 60 s ahead but has 3 s left (the roster's reading
    and the model took the rest) budgets its bound models on the 3 s, less what the work
    after the search keeps back (100 students: 0.2 + 100 x 0.0005 = 0.25 s)."""
    inst = roster(100, seed=3)
    clock = SteppingClock()
    former = TeamFormer(inst, config(deterministic=False, time_limit=60.0))
    former.control = RunControl(clock)
    former.solve(deadline=clock() + 3.0)
    assert end_seconds(100) == pytest.approx(0.25)
    assert former.plan is not None
    assert former.plan.bound_seconds == pytest.approx(BOUND_SHARE * 2.75, abs=0.01)


def _assert_teams_of_everyone(inst_ids: list[str], teams: list[list[str]]) -> None:
    assert Counter(p for t in teams for p in t) == Counter(inst_ids)


@pytest.mark.parametrize("deterministic", [False, True])
def test_the_run_stops_at_the_deadline_with_its_best_teams(deterministic: bool) -> None:
    """Each reading of the clock moves it 20 ms on (besides the real time passing): a 60 s
    run reaches a 2 s deadline after at most 100 readings, then ends with valid teams after a
    few more (one per phase), where it would read the clock thousands of times to 60 s."""
    inst = roster(80, seed=4)
    cfg = config(deterministic=deterministic, time_limit=60.0)
    clock = SteppingClock(step=0.02)
    former = TeamFormer(inst, cfg)
    former.control = RunControl(clock)
    deadline = clock() + 2.0
    solution = former.solve(deadline=deadline)
    search_end = deadline - end_seconds(80)
    late = [t for t in clock.readings if t >= search_end]
    assert 1 <= len(late) <= 10  # it noticed the deadline, then each phase handed back at once
    _assert_teams_of_everyone([p.id for p in inst.people], solution.teams)
    assert violations(inst, cfg, solution.teams) == []
    assert solution.status != Status.CANCELLED  # the deadline is no cancel: teams, metrics


def test_a_deadline_never_reached_changes_no_deterministic_run() -> None:
    inst = roster(40, seed=5)
    without = TeamFormer(inst, config()).solve()
    far = TeamFormer(inst, config())
    with_deadline = far.solve(deadline=far.control.clock() + 3600.0)
    assert with_deadline.teams == without.teams
    assert with_deadline.objective == without.objective
