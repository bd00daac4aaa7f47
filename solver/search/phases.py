"""The second phase of a run, after the first climb: the whole-class model level by level
(small classes), or LNS until its budget is spent or the teams are proven optimal."""

from __future__ import annotations

import logging
import time
from typing import NoReturn

from ortools.sat.python import cp_model

from solver.bounds.levels import LevelBounds
from solver.data import Config
from solver.evaluation.scoring import Scorer
from solver.model.build import BuiltModel, complete_hint
from solver.model.cpsat import ProgressCallback, ProgressFn, run_solver
from solver.model.explain import conflicting_rules
from solver.search.control import LevelProgress, RunControl
from solver.search.lns import Neighbourhoods
from solver.search.narrowing import Narrowing
from solver.search.plan import DTIME_PER_SECOND, Plan
from solver.solution import InfeasibleError, LevelResult, NoSolutionError, SolverError, Status

log = logging.getLogger(__name__)
Teams = list[list[int]]


def lns_phase(
    scorer: Scorer,
    config: Config,
    bounds: LevelBounds,
    control: RunControl,
    teams: Teams,
    budget: float,
    report: LevelProgress,
    reserve: float = 0.0,
) -> Teams:
    """LNS from ``teams`` until the teams are proven optimal, a cancel, or its budget ends:
    CP-SAT's deterministic time in deterministic runs (the clock is only a safety net), else
    ``budget`` wall seconds from now; and ``reserve`` seconds before the run's deadline, which
    the last passes need (a deterministic run's counted LNS on a loaded machine would
    otherwise reach the deadline and leave them nothing)."""
    if config.deterministic:
        deadline = report.start + config.time_limit * config.wall_safety
        dtime = budget * DTIME_PER_SECOND
    else:
        deadline, dtime = time.monotonic() + budget, float("inf")
    deadline = min(deadline, time.monotonic() + control.left() - reserve)
    stop = _LnsStop(bounds, control, deadline, report, scorer.total(teams))
    search = Neighbourhoods(scorer.prep, scorer, config.seed)
    return search.run(teams, dtime, stop.stopped, stop.told)


def narrowing_phase(
    scorer: Scorer, config: Config, control: RunControl, teams: Teams, budget: float, start: float
) -> Teams:
    """The narrowing pass (narrowing.py) from ``teams`` for ``budget``: deterministic time in
    deterministic runs (the clock only a safety net), else wall seconds from now, ending at a
    cancel or the run's deadline."""
    if config.deterministic:
        deadline = start + config.time_limit * config.wall_safety
        dtime = budget * DTIME_PER_SECOND
    else:
        deadline, dtime = time.monotonic() + budget, float("inf")

    def stopped() -> bool:
        return control.stopped() or time.monotonic() > deadline

    return Narrowing(scorer.prep, scorer, config.seed).run(teams, dtime, stopped)


class _LnsStop:
    """The LNS stop rule: a cancel, the deadline, or teams whose score meets every bound."""

    def __init__(
        self,
        bounds: LevelBounds,
        control: RunControl,
        deadline: float,
        report: LevelProgress,
        score: list[int],
    ) -> None:
        self.bounds, self.control, self.deadline, self.report = bounds, control, deadline, report
        self.proven = bounds.met(score)

    def told(self, score: list[int]) -> None:
        self.report(score)
        self.proven = self.bounds.met(score)

    def stopped(self) -> bool:
        return self.control.stopped() or self.proven or time.monotonic() > self.deadline


class WholeClass:
    """The whole-class model, solved one priority level after the other."""

    def __init__(
        self,
        built: BuiltModel,
        scorer: Scorer,
        bounds: LevelBounds,
        control: RunControl,
        plan: Plan,
    ) -> None:
        self.built, self.scorer, self.bounds, self.control = built, scorer, bounds, control
        self.prep, self.config, self.plan = scorer.prep, scorer.prep.config, plan

    def solve(
        self, hint: Teams | None, budget: float, on_progress: ProgressFn, start: float
    ) -> tuple[Teams, list[LevelResult]]:
        """Solve each priority level in turn, then keep its score while solving the next;
        teams that break a hard rule are no hint (CP-SAT's interleaved search aborts the
        process on some such hints: OR-Tools 9.x, "heuristics.fixed_search != nullptr")."""
        built, best = self.built, hint
        levels = self.prep.levels() or [0]
        results: list[LevelResult] = []
        for k, level in enumerate(levels):
            if self.control.cancelled:
                break
            expr = built.costs.expression(level)
            if level:
                built.model.minimize(expr)
            if hint is not None:
                complete_hint(built, hint)
            share = budget / (len(levels) - k)
            status, solver = self._run(share, on_progress, start, level, best is not None)
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
            bound = max(bound, float(self.bounds.of(k, found))) if level else bound
            name = Status.OPTIMAL if status == cp_model.OPTIMAL or not level else Status.FEASIBLE
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
        if not self.control.cancelled:
            core = conflicting_rules(self.prep, seconds=self.plan.explain_seconds(self.config))
            if core:
                raise InfeasibleError(core)
        raise NoSolutionError(no_solution(self.control.cancelled, self.config.time_limit))

    def _run(
        self, seconds: float, on_progress: ProgressFn, start: float, level: int, held: bool
    ) -> tuple[cp_model.CpSolverStatus, cp_model.CpSolver]:
        """One level's solve; it ends at the run's deadline when valid teams are ``held``
        (without any, the deadline would leave the instructor nothing: the budget decides)."""
        solver = run_solver(self.config, seconds)
        if held:
            limit = solver.parameters.max_time_in_seconds
            solver.parameters.max_time_in_seconds = min(limit, self.control.left())
        if not self.control.attach(solver):
            return cp_model.UNKNOWN, solver
        status = solver.solve(self.built.model, ProgressCallback(on_progress, start, level))
        self.control.attach(None)
        if status == cp_model.MODEL_INVALID:
            raise SolverError(f"internal error, invalid model: {self.built.model.validate()}")
        log.info("level %s: %s in %.2fs", level, solver.status_name(status), solver.wall_time)
        return status, solver


def no_solution(cancelled: bool, seconds: float) -> str:
    if cancelled:
        return "cancelled before any teams satisfying every hard rule were found"
    return (
        f"no teams satisfying every hard rule were found within {seconds:g} s; "
        "allow more time or relax a hard rule"
    )
