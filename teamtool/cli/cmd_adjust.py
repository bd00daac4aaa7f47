"""``teamtool adjust``: peer-adjust team grades from ratings and export them (CSV, XLSX, Canvas).

The arguments and the options built from them are in :mod:`teamtool.cli.adjust_args`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from teamtool.cli.adjust_args import (
    METHODS,
    add_input_arguments,
    add_output_arguments,
    build_options,
    ratings_files,
    ratings_path,
)
from teamtool.cli.command import Subcommands, command_parser
from teamtool.errors import InputError
from teamtool.export.output_paths import check_outputs

__all__ = [
    "METHODS",
    "add_input_arguments",
    "add_output_arguments",
    "build_options",
    "ratings_files",
    "ratings_path",
    "register",
    "run",
]


HELP = "apply the peer-rating adjustment to team grades and export the grades"
DESCRIPTION = """Read the teams, the cleaned ratings (rater,ratee,rating[,comment][,general_comment])
and the team grades (team,grade[,max][,milestone]); adjust every student's grade; write a CSV or
an Excel workbook whose factors and grades are live formulas."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "adjust", run, help=HELP, description=DESCRIPTION)
    add_input_arguments(p)
    add_output_arguments(p)


def run(args: argparse.Namespace) -> int:
    from teamtool.cli.adjust_inputs import input_paths, load_and_adjust
    from teamtool.course.grade_files import GradeData, GradeTargets, write_grade_files

    check_outputs(  # before anything is written: no output is an input or another output
        input_paths(args),
        [("--out", args.out), ("--canvas", args.canvas), ("--feedback", args.feedback)],
    )
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError("--out must end in .csv or .xlsx", file=str(out), code="usage")
    if args.canvas_gradebook and not args.canvas:
        raise InputError("--canvas-gradebook needs --canvas OUT.csv", code="usage")
    loaded = load_and_adjust(args)
    options, roster, team_set, milestones = (
        loaded.options,
        loaded.roster,
        loaded.team_set,
        loaded.milestones,
    )
    ratings, results, problems = loaded.ratings, loaded.results, loaded.problems
    xlsx = out.suffix.lower() == ".xlsx"
    targets = GradeTargets(
        workbook=out if xlsx else None,
        plain=None if xlsx else out,
        canvas=Path(args.canvas) if args.canvas else None,
        feedback=Path(args.feedback) if args.feedback else None,
        gradebook=Path(args.canvas_gradebook) if args.canvas_gradebook else None,
    )
    data = GradeData(
        results, ratings, team_set.teams, roster, dict.fromkeys(milestones, options),
        loaded.tokens,
    )  # fmt: skip
    done = write_grade_files(data, targets)  # all outputs or none
    problems.extend(done.problems)
    written = done.written
    students = {r.student_id for result in results for r in result.students}
    print(
        f"{len(students)} students in {len(team_set.teams)} teams, milestones: {', '.join(milestones)}"
    )
    counts = Counter(f.code for result in results for f in result.all_flags())
    if loaded.override_count:
        print(f"overrides: {loaded.override_count}")
    if counts:
        print("flags: " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())))
    else:
        print("flags: none")
    if loaded.tokens:
        print(loaded.tokens.summary())
    for problem in problems.items[:10]:
        print(f"warning: {problem}")
    if len(problems) > 10:
        print(f"warning: and {len(problems) - 10} more like these")
    for path in written:
        print(f"wrote {path}")
    return 0
