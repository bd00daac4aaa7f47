"""Running the solver: reproducibility, progress, cancel, and the LNS path for larger classes."""

from __future__ import annotations

import random
import threading

import pytest
from solver_cases import instance, person

from solver import (
    Config,
    Criterion,
    Instance,
    PairRule,
    Progress,
    Rule,
    TeamFormer,
    solve,
    violations,
)
from solver.compile.prepare import prepare
from solver.evaluation.scoring import Scorer
from solver.model.variables import AssignmentVars
from solver.search.plan import EVALUATIONS_PER_SECOND, HEURISTIC_SHARE_EXACT
from solver.search.swap import SwapSearch

SLOTS = ["Mon AM", "Mon PM", "Tue AM", "Tue PM", "Wed AM", "Thu PM", "Fri AM"]


def roster(n: int, seed: int = 0) -> Instance:
    rng = random.Random(seed)
    return instance(
        *(
            person(
                f"s{i:03d}",
                gpa=round(rng.uniform(2.0, 4.0), 2),
                gender="F" if rng.random() < 0.3 else "M",
                slots="; ".join(rng.sample(SLOTS, 4)),
                Major=rng.choice("ABCD"),
            )
            for i in range(n)
        )
    )


#: No wall-clock cut of a deterministic run: "same seed, same teams" must hold on a busy machine
#: too (the default stops at 3 x the time limit whatever the counts say).
REPEATABLE = 1000.0


def config(**changes: object) -> Config:
    base = Config(
        wall_safety=REPEATABLE,
        criteria=(
            Criterion("GPA", Rule.BALANCE),
            Criterion("Gender", Rule.NO_ISOLATION, value="F"),
            Criterion("Avail", Rule.SCHEDULE, min_common=1),
            Criterion("Major", Rule.MIX, priority=2),
        ),
        pairs=(PairRule("s001", "s002", True, hard=False, source="request"),),
        time_limit=0.6,
    )
    return Config(**{**base.__dict__, **changes})


def test_same_seed_same_teams_exact_path() -> None:
    inst = roster(14, seed=1)
    first, second = solve(inst, config()), solve(inst, config())
    assert first.teams == second.teams


def test_same_seed_same_teams_lns_path() -> None:
    inst = roster(60, seed=2)
    former = TeamFormer(inst, config())
    assert not former.exact  # 60 students use the heuristic + LNS path
    first, second = former.solve(), solve(inst, config())
    assert first.teams == second.teams
    assert violations(inst, config(), first.teams) == []


def test_progress_reports_scores_above_the_bound() -> None:
    inst = roster(60, seed=3)
    seen: list[Progress] = []
    solution = solve(inst, config(), on_progress=seen.append)
    assert seen, "at least the heuristic start is reported"
    assert all(p.objective >= p.bound for p in seen)
    assert solution.objective >= solution.bound
    assert {p.level for p in seen} <= {r.priority for r in solution.levels}


def test_progress_moves_on_to_the_level_still_open() -> None:
    """Level 1 (no woman alone, a common slot, the request) is at its bound 0 from the start
    on an easy class, so progress reports level 2 (majors mixed) with its own score and bound,
    not a level-1 "score 0, gap 0 %" that says nothing about the work left."""
    people = [
        person(f"s{i:03d}", gpa=3.0, gender="M", slots="Mon AM", Major="AB"[i % 2])
        for i in range(1, 41)
    ]
    seen: list[Progress] = []
    solution = solve(instance(*people), config(), on_progress=seen.append)
    assert solution.levels[0].objective == 0
    assert seen
    assert all(p.level == 2 for p in seen)
    assert [p.objective for p in seen] == sorted((p.objective for p in seen), reverse=True)


def test_cancel_keeps_the_best_teams_found() -> None:
    inst = roster(120, seed=4)
    former = TeamFormer(inst, config(time_limit=120.0, deterministic=False))
    solution = former.solve(on_progress=lambda p: former.cancel())
    assert solution.status == "CANCELLED"
    assert violations(inst, config(), solution.teams) == []
    assert sorted(pid for t in solution.teams for pid in t) == [p.id for p in inst.people]


def test_cancel_from_another_thread_during_the_exact_model() -> None:
    inst = roster(24, seed=5)
    former = TeamFormer(inst, config(time_limit=120.0, deterministic=False))
    assert former.exact
    started = threading.Event()
    result = []

    def work() -> None:
        try:
            result.append(former.solve(on_progress=lambda p: started.set()))
        finally:
            started.set()  # never leave the test waiting, even if solve raised

    worker = threading.Thread(target=work)
    worker.start()
    started.wait()
    former.cancel()
    worker.join()
    assert result[0].status == "CANCELLED"
    assert violations(inst, config(), result[0].teams) == []


def run_with_random_model_teams(
    monkeypatch: pytest.MonkeyPatch, inst: Instance, cfg: Config
) -> tuple[list[int], list[int], list[int]]:
    """Solve a small class (the whole-class model) with CP-SAT's teams replaced by random
    ones: the scores of the run's teams, of its first climb's, and of those random teams."""
    prep = prepare(inst, cfg)
    rough = SwapSearch(prep, 9).start()
    monkeypatch.setattr(AssignmentVars, "extract", lambda self, solver: [list(m) for m in rough])
    former = TeamFormer(inst, cfg)
    solution = former.solve()
    assert former.exact
    scorer = Scorer(prep)
    tries = HEURISTIC_SHARE_EXACT * EVALUATIONS_PER_SECOND * cfg.time_limit
    climb, _ = SwapSearch(prep, cfg.seed).run(evaluations=max(200, int(tries)))
    index = {pid: i for i, pid in enumerate(prep.ids)}
    mine = scorer.total([[index[p] for p in team] for team in solution.teams])
    return mine, scorer.total(climb), scorer.total(rough)


def test_the_whole_class_model_never_hands_back_worse_teams_than_its_hint(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When CP-SAT stops on teams worse than the first climb's (it need not start from its
    hint), the climb's teams are kept: here CP-SAT's are replaced by random teams, and the run
    still scores no worse than that climb."""
    mine, climb, rough = run_with_random_model_teams(
        monkeypatch, roster(14, seed=1), config(seed=3)
    )
    assert mine <= climb < rough


def test_a_tie_on_one_level_keeps_the_teams_better_on_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CP-SAT's teams replace the best so far only when they are no worse on the whole score:
    a tie on the level just solved does not let it hand back teams worse on a later level.
    Here every team ties on level 1 (no common slot is asked for) and CP-SAT's teams are
    replaced by random ones, worse on the mix level than the first climb's."""
    import solver.former

    monkeypatch.setattr(solver.former, "start_companion", lambda *args: None)
    inst = roster(14, seed=1)
    cfg = config(
        criteria=(
            Criterion("Avail", Rule.SCHEDULE, min_common=0),
            Criterion("Major", Rule.MIX, priority=2),
        ),
        pairs=(),
        seed=3,
    )
    assert prepare(inst, cfg).levels() == [1, 2]
    mine, climb, rough = run_with_random_model_teams(monkeypatch, inst, cfg)
    assert rough[1] == climb[1] == 0
    assert mine <= climb < rough
