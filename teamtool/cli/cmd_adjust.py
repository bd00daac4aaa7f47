"""``teamtool adjust``: peer-adjust team grades from ratings and export them (CSV, XLSX, Canvas).

The arguments and the options built from them are in :mod:`teamtool.cli.adjust_args`.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from teamtool.cli import overrides_arg
from teamtool.cli.adjust_args import (
    METHODS,
    add_parser,
    build_options,
    ratings_files,
    ratings_path,
    token_options_given,
    token_settings,
)
from teamtool.errors import InputError
from teamtool.export.output_paths import check_outputs

__all__ = ["METHODS", "build_options", "ratings_files", "ratings_path", "register", "run"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add_parser(sub).set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from teamtool.errors import GradesError, RosterError
    from teamtool.export.atomic import all_or_nothing
    from teamtool.export.feedback import export_feedback
    from teamtool.export.grade_csv import export_canvas_grades, export_grades_csv
    from teamtool.export.grades_workbook import export_grades_workbook
    from teamtool.gradesfile import load_team_grades
    from teamtool.grading.adjust import adjust_milestone
    from teamtool.model import Roster, Student
    from teamtool.problems import Problems
    from teamtool.ratings import read_ratings_csv
    from teamtool.roster import import_roster
    from teamtool.teamfile import load_team_set
    from teamtool.tokens.apply import apply_tokens

    check_outputs(  # before anything is written: no output is an input or another output
        [("--teams", args.teams), ("--grades", args.grades), ("--roster", args.roster),
         ("--scale", args.scale), ("--canvas-gradebook", args.canvas_gradebook),
         ("--overrides", args.overrides), *(("--ratings", ratings_path(r)) for r in args.ratings)],
        [("--out", args.out), ("--canvas", args.canvas), ("--feedback", args.feedback)],
    )  # fmt: skip
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise InputError("--out must end in .csv or .xlsx", file=str(out), code="usage")
    if args.canvas_gradebook and not args.canvas:
        raise InputError("--canvas-gradebook needs --canvas OUT.csv", code="usage")
    options = build_options(args)
    settings = token_settings(args)
    if args.no_tokens and token_options_given(args):
        raise InputError("--no-tokens ignores the token options given with it", code="usage")
    roster = None
    if args.roster:
        imported = import_roster(args.roster)
        imported.problems.raise_if_errors(RosterError)
        roster = imported.roster
    team_set = load_team_set(args.teams, roster)
    if roster is None:
        roster = Roster([Student(sid) for sid in team_set.students()])
    grades = load_team_grades(args.grades, team_set.teams, milestone=args.milestone)
    milestones = [args.milestone] if args.milestone else list(grades)
    for m in milestones:
        if m not in grades:
            raise GradesError(
                f'the grades file has no milestone "{m}"', file=args.grades, code="usage"
            )
    files = ratings_files(args.ratings, milestones)
    problems = Problems()  # warnings, printed at the end
    problems.extend(p for p in grades.problems if p.code == "original-grade-unused")
    tokens = None
    if grades.has_token_columns and not args.no_tokens:
        tokens = apply_tokens(grades, settings)
    elif token_options_given(args):
        problems.add(
            "no-token-columns",
            "token options given, but the grades file has no days_late or resubmissions "
            "column: no tokens applied",
            file=args.grades,
            severity="warning",
        )
    team_grades = tokens.grades if tokens else grades
    ratings = {m: read_ratings_csv(files[m], roster, args.scale, problems) for m in milestones}
    maxima = {m: grades.max_points[m] for m in milestones}
    overrides = overrides_arg.collect_overrides(
        args.override,
        args.overrides,
        maxima,
        team_set.students(),
        above_max=not options.cap_at_max,
        teams_file=args.teams,
    )
    results = [
        adjust_milestone(
            m, team_set.teams, ratings[m], team_grades[m], maxima[m], options, overrides.get(m)
        )
        for m in milestones
    ]
    if tokens:
        results = [tokens.flag(result) for result in results]
    for m in milestones:  # a team left out of the grades file gets no grade: say so
        for team, members in team_set.teams.items():
            if team not in grades[m]:
                problems.add(
                    "no-team-grade",
                    f'no grade for {team} ({len(members)} students) in "{m}": '
                    "their adjusted grades are left empty",
                    file=args.grades,
                    severity="warning",
                )
    with all_or_nothing():  # all outputs or none: a failed one leaves no other behind
        written = [
            export_grades_workbook(
                results,
                ratings,
                team_set.teams,
                roster,
                dict.fromkeys(milestones, options),
                out,
                tokens=tokens,
            )
            if out.suffix.lower() == ".xlsx"
            else export_grades_csv(results, roster, out, tokens=tokens)
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
    if overrides:
        print(f"overrides: {sum(len(o) for o in overrides.values())}")
    if counts:
        print("flags: " + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())))
    else:
        print("flags: none")
    if tokens:
        print(tokens.summary())
    for problem in problems.items[:10]:
        print(f"warning: {problem}")
    if len(problems) > 10:
        print(f"warning: and {len(problems) - 10} more like these")
    for path in written:
        print(f"wrote {path}")
    return 0
