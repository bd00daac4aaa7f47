"""Tries a second of the swap search (the climb behind every run, the companion and the
baseline) on the benchmark's generated classes; the scorer is its inner loop.

    .venv/bin/python benchmarks/climb_speed.py                 # 300 and 1,000 students
    .venv/bin/python benchmarks/climb_speed.py --sizes 120 --tries 50000
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence

from formation import CRITERIA, roster

from solver import Config
from solver.compile.prepare import prepare
from solver.search.swap import SwapSearch


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,1000")
    parser.add_argument("--tries", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print("students | tries | seconds | tries a second")
    print("--- | --- | --- | ---")
    for n in (int(x) for x in args.sizes.split(",")):
        inst, requests = roster(n, args.seed)
        config = Config(criteria=CRITERIA, pairs=requests, seed=args.seed)
        search = SwapSearch(prepare(inst, config), args.seed)
        start = time.perf_counter()
        search.run(evaluations=args.tries)
        seconds = time.perf_counter() - start
        print(f"{n} | {search.evaluations} | {seconds:.2f} | {search.evaluations / seconds:,.0f}")


if __name__ == "__main__":
    main()
