"""``teamtool adjust``: peer-adjust team grades from ratings and export them (CSV, XLSX, Canvas)."""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path
from typing import Any

from teamtool.cli import overrides_arg
from teamtool.errors import InputError
from teamtool.export.output_paths import check_outputs

METHODS = ("autorating", "catme", "webpa", "spark")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "adjust",
        help="apply the peer-rating adjustment to team grades and export the grades",
        description="Read the teams, the cleaned ratings (rater,ratee,rating[,comment][,general_comment]) and the "
        "team grades (team,grade[,max][,milestone]); adjust every student's grade; write a CSV "
        "or an Excel workbook whose factors and grades are live formulas.",
    )
    add_input_arguments(p)
    add_output_arguments(p)
    p.set_defaults(func=run)


def add_input_arguments(p: argparse.ArgumentParser, *, required: bool = True) -> None:
    """The options that name the inputs and the adjustment (``adjust`` and ``debriefs``);
    ``required=False`` where another source (a course file) may replace the files."""
    p.add_argument("--teams", required=required, help="teams file (student_id,team)")
    p.add_argument(
        "--ratings",
        required=required,
        action="append",
        metavar="[MILESTONE=]RATINGS",
        help="cleaned ratings CSV; with several milestones give one per milestone as "
        '"M1 Proposal=m1.csv" (repeatable)',
    )
    p.add_argument("--grades", required=required, help="team grades CSV/XLSX")
    p.add_argument("--roster", help="roster file, for names, emails and sections")
    p.add_argument("--milestone", help="adjust only this milestone of the grades file")
    p.add_argument(
        "--preset", help="start from a preset: oakley, cornell, cmu, catme, webpa, spark"
    )
    p.add_argument(
        "--method",
        choices=METHODS,
        help="start from the method's own settings, as --preset does (autorating: oakley)",
    )
    p.add_argument("--scale", help="rating scale preset or label,value file (default: detected)")
    p.add_argument("--self", dest="self_mode", choices=("include", "exclude"))
    p.add_argument(
        "--cap", type=float, help="largest factor (default 1.05; none for webpa and spark)"
    )
    p.add_argument("--no-cap", action="store_true", help="no largest factor")
    p.add_argument("--floor", type=float, help="smallest factor (default none)")
    p.add_argument("--snap", type=float, help="factors above this count as 1 (CATME: 0.95)")
    p.add_argument("--round-factor", type=int, metavar="D", help="round factors to D decimals")
    p.add_argument("--round-grade", type=int, metavar="D", help="round grades to D decimals")
    p.add_argument("--no-max-cap", action="store_true", help="let grades exceed the maximum")
    p.add_argument("--missing", choices=("ignore", "impute", "penalty"), help="non-respondents")
    p.add_argument("--impute-self", type=float, metavar="V")
    p.add_argument("--impute-others", type=float, metavar="V")
    p.add_argument("--weighting", metavar="W", help="PA weighting, 0-1 or a percentage (50%%)")
    p.add_argument("--penalty", metavar="P%|P", help="non-respondent penalty: 10%% or 5 points")
    overrides_arg.add_arguments(p)


def add_output_arguments(p: argparse.ArgumentParser) -> None:
    """The files ``adjust`` writes."""
    p.add_argument("--out", required=True, help="OUT.csv or OUT.xlsx")
    p.add_argument("--canvas", metavar="OUT.csv", help="also write a Canvas gradebook import CSV")
    p.add_argument("--canvas-gradebook", metavar="EXPORT.csv", help="Canvas gradebook export")
    p.add_argument("--feedback", metavar="OUT.csv", help="also write the feedback mail-merge CSV")


