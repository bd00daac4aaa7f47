"""``LevelBounds``: each priority level's proven bound, from the aggregated models
(aggregate.py) and the completions of the teams of requested teammates (completion_bound.py),
and each level's result for the teams a run hands back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from solver.bounds.aggregate import level_bounds, whole_bounds
from solver.bounds.completion_bound import bound_given, completion_bounds
from solver.bounds.completions import GroupCompletions, group_completions
from solver.compile.prepare import Prepared
from solver.evaluation.scoring import Scorer
from solver.search.plan import Plan
from solver.solution import LevelResult, Status


@dataclass
class LevelBounds:
    """Per level: ``free`` holds for any teams; ``whole`` once every together-rule is kept;
    ``clean`` once every earlier level scores 0. ``groups`` are the requested groups'
    completions (None when no bound was proven: a climb alone)."""

    prep: Prepared
    seconds: float  # deterministic seconds of each bound model
    free: list[int]
    whole: list[int]
    clean: list[int]
    groups: list[GroupCompletions] | None = None

    @classmethod
    def unproven(cls, prep: Prepared, plan: Plan) -> LevelBounds:
        zeros = [0] * len(prep.levels())
        return cls(prep, plan.bound_seconds, zeros, list(zeros), list(zeros))

    @classmethod
    def prove(cls, prep: Prepared, plan: Plan) -> LevelBounds:
        seconds = plan.bound_seconds
        groups = group_completions(prep, plan.combinations)
        free, whole, clean = completion_bounds(prep, seconds=seconds, groups=groups)
        free = list(map(max, level_bounds(prep, seconds), free))
        whole = list(map(max, whole_bounds(prep, seconds), whole))
        return cls(prep, seconds, free, whole, clean, groups)

    def of(self, k: int, found: Sequence[float]) -> int:
        """The bound of level ``k``, given the scores ``found`` of the levels up to it: once
        the pair rules' level costs 0, every together-rule is kept; once every earlier level
        costs 0, so does every requested group's team there."""
        levels, pair = self.prep.levels(), self.prep.config.pair_priority
        kept = pair not in levels or (levels.index(pair) < k and found[levels.index(pair)] == 0)
        bound = max(self.free[k], self.whole[k]) if kept else self.free[k]
        return max(bound, self.clean[k]) if not any(found[:k]) else bound

    def met(self, score: Sequence[int]) -> bool:
        """Whether teams of this score are proven optimal: every level meets its bound."""
        values = score[1:]
        return score[0] == 0 and all(v <= self.of(k, values) for k, v in enumerate(values))

    def open_level(self, score: Sequence[int]) -> tuple[int, float, float]:
        """The first level not yet proven optimal (the last once all are): its index, score
        and bound."""
        values = score[1:]
        bounds = [self.of(k, values) for k in range(len(values))]
        k = next((k for k, v in enumerate(values) if v > bounds[k]), len(values) - 1)
        return k, float(values[k]), float(bounds[k])

    def results(
        self,
        scorer: Scorer,
        teams: list[list[int]],
        proven: Sequence[LevelResult] = (),
        more: bool = True,
    ) -> list[LevelResult]:
        """Each level's score of ``teams`` against its proven bound: the aggregated one, or
        the bound CP-SAT ``proven`` for the level while the levels before it score as they did
        there (the polish or the companion may have changed the teams since), or (when ``more``
        bound models may run) the completion bound given the earlier levels' scores (at most
        as many split requests as the teams break)."""
        levels = self.prep.levels()
        if not levels:
            return list(proven)
        score = scorer.total(teams)
        results, same = [], True
        for k, level in enumerate(levels):
            value, bound = score[k + 1], float(self.of(k, score[1:]))
            if same and k < len(proven):
                bound = max(bound, proven[k].bound)
                same = value == proven[k].objective
            if value > bound and any(score[1 : k + 1]) and self.groups and more:
                given = bound_given(self.prep, self.groups, k, score[1:], self.seconds)
                bound = max(bound, float(given))
            status = Status.OPTIMAL if value <= bound else Status.FEASIBLE
            results.append(LevelResult(level, float(value), bound, status))
        return results
