"""TeamFormer, the plan of a run: compile the instance, prove the levels' bounds, climb, then
the whole-class model (small classes) or LNS beside the companion climb, polish, and hand back
a ``Solution``. Each step lives in its subpackage: compile/, bounds/, search/, evaluation/."""

from __future__ import annotations

from solver.bounds.levels import LevelBounds
from solver.compile.prepare import prepare
from solver.data import Config, Instance
from solver.evaluation.metrics import solution_of
from solver.evaluation.scoring import Scorer
from solver.model.build import BuiltModel, build_model
from solver.model.cpsat import ProgressFn
from solver.search.climb import first_climb
from solver.search.control import LevelProgress, RunControl
from solver.search.last_passes import last_passes
from solver.search.phases import WholeClass, lns_phase
from solver.search.plan import (
    EVALUATIONS_PER_SECOND,
    FULL_MODEL_LITERALS,
    Plan,
    end_seconds,
    within_deadline,
)
from solver.search.portfolio import start_companion, take_better
from solver.search.swap import SwapSearch
from solver.solution import LevelResult, Solution, Status

Teams = list[list[int]]


class TeamFormer:
    """Forms teams for an instance; ``cancel`` (any thread) makes ``solve`` return early."""

    def __init__(self, instance: Instance, config: Config) -> None:
        self.instance, self.config = instance, config
        self.prep = prepare(instance, config)
        self.scorer = Scorer(self.prep)
        literals = sum(len(self.prep.eligible(p)) for p in range(len(self.prep.ids)))
        self.exact = literals <= FULL_MODEL_LITERALS  # the whole-class model, else LNS
        self._built: BuiltModel | None = build_model(self.prep) if self.exact else None
        self.control = RunControl()
        self.plan: Plan | None = None  # the time plan of the last run
        self.bounds: LevelBounds | None = None  # ... and its levels' proven bounds

    @property
    def built(self) -> BuiltModel:
        if self._built is None:
            self._built = build_model(self.prep)
        return self._built

    def cancel(self) -> None:
        self.control.cancel()

    def solve(self, on_progress: ProgressFn = None, deadline: float | None = None) -> Solution:
        """The best teams by the time limit, or by ``deadline`` (a time of ``control.clock``,
        e.g. set when a command started reading its roster) when one is given: every phase
        gets what is left then, and the run ends with the best teams so far when it is
        reached, keeping back the time the work after the search takes. A timed run without
        a deadline ends its time limit from now; a deterministic run (counts) ends when its
        counts are spent, or at its deadline if it comes first (a slow or busy machine)."""
        control = self.control
        start = control.clock()
        students = len(self.prep.ids)
        if deadline is None and not self.config.deterministic:
            deadline = start + self.config.time_limit
        if deadline is not None:
            control.deadline = deadline - end_seconds(students)
        config = within_deadline(self.config, control.left())
        plan = self.plan = Plan.of(students, config, self.exact)
        if not control.cancelled:
            control.companion = start_companion(self.prep, config, plan, start)
        try:
            return self._solve(plan, config, start, on_progress)
        finally:
            control.stop_companion()  # waits for it to end, even while a cancel stops it
            control.companion = None

    def _solve(self, plan: Plan, config: Config, start: float, on_progress: ProgressFn) -> Solution:
        prep, control = self.prep, self.control
        bound = LevelBounds.unproven if plan.quick else LevelBounds.prove
        bounds = self.bounds = bound(prep, plan)  # each bound model's time is set up front
        report = LevelProgress(bounds, start, on_progress)
        teams, proven = self._search(plan, config, bounds, report, on_progress)
        # the end-of-run bound models only when their time is left before the deadline
        more = control.left() >= bounds.seconds * len(prep.levels())
        results = bounds.results(self.scorer, teams, proven, more=more and not control.cancelled)
        wall = control.clock() - start
        return solution_of(self.instance, prep, teams, results, wall, control.cancelled)

    def _search(
        self,
        plan: Plan,
        cfg: Config,
        bounds: LevelBounds,
        report: LevelProgress,
        on_progress: ProgressFn,
    ) -> tuple[Teams, list[LevelResult]]:
        """The first climb, the whole-class model or LNS, the better of those teams and the
        companion's, the polish; and the levels CP-SAT proved on the whole-class model."""
        control, scorer, start = self.control, self.scorer, report.start
        # beside a companion (random starts), a climb alone starts greedy: two kinds of start
        greedy = plan.greedy or (plan.quick and control.companion is not None)
        search = SwapSearch(self.prep, cfg.seed, greedy=greedy)
        teams, score, left = first_climb(search, plan, cfg, start, control.stopped, report)
        proven: list[LevelResult] = []
        narrowing = False  # the narrowing pass follows LNS
        if self.exact or score[0] > 0:
            if score[0] > 0:
                control.stop_companion()
            hint = teams if score[0] == 0 else None  # teams that break a hard rule are no hint
            whole = WholeClass(self.built, scorer, bounds, control, plan)
            teams, proven = whole.solve(hint, plan.exact_seconds(cfg, left), on_progress, start)
            if not all(r.status == Status.OPTIMAL for r in proven):  # else nothing to wait for
                teams = take_better(control, bounds, scorer, plan, teams, report)
        else:
            narrowing = True
            reserve = plan.polish / EVALUATIONS_PER_SECOND  # the last passes' time
            teams = lns_phase(scorer, cfg, bounds, control, teams, left, report, reserve)
            teams = take_better(control, bounds, scorer, plan, teams, report)
        if not control.cancelled:
            teams = last_passes(self.prep, scorer, control, teams, plan, cfg, narrowing, start)
        return teams, proven
