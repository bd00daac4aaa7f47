"""Mentor assignment on generated courses: every level's value, whether it is proven best,
and the deterministic and wall-clock time (information only; no timed tests).

    .venv/bin/python benchmarks/mentors.py                    # 120, 400 and 1,000 students
    .venv/bin/python benchmarks/mentors.py --sizes 1000 --same-section
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence

from solver.mentors import MentorData, MentorProblem, TeamData, assign

SLOTS = [f"{day} {part}" for day in ("Mon", "Tue", "Wed", "Thu", "Fri") for part in ("AM", "PM")]
SECTIONS = ("L01", "L02", "L03")


def course(students: int, seed: int, same_section: bool) -> MentorProblem:
    """Teams of 4 (two common slots each), one mentor per 10 teams (three slots, capacity
    none/8/10/12, two avoided students), and a previous mentor for every student."""
    rng = random.Random(seed)
    teams = tuple(
        TeamData(
            f"T{t}",
            tuple(f"s{t}_{i}" for i in range(4)),
            frozenset({rng.choice(SECTIONS)}),
            frozenset(rng.sample(SLOTS, 2)),
        )
        for t in range(students // 4)
    )
    everyone = [s for team in teams for s in team.members]
    mentors = tuple(
        MentorData(
            f"M{m}",
            rng.choice([None, 8, 10, 12]),
            frozenset({SECTIONS[m % len(SECTIONS)]}),
            frozenset(rng.sample(SLOTS, 3)),
            frozenset(rng.sample(everyone, 2)),
        )
        for m in range(max(3, len(teams) // 10))
    )
    previous = {s: rng.choice(mentors).name for s in everyone}
    return MentorProblem(mentors, teams, same_section, previous, seed=seed)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="120,400,1000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--same-section", action="store_true")
    args = parser.parse_args(argv)
    print("students | teams | mentors | levels (value, * = proven best) | seconds")
    print("--- | --- | --- | --- | ---")
    for n in (int(x) for x in args.sizes.split(",")):
        problem = course(n, args.seed, args.same_section)
        start = time.perf_counter()
        solution = assign(problem)
        seconds = time.perf_counter() - start
        levels = ", ".join(
            f"{lv.name} {lv.value}{'*' if lv.optimal else ''}" for lv in solution.levels
        )
        print(f"{n} | {len(problem.teams)} | {len(problem.mentors)} | {levels} | {seconds:.1f}")


if __name__ == "__main__":
    main()
