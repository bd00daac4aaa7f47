"""Benchmark: match the names typed in a peer-rating survey to the roster (issue 14, item 18).

    python benchmarks/name_matching.py [--sizes 1250 2500 5000] [--misspelled 0.05]

For each class size: a roster of distinct names, teams of 4, and a long-format survey in which
every student rates every member of their team by *name* (rater and ratee typed, as in a form
without ids), with 5 % of the names misspelled (a letter dropped, doubled or swapped): 5 % of
the raters misspell their own name (on all their rows) and 5 % of the ratee cells are typos.
Times ``import_grid`` (layout detection, matching, checks) and prints a table with how the
misspelled names ended: a ratee matched within the rater's team (with a note), or a person left
to confirm (a rater's own typo has no team to look in: the whole roster is searched).
Run by hand; timings are never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from teamtool.files.grid import Grid
from teamtool.model import Roster, Student, TeamSet
from teamtool.ratings.survey import SurveyImport, import_grid

FIRST = ["Vera", "Liam", "Noah", "Emma", "Olivia", "Ava", "Mia", "Lucas", "Ethan", "Chloe",
         "Samuel", "Zoe", "Ryan", "Amara", "Kenji", "Priya", "Mateo", "Ines", "Omar", "Hana"]  # fmt: skip
LAST = ["Kowalski", "Murphy", "Adeyemi", "Williams", "Nguyen", "Garcia", "Okafor", "Lambert",
        "Schmidt", "Rossi", "Tanaka", "Haddad", "Silva", "Novak", "Jensen", "Moreau", "Costa",
        "Fischer", "Kaur", "Ivanova", "Dubois", "Park", "Chen", "Singh", "Larsen"]  # fmt: skip
TEAM_SIZE = 4


def names(count: int, rng: random.Random) -> list[str]:
    """``count`` distinct names "First Last X." (a middle initial keeps 5,000 names apart)."""
    out: set[str] = set()
    while len(out) < count:
        initials = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTVW") for _ in range(rng.randint(1, 2)))
        out.add(f"{rng.choice(FIRST)} {rng.choice(LAST)} {initials}.")
    return sorted(out)


def misspell(name: str, rng: random.Random) -> str:
    """A typing slip in the last name: a letter dropped, doubled or two letters swapped."""
    first, last, rest = name.split(" ", 2)
    i = rng.randrange(1, len(last) - 1)
    kind = rng.choice(("drop", "double", "swap"))
    if kind == "drop":
        last = last[:i] + last[i + 1 :]
    elif kind == "double":
        last = last[:i] + last[i] + last[i:]
    else:
        last = last[: i - 1] + last[i] + last[i - 1] + last[i + 1 :]
    return f"{first} {last} {rest}"


def make_class(size: int, share: float, seed: int = 14) -> tuple[Roster, TeamSet, Grid]:
    rng = random.Random(seed)
    roster = Roster([Student(f"s{i:05d}", name) for i, name in enumerate(names(size, rng))])
    ids = [s.id for s in roster]
    rng.shuffle(ids)
    teams = TeamSet("teams", {f"Team {k // TEAM_SIZE + 1}": ids[k : k + TEAM_SIZE]
                              for k in range(0, size, TEAM_SIZE)})  # fmt: skip
    name_of = {s.id: s.name for s in roster}
    rows = [["rater", "ratee", "rating"]]
    for members in teams.teams.values():
        for rater in members:
            rater_text = misspell(name_of[rater], rng) if rng.random() < share else name_of[rater]
            for ratee in members:
                ratee_text = name_of[ratee]
                if rater != ratee and rng.random() < share:
                    ratee_text = misspell(ratee_text, rng)
                rows.append([rater_text, ratee_text, str(rng.randint(1, 5))])
    return roster, teams, Grid("survey.csv", rows)


def run(size: int, share: float) -> tuple[float, float, SurveyImport, int]:
    """Wall-clock and CPU seconds of one import (CPU time is steadier on a busy machine)."""
    roster, teams, grid = make_class(size, share)
    known = {s.name for s in roster}
    misspelled = len({r[0] for r in grid.rows[1:]} - known) + sum(
        1 for r in grid.rows[1:] if r[1] not in known
    )
    start, cpu = time.perf_counter(), time.process_time()
    result = import_grid(grid, roster, teams, scale="numeric5")
    return time.perf_counter() - start, time.process_time() - cpu, result, misspelled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1250, 2500, 5000])
    parser.add_argument("--misspelled", type=float, default=0.05)
    args = parser.parse_args()
    print(f"{'students':>8} {'ratings':>8} {'misspelled':>10} {'matched':>8} "
          f"{'to confirm':>10} {'wall s':>8} {'CPU s':>8}")  # fmt: skip
    for size in args.sizes:
        seconds, cpu, result, misspelled = run(size, args.misspelled)
        codes = result.problems.codes()
        print(f"{size:>8} {len(result.ratings):>8} {misspelled:>10} "
              f"{codes.count('matched-in-team'):>8} {len(result.uncertain):>10} "
              f"{seconds:>8.2f} {cpu:>8.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
