"""Quality of team formation on issue #18's scenario: balance, people rules and mixing.

    python -m benchmarks.formation_quality                        # 120 and 300 at 10 s
    python -m benchmarks.formation_quality --sizes 1000 --time 60
    python -m benchmarks.formation_quality --sizes 120 --seeds 7,8,9

The class is ``benchmarks/formation.py``'s generated roster (GPA, a 1-5 programming skill,
~30 % women, majors, weekly free slots, one student in ten asking for a friend), with 5-8 free
slots of 10 (``--free-slots``; formation.py's 4-7 leave many teams without two common slots),
majors drawn evenly from five (``--majors weighted`` keeps formation.py's 5:3:3:2:1, where a
third of the class is CS and no team set can mix above ~0.89), only the requests whose two
students share two free slots (the others can never be kept), and teams of 4 (3-5 allowed). The rules are the issue's, at teamtool's default priority levels (those
``teamtool form`` and the window give, teamtool/cli/cmd_form.py ``LEVEL``): no isolated woman,
two common slots and the students' requests first, then GPA and programming balanced, then
majors mixed.

Measures per run (one row each for random teams, the plain swap heuristic at the same budget,
as formation.py runs it, and the solver's default path):

- **spread** of an attribute: (highest team mean − lowest team mean) / the class's population
  standard deviation σ; the row shows each balanced attribute's and the largest. A team of four
  moves its skill sum in whole points, so one point between two teams is 0.25 / σ_skill apart
  (the "integer floor": about 0.24 σ for this skill, whose σ is about 1.05). Worked example:
  team means of a 1-5 skill 2.75, 3.00 and 3.25 with σ = 1.0 give a spread of 0.50.
- **mix**: the mean over teams of (distinct majors in the team) / (team size); a team
  CS, CS, EE, ME is 3 / 4 = 0.75, and 1.00 when no two members share a major.
- **broken** people rules, which the issue calls hard (they are the first level, kept by every
  good run): teams with exactly one woman + teams with fewer than two common free slots +
  requests whose two students are in different teams.
- **score**: the level scores (people · balance · mix) that decide "no worse than the swap
  heuristic": lower level by level, a later level counting only where the earlier ones tie.

With the default ``--deterministic`` budgets are counts (the same table every run, as
formation.py ``--deterministic``); ``--wall-clock`` gives both methods the clock instead.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Sequence
from dataclasses import replace

from benchmarks.formation import heuristic_teams, random_teams, roster
from solver import Config, Criterion, Instance, Person, Rule, TeamFormer, evaluate
from solver.compile.prepare import prepare
from solver.evaluation.scoring import Scorer

BALANCED = ("GPA", "Programming")
MIN_COMMON = 2  # common free slots a team needs
CRITERIA = (
    Criterion("Gender", Rule.NO_ISOLATION, priority=1, value="F"),
    Criterion("Availability", Rule.SCHEDULE, priority=1, min_common=MIN_COMMON),
    Criterion("GPA", Rule.BALANCE, priority=2),
    Criterion("Programming", Rule.BALANCE, priority=2),
    Criterion("Major", Rule.MIX, priority=3),
)
MAJORS = ("CS", "EE", "ME", "CE", "BME")


def even_majors(inst: Instance, seed: int) -> Instance:
    """The same class with each student's major drawn evenly from the five."""
    rng = random.Random(seed * 7919 + 1)
    people = [
        Person(p.id, p.numeric, {**p.categorical, "Major": rng.choice(MAJORS)}, p.slots)
        for p in inst.people
    ]
    return Instance(tuple(people))


def spreads(inst: Instance, teams: Sequence[Sequence[str]]) -> dict[str, float]:
    """Per balanced attribute: (highest - lowest team mean) / population σ of the class."""
    out = {}
    for name in BALANCED:
        value = {p.id: float(p.numeric[name] or 0.0) for p in inst.people}
        sd = statistics.pstdev(value.values()) or 1.0
        means = [statistics.fmean(value[p] for p in team) for team in teams]
        out[name] = (max(means) - min(means)) / sd
    return out


def mix_share(inst: Instance, teams: Sequence[Sequence[str]]) -> float:
    """Mean over teams of distinct majors / team size."""
    major = {p.id: p.categorical["Major"] for p in inst.people}
    return statistics.fmean(len({major[p] for p in team}) / len(team) for team in teams)


def row(
    label: str, inst: Instance, config: Config, teams: list[list[str]], wall: float
) -> list[str]:
    summary = evaluate(inst, config, teams).summary
    prep = prepare(inst, config)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    score = Scorer(prep).total([[index[p] for p in t] for t in teams])[1:]
    spread = spreads(inst, teams)
    counts = (summary.isolated_students, summary.teams_under_schedule_min, summary.broken_requests)
    return [
        label,
        *(f"{spread[name]:.3f}" for name in BALANCED),
        f"{max(spread.values()):.3f}",
        f"{mix_share(inst, teams):.3f}",
        f"{sum(counts)} ({'/'.join(str(c) for c in counts)})",
        " · ".join(str(v) for v in score),
        f"{wall:.1f}",
    ]


HEADER = [
    "students",
    "seed",
    "method",
    *(f"{name} spread σ" for name in BALANCED),
    "max spread σ",
    "mix",
    "broken (iso/sched/req)",
    "score",
    "wall s",
]


def runs(n: int, seed: int, budget: float, args: argparse.Namespace) -> list[list[str]]:
    low, _, high = args.free_slots.partition("-")
    inst, requests = roster(n, seed, (int(low), int(high)))
    if args.majors == "even":
        inst = even_majors(inst, seed)
    free = {p.id: p.slots["Availability"] for p in inst.people}
    requests = tuple(r for r in requests if len(free[r.a] & free[r.b]) >= MIN_COMMON)
    config = Config(
        min_size=3,
        max_size=5,
        target_size=4,
        criteria=CRITERIA,
        pairs=requests,
        time_limit=budget,
        seed=seed,
        deterministic=not args.wall_clock,
    )
    if args.wall_safety is not None:
        config = replace(config, wall_safety=args.wall_safety)
    out = [row("random", inst, config, random_teams(inst, config, seed), 0.0)]
    t = time.monotonic()
    teams = heuristic_teams(inst, config, budget)
    out.append(row("swap heuristic", inst, config, teams, time.monotonic() - t))
    t = time.monotonic()
    solution = TeamFormer(inst, config).solve()
    out.append(row("solver", inst, config, solution.teams, time.monotonic() - t))
    return [[str(n), str(seed), *r] for r in out]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="120,300")
    parser.add_argument("--time", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--seeds", default="7", help="comma-separated; each makes its own class")
    parser.add_argument("--free-slots", default="5-8", help="free slots of 10 per student")
    parser.add_argument("--majors", choices=("even", "weighted"), default="even")
    parser.add_argument("--wall-clock", action="store_true", help="timed runs, not counts")
    parser.add_argument(
        "--wall-safety", type=float, help="as formation.py: 50 on a busy machine (no run cut)"
    )
    args = parser.parse_args(argv)
    print(" | ".join(HEADER))
    print(" | ".join("---" for _ in HEADER))
    for n in (int(x) for x in args.sizes.split(",")):
        for seed in (int(x) for x in args.seeds.split(",")):
            for r in runs(n, seed, args.time, args):
                print(" | ".join(r), flush=True)


if __name__ == "__main__":
    main()
