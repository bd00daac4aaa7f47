"""Does ``teamtool form --time-limit T`` return within T + 1 s? Runs the command on generated
classes (benchmarks/formation.py's roster, written as a CSV) and prints the wall time of the
whole command against the limit, and where the time went (reading, compile, bounds, climb,
model/LNS, companion, polish, solution and metrics, writing), with the load average.

    .venv/bin/python -m benchmarks.time_limit --sizes 300 --times 5,10
    .venv/bin/python -m benchmarks.time_limit --sizes 1000 --times 10,60 --wall-clock

Information only (the machine is shared): no timed tests.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from benchmarks.formation import roster
from teamtool.cli import main as cli_main


def write_roster(n: int, seed: int, path: Path) -> None:
    """The benchmark's generated class as a roster file teamtool reads."""
    inst, requests = roster(n, seed)
    wanted: dict[str, list[str]] = {}
    for rule in requests:
        wanted.setdefault(rule.a, []).append(rule.b)
    lines = ["Student ID,Name,Section,Gender,Major,GPA,Availability,Requested teammates"]
    for p in inst.people:
        cells = [
            p.id,
            f"Student {p.id}",
            str(p.categorical["Section"]),
            str(p.categorical["Gender"]),
            str(p.categorical["Major"]),
            f"{p.numeric['GPA']}",
            "; ".join(sorted(p.slots["Availability"])),
            "; ".join(wanted.get(p.id, [])),
        ]
        lines.append(",".join(f'"{c}"' for c in cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


#: (module, attribute path) of the phases timed; each is wrapped to add its wall time.
PHASES = {
    "reading": ("teamtool.cli.cmd_form", "import_roster"),
    "compile": ("teamtool.formation.bridge", "make_former"),
    "bounds": ("solver.former", "LevelBounds.prove"),
    "climb": ("solver.former", "first_climb"),
    "LNS": ("solver.former", "lns_phase"),
    "model": ("solver.former", "WholeClass.solve"),
    "companion": ("solver.former", "take_better"),
    "polish": ("solver.search.last_passes", "Polish.run"),
    "results": ("solver.bounds.levels", "LevelBounds.results"),
    "metrics": ("solver.former", "solution_of"),
    "writing": ("teamtool.export.team_lists", "export_team_set"),
}


@contextlib.contextmanager
def timed_phases(spent: dict[str, float]) -> Iterator[None]:
    """Wrap each phase's function so that its calls add their wall time to ``spent``."""
    import importlib

    undo: list[Callable[[], None]] = []
    for phase, (module_name, dotted) in PHASES.items():
        owner: Any = importlib.import_module(module_name)
        *parents, name = dotted.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)
        func = original.__func__ if isinstance(original, classmethod) else original

        def wrapper(*args: Any, _f: Any = func, _p: str = phase, **kwargs: Any) -> Any:
            t = time.monotonic()
            try:
                return _f(*args, **kwargs)
            finally:
                spent[_p] = spent.get(_p, 0.0) + time.monotonic() - t

        functools.update_wrapper(wrapper, func)
        new = classmethod(wrapper) if isinstance(original, classmethod) else wrapper
        setattr(owner, name, new)
        undo.append(functools.partial(setattr, owner, name, original))
    try:
        yield
    finally:
        for restore in undo:
            restore()


def run_form(
    path: Path, limit: float, seed: int, out: Path, wall_clock: bool
) -> tuple[float, dict[str, float]]:
    """The whole command's wall time, and each phase's."""
    args = ["form", str(path), "--out", str(out), "--time-limit", f"{limit:g}"]
    args += ["--wall-clock"] if wall_clock else []
    args += ["--balance", "GPA", "--no-isolate", "Gender=F", "--schedule", "Availability"]
    args += ["--mix", "Major", "--seed", str(seed)]
    spent: dict[str, float] = {}
    with timed_phases(spent), contextlib.redirect_stdout(io.StringIO()):
        t = time.monotonic()
        cli_main(args)
        wall = time.monotonic() - t
    return wall, spent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300")
    parser.add_argument("--times", default="5,10")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--wall-clock", action="store_true", help="teamtool form --wall-clock")
    args = parser.parse_args(argv)
    print("students | limit s | wall s | over s | load | " + " | ".join(PHASES))
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(x) for x in args.sizes.split(",")):
            path = Path(folder) / f"class{n}.csv"
            write_roster(n, args.seed, path)
            for limit in (float(x) for x in args.times.split(",")):
                out = Path(folder) / "teams.csv"
                wall, spent = run_form(path, limit, args.seed, out, args.wall_clock)
                load = os.getloadavg()[0]
                cells = [f"{spent.get(p, 0.0):.2f}" for p in PHASES]
                print(
                    f"{n} | {limit:g} | {wall:.2f} | {wall - limit:+.2f} | {load:.2f} | "
                    + " | ".join(cells),
                    flush=True,
                )


if __name__ == "__main__":
    main()