def build_options(args: argparse.Namespace) -> Any:
    """The ``AdjustOptions`` from ``--preset`` and the options given on the command line."""
    from teamtool.grading.options import PRESETS, AdjustOptions, method_defaults

    if args.preset:
        if args.preset not in PRESETS:
            raise InputError(
                f'unknown preset "{args.preset}"; use one of: {", ".join(PRESETS)}', code="usage"
            )
        base = PRESETS[args.preset]
        if args.method is not None and args.method != base.method:
            raise InputError(
                f'--preset "{args.preset}" is a preset of the {base.method} method and '
                f"--method {args.method} starts from {args.method}'s own settings: give one of them",
                code="usage",
            )
    elif args.method is not None:  # the method's own settings, not autorating's
        base = method_defaults(args.method)
    else:
        base = AdjustOptions()
    changes: dict[str, Any] = {}
    for name in ("method", "self_mode", "cap", "floor", "snap", "round_factor", "round_grade"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    for name in ("missing", "impute_self", "impute_others"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.no_cap:
        changes["cap"] = None
    if args.no_max_cap:
        changes["cap_at_max"] = False
    if args.weighting is not None:
        text = args.weighting.strip()
        value = _number(text.rstrip("%"), "--weighting")
        changes["weighting"] = value / 100 if text.endswith("%") or value > 1 else value
    if args.penalty is not None:
        text = args.penalty.strip()
        changes["penalty"] = _number(text.rstrip("%"), "--penalty")
        changes["penalty_percent"] = text.endswith("%")
        changes.setdefault("missing", "penalty")
    return dataclasses.replace(base, **changes)


def _number(text: str, option: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise InputError(f'{option} "{text}" is not a number', code="usage") from None


def ratings_files(items: list[str], milestones: list[str]) -> dict[str, str]:
    """Milestone -> ratings file from ``--ratings`` values (``NAME=PATH`` or ``PATH``)."""
    named: dict[str, str] = {}
    plain: list[str] = []
    for item in items:
        name, sep, path = item.partition("=")
        if sep and name.strip() in milestones:
            named[name.strip()] = path
        else:
            plain.append(item)
    if plain and len(milestones) == 1 and not named and len(plain) == 1:
        return {milestones[0]: plain[0]}
    if plain:
        raise InputError(
            "the grades file has the milestones "
            + ", ".join(f'"{m}"' for m in milestones)
            + '; give one ratings file per milestone as --ratings "NAME=FILE" (or use --milestone)',
            code="usage",
        )
    missing = [m for m in milestones if m not in named]
    if missing:
        raise InputError(f"no ratings file for: {', '.join(missing)}", code="usage")
    return named


def ratings_path(item: str) -> str:
    """The file of one ``--ratings`` value (``NAME=PATH`` or ``PATH``)."""
    name, sep, path = item.partition("=")
    return path if sep and name.strip() and not Path(item).exists() else item


def run(args: argparse.Namespace) -> int:
    from teamtool.cli.adjust_inputs import input_paths, load_and_adjust
    from teamtool.export.atomic import all_or_nothing
    from teamtool.export.feedback import export_feedback
    from teamtool.export.grade_csv import export_canvas_grades, export_grades_csv
    from teamtool.export.grades_workbook import export_grades_workbook

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
    with all_or_nothing():  # all outputs or none: a failed one leaves no other behind
        written = [
            export_grades_workbook(
                results, ratings, team_set.teams, roster, dict.fromkeys(milestones, options), out
            )
            if out.suffix.lower() == ".xlsx"
            else export_grades_csv(results, roster, out)
        ]
        if args.canvas:
            gradebook = Path(args.canvas_gradebook) if args.canvas_gradebook else None
            written.append(export_canvas_grades(results, roster, args.canvas, gradebook, problems))
        if args.feedback:
            written.append(export_feedback(results, ratings, roster, args.feedback))
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
    for problem in problems.items[:10]:
        print(f"warning: {problem}")
    if len(problems) > 10:
        print(f"warning: and {len(problems) - 10} more like these")
    for path in written:
        print(f"wrote {path}")
    return 0
