"""How a run splits its time, and its first phase: the swap search's climb.

LNS takes over from the first climb once it has settled (or has its share of the time,
whichever is later): on a half-built start LNS is slower than the climb. When a large class's
climb cannot settle in time (fewer than 300 tries per student), it gets the whole run (no bound
is proven then: building the bound models alone would take a good part of the time), from the
greedy start when it has fewer than 30 tries per student; that one leaves a fifth of the time
to the polish, as its worst teams are farther off. Budgets are counts in deterministic runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from solver.bounds.completions import MAX_COMBINATIONS
from solver.data import Config
from solver.model.cpsat import (
    COMBINATIONS_PER_SECOND,
    EVALUATIONS_CAP_MIN,
    EVALUATIONS_CAP_PER_STUDENT,
    EVALUATIONS_PER_SECOND,
    GREEDY_TRIES_PER_STUDENT,
    HEURISTIC_SHARE_EXACT,
    HEURISTIC_SHARE_LNS,
    HEURISTIC_SHARE_MAX,
    POLISH_PER_STUDENT,
    POLISH_SHARE,
    POLISH_SHARE_QUICK,
    QUICK_MIN_STUDENTS,
    QUICK_TRIES_PER_STUDENT,
    SETTLE_EVALUATIONS_PER_STUDENT,
    STALE_RESTARTS,
)
from solver.search.swap import SwapSearch


@dataclass(frozen=True)
class Plan:
    """The time plan of one run."""

    exact: bool  # the whole-class model (small classes) rather than LNS
    quick: bool  # the first climb alone
    greedy: bool  # ... from the greedy start
    share: float  # the climb's share of the time, at least
    settle: int  # ... and its tries before LNS may start
    polish: int  # swaps of the last pass
    combinations: int  # type combinations the completion bound may score

    @classmethod
    def of(cls, students: int, config: Config, exact: bool) -> Plan:
        limit = config.time_limit
        settle = 0 if exact else SETTLE_EVALUATIONS_PER_STUDENT * students
        tries = EVALUATIONS_PER_SECOND * limit
        quick = not exact and students >= QUICK_MIN_STUDENTS
        quick = quick and QUICK_TRIES_PER_STUDENT * students > tries
        greedy = quick and GREEDY_TRIES_PER_STUDENT * students > tries
        share = 1.0 if quick else HEURISTIC_SHARE_EXACT if exact else HEURISTIC_SHARE_LNS
        polish = 0 if quick and not greedy else POLISH_PER_STUDENT * students
        polish_share = POLISH_SHARE_QUICK if greedy else POLISH_SHARE
        polish = min(polish, int(polish_share * EVALUATIONS_PER_SECOND * limit))
        combinations = int(COMBINATIONS_PER_SECOND * limit)
        return cls(
            exact,
            quick,
            greedy,
            share,
            settle,
            polish,
            max(2000, min(MAX_COMBINATIONS, combinations)),
        )


def first_climb(
    search: SwapSearch,
    plan: Plan,
    config: Config,
    start: float,
    cancelled: Callable[[], bool],
    report: Callable[[list[int]], None],
) -> tuple[list[list[int]], list[int], float]:
    """The climb's teams and score, and the time (deterministic seconds in deterministic
    runs) left for the exact model or LNS, the polish set aside."""
    limit = config.time_limit
    cap = max(EVALUATIONS_CAP_MIN, EVALUATIONS_CAP_PER_STUDENT * len(search.prep.ids))
    stale = None if plan.exact or plan.quick else STALE_RESTARTS  # nothing follows a climb alone
    if config.deterministic:
        total = EVALUATIONS_PER_SECOND * limit
        ahead = (
            total - plan.polish
            if plan.quick
            else max(plan.share * total, min(plan.settle, HEURISTIC_SHARE_MAX * total))
        )
        teams, score = search.run(
            evaluations=min(max(int(ahead), 200), cap),
            stop=cancelled,
            report=report,
            stale_restarts=stale,
        )
        left = limit - search.evaluations / EVALUATIONS_PER_SECOND
    else:
        soft = start + plan.share * limit

        def settled() -> bool:
            return cancelled() or (time.monotonic() > soft and search.evaluations >= plan.settle)

        polish = plan.polish / EVALUATIONS_PER_SECOND
        hard = start + (limit - polish if plan.quick else HEURISTIC_SHARE_MAX * limit)
        teams, score = search.run(
            evaluations=cap,
            seconds=max(0.05, hard - time.monotonic()),
            stop=settled,
            report=report,
            stale_restarts=stale,
        )
        left = limit - (time.monotonic() - start)
    if plan.quick:
        return teams, score, 0.0
    return teams, score, max(0.05, left - plan.polish / EVALUATIONS_PER_SECOND)
