"""The companion climb on the second core: its process gives the same teams as the climb run
here, a run (LNS, or a deterministic whole-class model or climb alone) keeps the better of its
own and the companion's, a late or cancelled companion is stopped, and one core means no
companion."""

from __future__ import annotations

import threading
import time

import pytest
from test_solver_runs import config, roster

import solver.former
import solver.search.companion
import solver.search.portfolio
from solver import Criterion, Rule, TeamFormer, violations
from solver.compile.prepare import prepare
from solver.evaluation.scoring import Scorer
from solver.search.companion import Companion, Task, climb
from solver.search.phases import WholeClass
from solver.search.swap import SwapSearch
from solver.solution import LevelResult


@pytest.fixture
def companions(monkeypatch: pytest.MonkeyPatch) -> list[Companion]:
    """Every companion a run starts."""
    made: list[Companion] = []

    class Recorded(Companion):
        def __init__(self, task: Task) -> None:
            super().__init__(task)
            made.append(self)

    monkeypatch.setattr(solver.search.portfolio, "Companion", Recorded)
    return made


def test_the_process_gives_the_teams_of_the_climb_here() -> None:
    prep = prepare(roster(60, seed=3), config())
    task = Task(prep, 5, 3000, None)
    assert Companion(task).result(time.time() + 30) == climb(task)


def test_a_run_keeps_the_better_of_its_teams_and_the_companions(
    companions: list[Companion],
) -> None:
    """80 students (LNS): the run's teams score no worse than the companion's climb, the same
    count of tries with the same seed, and are valid; the companion process has ended."""
    inst, cfg = roster(80, seed=4), config(seed=6, time_limit=1.0)
    solution = TeamFormer(inst, cfg).solve()
    assert len(companions) == 1
    assert companions[0]._process.poll() is not None
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    theirs = climb(companions[0].task)
    mine = [[index[p] for p in team] for team in solution.teams]
    assert scorer.total(mine) <= scorer.total(theirs[0])
    assert violations(inst, cfg, solution.teams) == []


