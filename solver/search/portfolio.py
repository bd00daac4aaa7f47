"""How a run uses the second core: the companion climb (companion.py) beside its own climb and
LNS or whole-class model, and the better of the two teams.

A timed run gives it no companion when its own search needs both cores: the whole-class model
(two CP-SAT workers), and a climb alone, whose tries a second busy core would slow (figures
in docs/solver.md, "Budgets"). A deterministic run counts work, not seconds
(tries, CP-SAT's deterministic time), so there a companion changes nothing the run's own
search finds and costs only wall time: every deterministic run gets one (a climb alone then
starts greedy itself: two kinds of start)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from solver.compile.prepare import Prepared
from solver.data import Config
from solver.evaluation.scoring import Scorer
from solver.search.companion import Companion, Task
from solver.search.plan import COMPANION_GRACE, EVALUATIONS_PER_SECOND, Plan

if TYPE_CHECKING:
    from solver.bounds.levels import LevelBounds
    from solver.search.control import LevelProgress, RunControl

log = logging.getLogger(__name__)


def start_companion(prep: Prepared, config: Config, plan: Plan, start: float) -> Companion | None:
    """The companion for a run that began at ``start`` (monotonic), if it gets one (see the
    module): the swap search from random starts with the run's seed, for the tries of the
    whole time limit in a deterministic run (it has a core of its own), until the polish in a
    timed one."""
    if ((plan.exact or plan.quick) and not config.deterministic) or config.workers < 2:
        return None
    if config.deterministic:
        tries = max(200, int(config.time_limit * EVALUATIONS_PER_SECOND))
        task = Task(prep, config.seed, tries, None)
    else:
        ahead = config.time_limit - plan.polish / EVALUATIONS_PER_SECOND
        task = Task(prep, config.seed, None, time.time() + ahead - (time.monotonic() - start))
    try:
        return Companion(task)
    except OSError as exc:  # no Python to start (a frozen build): one core it is
        log.warning("companion climb not started: %s", exc)
        return None


def handed_in_by(config: Config, plan: Plan, start: float) -> float:
    """The wall-clock time (time.time()) until which a run waits for its companion's teams:
    its end in a timed run, a few time limits in a deterministic one (a count of tries runs
    longer on a loaded machine), with some grace."""
    ahead = config.time_limit * (config.wall_safety if config.deterministic else 1.0)
    ahead -= plan.polish / EVALUATIONS_PER_SECOND
    return time.time() + max(0.0, start + ahead - time.monotonic()) + COMPANION_GRACE


def better_of(
    scorer: Scorer,
    mine: list[list[int]],
    theirs: list[list[int]],
    report: Callable[[list[int]], None],
) -> list[list[int]]:
    """The run's teams or the companion's, whichever scores better (the run's on a tie);
    progress is told when the companion's are taken."""
    own, other = scorer.total(mine), scorer.total(theirs)
    log.info("companion climb: score %s against %s", other[1:], own[1:])
    if other >= own:
        return mine
    report(other)
    return theirs


def take_better(
    control: RunControl,
    bounds: LevelBounds,
    scorer: Scorer,
    plan: Plan,
    teams: list[list[int]],
    report: LevelProgress,
) -> list[list[int]]:
    """``teams`` or the run's companion's, whichever scores better (none to wait for when
    ``teams`` are proven optimal). A cancel while waiting stops the companion at once."""
    companion = control.companion
    if companion is None:
        return teams
    if bounds.met(scorer.total(teams)):
        control.stop_companion()
        return teams
    wait_until = min(handed_in_by(scorer.prep.config, plan, report.start), control.wall_deadline())
    found = companion.result(wait_until)
    control.stop_companion()
    if found is None or control.cancelled:
        return teams
    return better_of(scorer, teams, found[0], report)
