"""The inputs of ``teamtool adjust`` read and adjusted once, for ``adjust`` and ``debriefs``."""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from typing import Any

from teamtool.export.output_paths import Named
from teamtool.grading import MilestoneResult
from teamtool.model import Rating, Roster, TeamSet
from teamtool.problems import Problems


@dataclass
class AdjustedInputs:
    """What ``adjust`` read (roster, teams, ratings per milestone) and every milestone's result,
    ``repeated-low`` included when there are several milestones."""

    options: Any  # AdjustOptions
    roster: Roster
    team_set: TeamSet
    milestones: list[str]
    ratings: dict[str, list[Rating]]
    results: list[MilestoneResult]
    problems: Problems = field(default_factory=Problems)  # warnings, printed at the end
    override_count: int = 0
    tokens: Any = None  # the TokenOutcome when the grades file has token columns


def input_paths(args: argparse.Namespace) -> list[Named]:
    """The input files named on the command line, for ``check_outputs``."""
    from teamtool.cli.cmd_adjust import ratings_path

    return [("--teams", args.teams), ("--grades", args.grades), ("--roster", args.roster),
            ("--scale", args.scale),
            ("--canvas-gradebook", getattr(args, "canvas_gradebook", None)),
            ("--overrides", args.overrides),
            *(("--ratings", ratings_path(r)) for r in args.ratings)]  # fmt: skip


def load_and_adjust(args: argparse.Namespace) -> AdjustedInputs:
    """Read the files of the input options of ``adjust`` and adjust every milestone."""
    from teamtool.cli import overrides_arg
    from teamtool.cli.adjust_args import token_options_given, token_settings
    from teamtool.cli.cmd_adjust import build_options, ratings_files
    from teamtool.errors import GradesError, InputError, RosterError
    from teamtool.files.gradesfile import load_team_grades
    from teamtool.files.teamfile import load_team_set
    from teamtool.grading.adjust import adjust_milestone
    from teamtool.grading.repeated_low import add_repeated_low
    from teamtool.model import Student
    from teamtool.ratings import read_ratings_csv
    from teamtool.roster import import_roster
    from teamtool.tokens.apply import apply_tokens

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
    problems = Problems()
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
    results = add_repeated_low([tokens.flag(r) for r in results] if tokens else results)
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
    count = sum(len(o) for o in overrides.values())
    return AdjustedInputs(
        options, roster, team_set, milestones, ratings, results, problems, count, tokens
    )
