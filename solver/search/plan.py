"""How a run spends its time: every budget constant of the solver, each with the reason for its
value, and the ``Plan`` of one run.

LNS takes over from the first climb once it has settled (or has its share of the time,
whichever is later): on a half-built start LNS is slower than the climb. When a large class's
climb cannot settle in time (fewer than 300 tries per student), it gets the whole run (no bound
is proven then: building the bound models alone would take a good part of the time), from the
greedy start when it has fewer than 30 tries per student; that one leaves a fifth of the time
to the polish, as its worst teams are farther off. Budgets are counts in deterministic runs.
The measurements behind the numbers are in docs/solver.md, "Budgets".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from solver.data import Config

#: Swap evaluations per second for the heuristic in deterministic mode: a count, not a clock,
#: so that the same seed gives the same teams; about half the climb's measured speed, for a busy
#: second core and slower machines.
EVALUATIONS_PER_SECOND = 25000
#: Never more tries than this for the first climb: small classes converge long before a
#: generous limit.
EVALUATIONS_CAP_MIN, EVALUATIONS_CAP_PER_STUDENT = 20000, 1000
#: Share of the time limit for the swap heuristic: a start for the exact model on small
#: classes, half the work on large ones, where LNS then re-solves a few teams at a time exactly
#: (LNS mends what swaps cannot, e.g. teams of requested teammates).
HEURISTIC_SHARE_EXACT = 0.2
HEURISTIC_SHARE_LNS = 0.5
#: ... but on large classes LNS waits until the first climb has made this many tries per
#: student (it has settled: on a half-built start LNS is slower than the climb), up to this
#: share.
SETTLE_EVALUATIONS_PER_STUDENT = 100
HEURISTIC_SHARE_MAX = 0.9
#: From this many students, a run too short for the first climb to settle is the climb alone:
#: LNS after half a climb loses to the climb on large classes, and wins on smaller ones, whose
#: neighbourhoods cover a large part of the class.
QUICK_MIN_STUDENTS = 200
#: ... where "too short" means fewer than this many tries per student (a large class's climb is
#: still falling steeply then).
QUICK_TRIES_PER_STUDENT = 300
#: ... and a climb with fewer tries per student than this starts from the greedy start (with
#: more, a climb from random starts did as well).
GREEDY_TRIES_PER_STUDENT = 30
#: The last pass (polish.py): swaps per student, and at most this share of the time limit;
#: a climb alone (its worst teams are farther off) sets aside this larger share.
POLISH_PER_STUDENT, POLISH_SHARE, POLISH_SHARE_QUICK = 50, 0.05, 0.2
#: Seconds a run waits past its time limit for the companion climb (companion.py) to hand in.
COMPANION_GRACE = 0.25
#: On large classes the heuristic hands over to LNS once this many restarts in a row found
#: nothing better (it has converged; exact re-solves of a few teams then do better).
STALE_RESTARTS = 2
#: Type combinations the completion bound scores per second of the time limit, so that the
#: bound costs at most a tenth of the run ...
COMBINATIONS_PER_SECOND = 2000
#: ... at least this many, and at most this many over all groups (past it a group's
#: completions are unknown).
MIN_COMBINATIONS, MAX_COMBINATIONS = 2000, 200_000
#: Above this many (group of requested teammates, team) choices per second of the bound's time
#: the request bound is skipped: building and presolving the model would outlast its time.
MAX_HOMES = 5000
#: Deterministic seconds each bound model may take: this share of the run, at most the cap.
BOUND_SHARE, BOUND_SECONDS_MAX = 0.05, 1.0
#: Above this many x[p, t] literals the whole-class model gives way to LNS on a few teams
#: (below it, the whole model does at least as well as LNS).
FULL_MODEL_LITERALS = 300
#: The whole-class model gets at least this share of the time limit, however long the climb.
EXACT_MIN_SHARE = 0.05
#: The narrowing pass after LNS (narrowing.py: exact re-solves around the ends of a feature's
#: team means, which the score's steps may not see) gets this share of the tries the polish and
#: the mix pass left, in seconds; they run again with the rest.
NARROWING_SHARE = 0.7
#: LNS: deterministic seconds per neighbourhood, and what a re-solve costs at least (building
#: its model in Python takes wall time however small the solve).
SUB_TIME, CALL_DTIME = 0.1, 0.012
#: CP-SAT deterministic seconds per wall second on a loaded 2-core machine: one worker (LNS),
#: and two interleaved workers, which overshoot their deterministic limit ~4x.
DTIME_PER_SECOND = 0.7
INTERLEAVED_DTIME_PER_SECOND = 0.25
#: What a timed run keeps back from its deadline for the work after the search (the summary's
#: counts and metrics, the caller's naming and writing of the teams): a floor plus this much per
#: student (measured: 0.1 s at 300 students, 0.3 s at 1,000, on a loaded 2-core machine).
END_SECONDS, END_SECONDS_PER_STUDENT = 0.2, 0.0005
#: Explaining a failure: the infeasible-core search's seconds (between these, the time limit;
#: the longer on an overloaded machine, which may not prove a conflict within the limit), and
#: each shrinking step's seconds: a tenth of them, at least the floor.
EXPLAIN_SECONDS_MIN, EXPLAIN_SECONDS_MAX = 1.0, 5.0
EXPLAIN_STEPS, EXPLAIN_STEP_MIN = 10, 0.2


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
    bound_seconds: float = 1.0  # deterministic seconds of each bound model

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
        combinations = max(MIN_COMBINATIONS, min(MAX_COMBINATIONS, combinations))
        bound_seconds = min(BOUND_SECONDS_MAX, BOUND_SHARE * limit)
        return cls(exact, quick, greedy, share, settle, polish, combinations, bound_seconds)

    def exact_seconds(self, config: Config, left: float) -> float:
        """The whole-class model's time: what the climb left, at least a share of the limit."""
        return max(left, EXACT_MIN_SHARE * config.time_limit)

    @staticmethod
    def explain_seconds(config: Config) -> float:
        """The infeasible-core search's time when no teams were found."""
        return min(EXPLAIN_SECONDS_MAX, max(EXPLAIN_SECONDS_MIN, config.time_limit))


def end_seconds(students: int) -> float:
    """The seconds a timed run keeps back from its deadline for the work after the search."""
    return END_SECONDS + END_SECONDS_PER_STUDENT * students


def within_deadline(config: Config, left: float) -> Config:
    """A timed run's config given ``left`` seconds until its search must end: its time limit
    becomes what is left (reading the roster and building the model have spent the rest), so
    every phase plans with the time that is really there. A deterministic run's (counts) is
    unchanged: its deadline only stops it."""
    if config.deterministic or left == float("inf"):
        return config
    return replace(config, time_limit=max(0.05, left))