def test_the_companions_teams_are_taken_when_they_score_better(
    companions: list[Companion], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an LNS that hands back random teams, the run's teams are the companion's (then
    polished): they score no worse than its climb and far better than random."""
    inst, cfg = roster(80, seed=4), config(seed=6, time_limit=1.0)
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    rough = SwapSearch(prep, 1).start()
    monkeypatch.setattr(solver.former, "lns_phase", lambda *args: [list(m) for m in rough])
    solution = TeamFormer(inst, cfg).solve()
    index = {pid: i for i, pid in enumerate(prep.ids)}
    mine = scorer.total([[index[p] for p in team] for team in solution.teams])
    assert mine <= scorer.total(climb(companions[0].task)[0]) < scorer.total(rough)


def test_a_late_companion_is_stopped() -> None:
    """A climb with no end is stopped when the run stops waiting for it: no teams."""
    prep = prepare(roster(40, seed=1), config())
    companion = Companion(Task(prep, 1, None, time.time() + 3600))
    started = time.monotonic()
    assert companion.result(time.time() + 0.5) is None
    assert companion._process.poll() is not None
    assert time.monotonic() - started < 5


def test_cancel_stops_the_companion(companions: list[Companion]) -> None:
    """Cancel from another thread in a 60 s run: the run returns at once with valid teams, and
    its companion process is gone."""
    inst, cfg = roster(80, seed=2), config(time_limit=60.0, deterministic=False)
    former = TeamFormer(inst, cfg)
    threading.Timer(1.5, former.cancel).start()
    started = time.monotonic()
    solution = former.solve()
    assert time.monotonic() - started < 10
    assert solution.status == "CANCELLED"
    assert violations(inst, cfg, solution.teams) == []
    assert len(companions) == 1
    assert companions[0]._process.poll() is not None


def test_one_core_no_companion(companions: list[Companion]) -> None:
    inst = roster(80, seed=2)
    TeamFormer(inst, config(workers=1, time_limit=0.5)).solve()
    TeamFormer(roster(14, seed=1), config(workers=1, time_limit=0.5)).solve()
    assert companions == []


def test_the_whole_class_model_has_a_companion_when_deterministic(
    companions: list[Companion],
) -> None:
    """Timed, CP-SAT's two workers take both cores; deterministic, CP-SAT's work is counted,
    not timed, so the companion runs beside it, and is stopped by the end of the run."""
    inst = roster(14, seed=1)
    former = TeamFormer(inst, config(time_limit=0.5, deterministic=False))
    former.solve()
    assert former.exact
    assert companions == []
    TeamFormer(inst, config(time_limit=0.5)).solve()
    assert len(companions) == 1
    assert companions[0]._process.poll() is not None


def test_a_deterministic_climb_alone_has_a_companion(companions: list[Companion]) -> None:
    """240 students in 0.5 s: too short for LNS, the run is a climb alone. Deterministic, the
    companion runs the plain swap search (random starts, the run's seed and tries) while the
    run's own climb starts greedy, and the teams handed back score no worse than the
    companion's. Timed, there is no companion: a second busy core would slow the climb."""
    inst, cfg = roster(240, seed=5), config(seed=3, time_limit=0.5)
    former = TeamFormer(inst, cfg)
    solution = former.solve()
    assert former.plan is not None
    assert former.plan.quick
    assert len(companions) == 1
    assert companions[0]._process.poll() is not None
    prep = prepare(inst, cfg)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    scorer = Scorer(prep)
    mine = scorer.total([[index[p] for p in team] for team in solution.teams])
    assert mine <= scorer.total(climb(companions[0].task)[0])
    assert violations(inst, cfg, solution.teams) == []
    timed = TeamFormer(inst, config(seed=3, time_limit=0.5, deterministic=False))
    timed.solve()
    assert timed.plan is not None
    assert timed.plan.quick
    assert len(companions) == 1


def test_the_whole_class_model_takes_the_companions_teams_when_better(
    companions: list[Companion], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a whole-class model that hands back random teams, the run's teams are the
    companion's (then polished), and each level reports the score of the teams handed back."""
    inst, cfg = roster(24, seed=4), config(seed=6, time_limit=1.0)
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    rough = SwapSearch(prep, 1).start()
    told = [
        LevelResult(level, float(value), 0.0, "FEASIBLE")
        for level, value in zip(prep.levels(), scorer.total(rough)[1:], strict=True)
    ]
    monkeypatch.setattr(WholeClass, "solve", lambda self, *args: ([*rough], told))
    former = TeamFormer(inst, cfg)
    solution = former.solve()
    assert former.exact
    index = {pid: i for i, pid in enumerate(prep.ids)}
    mine = scorer.total([[index[p] for p in team] for team in solution.teams])
    assert mine <= scorer.total(climb(companions[0].task)[0]) < scorer.total(rough)
    assert [r.objective for r in solution.levels] == mine[1:]
    assert violations(inst, cfg, solution.teams) == []


def test_no_python_to_start_means_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the companion's process cannot start, the run goes on alone."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("no such interpreter")

    monkeypatch.setattr(solver.search.companion.subprocess, "Popen", refuse)
    inst, cfg = roster(80, seed=2), config(time_limit=0.5)
    solution = TeamFormer(inst, cfg).solve()
    assert violations(inst, cfg, solution.teams) == []


def test_teams_proven_optimal_end_the_run_and_the_companion(
    companions: list[Companion],
) -> None:
    """80 students, majors to mix and nothing else: teams that cost nothing meet the bound of
    0, so a 60 s run ends as soon as it has them, proven optimal, its companion stopped."""
    inst = roster(80, seed=3)
    cfg = config(criteria=(Criterion("Major", Rule.MIX),), pairs=(), time_limit=60.0)
    started = time.monotonic()
    solution = TeamFormer(inst, cfg).solve()
    assert time.monotonic() - started < 20
    assert solution.status == "OPTIMAL"
    assert solution.objective == 0
    assert len(companions) == 1
    assert companions[0]._process.poll() is not None
