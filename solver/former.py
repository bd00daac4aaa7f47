"""TeamFormer: heuristic start, then exact CP-SAT (small classes) or LNS (large), cancel, report."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import NoReturn

from ortools.sat.python import cp_model

from solver.bounds.aggregate import level_bounds, whole_bounds
from solver.bounds.completion_bound import bound_given, completion_bounds
from solver.bounds.completions import GroupCompletions, group_completions
from solver.compile.prepare import prepare
from solver.data import Config, Instance, Progress
from solver.evaluation.metrics import describe
from solver.evaluation.scoring import Scorer
from solver.model.build import BuiltModel, build_model, complete_hint
from solver.model.cpsat import (
    DTIME_PER_SECOND,
    FULL_MODEL_LITERALS,
    WALL_SAFETY,
    ProgressCallback,
    ProgressFn,
    configure,
)
from solver.model.explain import conflicting_rules
from solver.search.climb import Plan, first_climb
from solver.search.companion import Companion
from solver.search.lns import Neighbourhoods
from solver.search.polish import Polish
from solver.search.portfolio import better_of, handed_in_by, start_companion
from solver.search.swap import SwapSearch
from solver.solution import (
    InfeasibleError,
    LevelResult,
    NoSolutionError,
    Solution,
    SolverError,
    gap_of,
)

log = logging.getLogger(__name__)


class TeamFormer:
    """Forms teams for an instance; ``cancel`` (any thread) makes ``solve`` return early."""

    def __init__(self, instance: Instance, config: Config) -> None:
        self.instance, self.config = instance, config
        self.prep = prepare(instance, config)
        self.scorer = Scorer(self.prep)
        literals = sum(len(self.prep.eligible(p)) for p in range(len(self.prep.ids)))
        self.exact = literals <= FULL_MODEL_LITERALS
        self._built: BuiltModel | None = build_model(self.prep) if self.exact else None
        self._lock = threading.Lock()
        self._solver: cp_model.CpSolver | None = None
        self._cancelled = False
        self.bounds: list[int] = []
        self.whole: list[int] = []  # bounds that hold once every together-rule is kept
        self.clean: list[int] = []  # ... once every earlier level scores 0
        self._groups: list[GroupCompletions] | None = None  # requested groups' completions
        self.plan: Plan | None = None  # the time plan of the last run
        self._companion: Companion | None = None

    @property
    def built(self) -> BuiltModel:
        if self._built is None:
            self._built = build_model(self.prep)
        return self._built

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._solver is not None:
                self._solver.stop_search()
        self._stop_companion()

    @property
    def _bound_seconds(self) -> float:
        """Deterministic seconds each bound model may take: a twentieth of the run, at most 1."""
        return min(1.0, 0.05 * self.config.time_limit)

    def _stopped(self) -> bool:
        return self._cancelled

    def solve(self, on_progress: ProgressFn = None) -> Solution:
        start = time.monotonic()
        cfg = self.config
        plan = self.plan = Plan.of(len(self.prep.ids), cfg, self.exact)
        self._companion = None if self._cancelled else start_companion(self.prep, cfg, plan, start)
        try:
            return self._solve(plan, start, on_progress)
        finally:
            self._stop_companion()  # waits for it to end, even while a cancel stops it
            self._companion = None

    def _solve(self, plan: Plan, start: float, on_progress: ProgressFn) -> Solution:
        cfg = self.config
        seconds = self._bound_seconds
        self.bounds, self.whole, self.clean = ([0] * len(self.prep.levels()) for _ in range(3))
        self._groups = None
        if not plan.quick:
            self._groups = group_completions(self.prep, plan.combinations)
            free, whole, clean = completion_bounds(self.prep, seconds=seconds, groups=self._groups)
            self.bounds = list(map(max, level_bounds(self.prep, seconds), free))
            self.whole = list(map(max, whole_bounds(self.prep, seconds), whole))
            self.clean = clean
        found = [0]

        def report(score: list[int]) -> None:
            """Progress of the heuristic and the LNS: score and bound of the first priority
            level not yet proven optimal (the last level once all are)."""
            found[0] += 1
            if on_progress is None or score[0] > 0 or len(score) < 2:
                return
            values = score[1:]
            bounds = [self._bound(k, values) for k in range(len(values))]
            k = next((k for k, v in enumerate(values) if v > bounds[k]), len(values) - 1)
            obj, bound = float(values[k]), float(bounds[k])
            elapsed = time.monotonic() - start
            level = self.prep.levels()[k]
            on_progress(Progress(obj, bound, gap_of(obj, bound), elapsed, found[0], level))

        # beside a companion (random starts), a climb alone starts greedy: two kinds of start
        greedy = plan.greedy or (plan.quick and self._companion is not None)
        search = SwapSearch(self.prep, cfg.seed, greedy=greedy)
        teams, score, budget = first_climb(search, plan, cfg, start, self._stopped, report)
        proven: list[LevelResult] = []  # CP-SAT's bounds per level (whole-class model)
        if self.exact or score[0] > 0:
            if score[0] > 0:
                self._stop_companion()
            budget = max(budget, 0.05 * cfg.time_limit)
            # Teams that break a hard rule are no hint: CP-SAT's interleaved search aborts the
            # process on some such hints (OR-Tools 9.x, "heuristics.fixed_search != nullptr").
            feasible = teams if score[0] == 0 else None
            best, proven = self._exact(feasible, feasible, budget, on_progress, start)
            if not all(r.status == "OPTIMAL" for r in proven):  # else nothing to wait for
                best = self._better(best, start, report)
        else:
            best = self._better(self._lns(teams, budget, report, start), start, report)
        if not self._cancelled:
            end = None if cfg.deterministic else start + cfg.time_limit
            best = Polish(self.prep, self.scorer, cfg.seed).run(best, plan.polish, end)
        return self._solution(best, self._levels(best, proven), time.monotonic() - start)

    def _lns(
        self,
        teams: list[list[int]],
        budget: float,
        report: Callable[[list[int]], None],
        start: float,
    ) -> list[list[int]]:
        # Deterministic runs count CP-SAT's deterministic time (the clock is only a safety
        # net); others stop on the clock, ``budget`` wall seconds from now.
        if self.config.deterministic:
            deadline = start + self.config.time_limit * WALL_SAFETY
            dtime = budget * DTIME_PER_SECOND
        else:
            deadline, dtime = time.monotonic() + budget, float("inf")

        proven = [self._proven(self.scorer.total(teams))]

        def told(score: list[int]) -> None:
            report(score)
            proven[0] = self._proven(score)

        def stop() -> bool:  # the teams proven optimal end the search too
            return self._cancelled or proven[0] or time.monotonic() > deadline

        search = Neighbourhoods(self.prep, self.scorer, self.config.seed)
        return search.run(teams, dtime, stop, told)

    def _proven(self, score: list[int]) -> bool:
        """Whether teams of this score are proven optimal: every level meets its bound."""
        values = score[1:]
        return score[0] == 0 and all(v <= self._bound(k, values) for k, v in enumerate(values))

    def _levels(
        self, teams: list[list[int]], proven: Sequence[LevelResult] = ()
    ) -> list[LevelResult]:
        """Each level's score of ``teams`` against its proven bound: the aggregated one, or
        the bound CP-SAT ``proven`` for the level while the levels before it score as they did
        there (the polish or the companion may have changed the teams since), or the
        completion bound given the earlier levels' scores (at most as many split requests as
        the teams break)."""
        levels = self.prep.levels()
        if not levels:
            return list(proven)
        score = self.scorer.total(teams)
        results, same = [], True
        for k, level in enumerate(levels):
            value, bound = score[k + 1], float(self._bound(k, score[1:]))
            if same and k < len(proven):
                bound = max(bound, proven[k].bound)
                same = value == proven[k].objective
            if value > bound and any(score[1 : k + 1]) and self._groups and not self._cancelled:
                seconds = self._bound_seconds
                given = bound_given(self.prep, self._groups, k, score[1:], seconds)
                bound = max(bound, float(given))
            status = "OPTIMAL" if value <= bound else "FEASIBLE"
            results.append(LevelResult(level, float(value), bound, status))
        return results

    def _stop_companion(self) -> None:
        """Stop the companion, if any (any thread; it is dropped once ``solve`` ends)."""
        with self._lock:
            companion = self._companion
        if companion is not None:
            companion.stop()

    def _better(
        self, teams: list[list[int]], start: float, report: Callable[[list[int]], None]
    ) -> list[list[int]]:
        """``teams`` or the companion's, whichever scores better. A cancel while waiting
        stops the companion at once."""
        companion, plan = self._companion, self.plan
        if companion is None or plan is None:
            return teams
        if self._proven(self.scorer.total(teams)):  # nothing to wait for
            self._stop_companion()
            return teams
        found = companion.result(handed_in_by(self.config, plan, start))
        self._stop_companion()
        if found is None or self._cancelled:
            return teams
        return better_of(self.scorer, teams, found[0], report)

    def _exact(
        self,
        best: list[list[int]] | None,
        hint: list[list[int]] | None,
        budget: float,
        on_progress: ProgressFn,
        start: float,
    ) -> tuple[list[list[int]], list[LevelResult]]:
        """Solve each priority level in turn, then keep its score while solving the next."""
        built = self.built
        levels = self.prep.levels() or [0]
        results: list[LevelResult] = []
        for k, level in enumerate(levels):
            if self._cancelled:
                break
            expr = built.costs.expression(level)
            if level:
                built.model.minimize(expr)
            if hint is not None:
                complete_hint(built, hint)
            share = budget / (len(levels) - k)
            status, solver = self._run(share, on_progress, start, level)
            budget -= share if self.config.deterministic else solver.wall_time
            if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                found_teams = built.xs.extract(solver)
                # on a short budget CP-SAT may stop on teams worse than its hint (it need
                # not start from the hint), or on teams that tie on this level and are worse
                # on a later one: the better on the whole score is kept
                if best is None or self.scorer.total(found_teams) <= self.scorer.total(best):
                    best = found_teams
            elif status == cp_model.INFEASIBLE:
                raise InfeasibleError(conflicting_rules(self.prep) or ["the hard rules conflict"])
            elif best is None:
                self._give_up()
            value = self.scorer.total(best)[k + 1] if level else 0
            bound = solver.best_objective_bound if level and status != cp_model.UNKNOWN else 0.0
            found = [r.objective for r in results] + [value]
            bound = max(bound, float(self._bound(k, found))) if level else bound
            name = "OPTIMAL" if status == cp_model.OPTIMAL or not level else "FEASIBLE"
            results.append(LevelResult(level, float(value), float(bound), name))
            if level:
                built.model.add(expr <= value)  # keep this level's score while solving the next
            hint = best
        if best is None:
            self._give_up()
        return best, results

    def _give_up(self) -> NoReturn:
        """No valid teams in time: name the hard rules in conflict when a short extra search
        proves one (an overloaded machine may not prove it within the limit), else say so."""
        if not self._cancelled:
            core = conflicting_rules(self.prep, seconds=min(5.0, max(1.0, self.config.time_limit)))
            if core:
                raise InfeasibleError(core)
        raise NoSolutionError(_no_solution(self._cancelled, self.config.time_limit))

    def _bound(self, k: int, found: Sequence[float]) -> int:
        """The aggregated bound of level ``k``, given the scores ``found`` of the levels up
        to it: once the pair rules' level costs 0, every together-rule is kept; once every
        earlier level costs 0, so does every requested group's team there."""
        levels, pair = self.prep.levels(), self.config.pair_priority
        kept = pair not in levels or (levels.index(pair) < k and found[levels.index(pair)] == 0)
        bound = max(self.bounds[k], self.whole[k]) if kept else self.bounds[k]
        return max(bound, self.clean[k]) if not any(found[:k]) else bound

    def _run(
        self, seconds: float, on_progress: ProgressFn, start: float, level: int
    ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        configure(solver, self.config, seconds)
        with self._lock:
            if self._cancelled:
                return cp_model.UNKNOWN, solver
            self._solver = solver
        status = solver.solve(self.built.model, ProgressCallback(on_progress, start, level))
        with self._lock:
            self._solver = None
        if status == cp_model.MODEL_INVALID:
            raise SolverError(f"internal error, invalid model: {self.built.model.validate()}")
        log.info("level %s: %s in %.2fs", level, solver.status_name(status), solver.wall_time)
        return status, solver

    def _solution(
        self, teams: list[list[int]], results: list[LevelResult], wall: float
    ) -> Solution:
        prep = self.prep
        ids = [list(t) for t in prep.locked] + [[prep.ids[p] for p in m] for m in teams]
        worst = max(results, key=lambda r: gap_of(r.objective, r.bound), default=None)
        if self._cancelled:
            status = "CANCELLED"
        elif all(r.status == "OPTIMAL" for r in results):
            status = "OPTIMAL"
        else:
            status = "FEASIBLE"
        metrics, summary = describe(self.instance, self.config, ids)
        obj = worst.objective if worst else 0.0
        bound = worst.bound if worst else 0.0
        return Solution(
            ids, status, obj, bound, gap_of(obj, bound), wall, metrics, summary, results
        )


def _no_solution(cancelled: bool, seconds: float) -> str:
    if cancelled:
        return "cancelled before any teams satisfying every hard rule were found"
    return (
        f"no teams satisfying every hard rule were found within {seconds:g} s; "
        "allow more time or relax a hard rule"
    )
