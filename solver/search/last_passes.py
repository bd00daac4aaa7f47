"""The passes after the search: the polish and the mix pass, and after LNS the narrowing pass
with the polish and the mix pass again; the narrowed teams are kept only when no worse."""

from __future__ import annotations

import time

from solver.compile.prepare import Prepared
from solver.data import Config
from solver.evaluation.scoring import Scorer
from solver.search.control import RunControl
from solver.search.mix_pass import MixPass
from solver.search.phases import narrowing_phase
from solver.search.plan import EVALUATIONS_PER_SECOND, NARROWING_SHARE, Plan
from solver.search.polish import Polish

Teams = list[list[int]]


def last_passes(
    prep: Prepared,
    scorer: Scorer,
    control: RunControl,
    teams: Teams,
    plan: Plan,
    cfg: Config,
    narrowing: bool,
    start: float,
) -> Teams:
    """The polish and the mix pass; with ``narrowing`` (after LNS), with a share of the tries
    they left, the narrowing pass, then the polish and the mix pass again with the rest (the
    ends the narrowing moved may open exchanges; it may pay with mixing). The narrowed teams
    are kept only when their score, level by level, is no worse than the teams before it: a
    narrower spread never costs the instructor's priorities."""
    end = None if control.deadline is None else time.monotonic() + control.left()
    tries, settled = 0, teams
    for again in (False, True):
        polish = Polish(prep, scorer, cfg.seed)
        teams = polish.run(teams, plan.polish - tries, end)
        mix = MixPass(prep, scorer, cfg.seed)
        teams = mix.run(teams, plan.polish - tries - polish.tries, end)
        tries += polish.tries + mix.tries
        if again or not narrowing:
            break
        settled = teams
        seconds = NARROWING_SHARE * (plan.polish - tries) / EVALUATIONS_PER_SECOND
        teams = narrowing_phase(scorer, cfg, control, teams, seconds, start)
        tries += int(seconds * EVALUATIONS_PER_SECOND)
    return settled if scorer.total(teams) > scorer.total(settled) else teams
