"""``teamtool demo``: the whole job on the bundled sample course."""

from __future__ import annotations

import argparse
from pathlib import Path

from teamtool.cli.command import Subcommands, command_parser
from teamtool.demo import sample_files
from teamtool.export.output_paths import check_outputs

HELP = "run the whole job on the bundled sample course"
DESCRIPTION = """Import the sample roster, form teams, import the peer ratings, adjust the grades
and export everything to --out. A course file left by an earlier run is never replaced: the new
one is sample-course-2.teamtool (-3, …)."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "demo", run, help=HELP, description=DESCRIPTION)
    p.add_argument(
        "--out", default="teamtool-demo", help="output folder (default: ./teamtool-demo)"
    )
    p.add_argument(
        "--time-limit", type=float, default=5.0, help="seconds for team formation (default 5)"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here: the demo pulls in the solver and pandas, which `teamtool gui` and
    # `teamtool --version` should not wait for.
    from teamtool.demo.run import run_demo

    check_outputs([("the sample course", sample_files.samples_dir())], [("--out", args.out)])
    outputs = run_demo(Path(args.out), time_limit=args.time_limit, echo=print)
    print(f"\nDone. Everything is in {Path(args.out).resolve()}:")
    width = max(map(len, outputs), default=0)
    for label, path in outputs.items():
        print(f"  {label:<{width}}  {path}")
    return 0
