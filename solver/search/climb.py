"""The first phase of a run: the swap search's climb, for the share of the time its
``Plan`` gives it (plan.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from solver.data import Config
from solver.search.plan import (
    EVALUATIONS_CAP_MIN,
    EVALUATIONS_CAP_PER_STUDENT,
    EVALUATIONS_PER_SECOND,
    HEURISTIC_SHARE_MAX,
    STALE_RESTARTS,
    Plan,
)
from solver.search.swap import SwapSearch


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
