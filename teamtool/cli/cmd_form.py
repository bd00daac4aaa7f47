"""``teamtool form``: form balanced teams from a roster and write them (CSV/XLSX, Canvas, JSON)."""

from __future__ import annotations

import argparse
import math
import time
from pathlib import Path

from teamtool.cli.command import Subcommands, command_parser
from teamtool.cli.form_report import write_report
from teamtool.course.team_forming import TeamSetForming
from teamtool.errors import ExportError, FormationError, RosterError
from teamtool.export.atomic import all_or_nothing
from teamtool.export.output_paths import check_outputs
from teamtool.formation import AttributeRule, FormationCriteria, Progress
from teamtool.formation.report import progress_text
from teamtool.roster import import_roster

HARD_CHOICES = ("no-isolate", "schedule", "mix", "similar", "previous")
#: Default priority levels: rules about people first, then balance, then diversity.
LEVEL = {"no-isolation": 1, "schedule": 1, "balance": 2, "spread": 2, "mix": 3, "similar": 3}


HELP = "form balanced teams from a roster"
DESCRIPTION = """Form teams with OR-Tools CP-SAT. Rules are optimised in priority order: no
isolation, schedule and students' requests first, then balance and spread, then mix and similar.
Each column option can be repeated."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "form", run, help=HELP, description=DESCRIPTION)
    p.add_argument("roster", help="the roster file (CSV or XLSX)")
    p.add_argument("--out", required=True, help="the team list to write (.csv or .xlsx)")
    p.add_argument("--size", default="3-5", help="team size MIN-MAX, or a target size N")
    for flag, what in (
        ("balance", "team means close to the class mean"),
        ("spread", "a low, middle and high value in each team"),
        ("mix", "values spread across teams"),
        ("similar", "few different values per team"),
        ("same", "every team within one value (e.g. Section)"),
    ):
        p.add_argument(f"--{flag}", action="append", default=[], metavar="COL", help=what)
    p.add_argument(
        "--no-isolate",
        action="append",
        default=[],
        metavar="COL=VALUE",
        help="no team with exactly one student of this value",
    )
    p.add_argument(
        "--schedule",
        action="append",
        default=[],
        metavar="COL",
        help="availability column: common free slots per team",
    )
    p.add_argument(
        "--min-common",
        type=int,
        default=1,
        metavar="K",
        help="common slots each team needs (default 1)",
    )
    p.add_argument("--together", action="append", default=[], metavar="ID,ID")
    p.add_argument("--apart", action="append", default=[], metavar="ID,ID")
    p.add_argument(
        "--hard",
        action="append",
        default=[],
        choices=HARD_CHOICES,
        help="make a rule hard (never broken); together/apart are always hard",
    )
    p.add_argument(
        "--no-requests",
        action="store_true",
        help="ignore the roster's requested/avoided teammate columns",
    )
    p.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="TEAMS",
        help="an earlier team file whose teammates should not meet again",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="the command, reading to writing, ends within it (default 10)",
    )
    p.add_argument(
        "--wall-clock",
        action="store_true",
        help="search by the clock (teams may differ between runs), not a count of work",
    )
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--canvas-groups", metavar="FILE", help="also write the Canvas group-set CSV")
    p.add_argument("--report", metavar="REPORT.json", help="also write a JSON quality report")


def _pairs(values: list[str], flag: str) -> list[tuple[str, str]]:
    out = []
    for text in values:
        parts = [x.strip() for x in text.split(",")]
        if len(parts) != 2 or not all(parts):
            raise FormationError(f"--{flag} {text}: give two student ids as ID,ID", code="bad-pair")
        out.append((parts[0], parts[1]))
    return out


def _sizes(text: str) -> tuple[int, int, int | None]:
    """(min, max, target) from ``3-5`` or ``4`` (a target allows one more or one less)."""
    try:
        if "-" in text:
            low, high = (int(x) for x in text.split("-", 1))
            return low, high, None
        target = int(text)
    except ValueError:
        raise FormationError(
            f"--size {text}: write MIN-MAX (e.g. 3-5) or a size (e.g. 4)", code="bad-size"
        ) from None
    return max(1, target - 1), target + 1, target


def criteria_from_args(args: argparse.Namespace) -> FormationCriteria:
    hard = set(args.hard)
    rules = [
        AttributeRule(c, rule, LEVEL.get(rule, 1), hard=rule in hard)
        for rule in ("balance", "spread", "mix", "similar", "same")
        for c in getattr(args, rule)
    ]
    for text in args.no_isolate:
        column, _, value = text.partition("=")
        if not value:
            raise FormationError(
                f"--no-isolate {text}: write COLUMN=VALUE (e.g. Gender=F)", code="bad-rule"
            )
        rules.append(
            AttributeRule(column, "no-isolation", 1, value=value, hard="no-isolate" in hard)
        )
    rules += [
        AttributeRule(c, "schedule", 1, min_common=args.min_common, hard="schedule" in hard)
        for c in args.schedule
    ]
    low, high, target = _sizes(args.size)
    return FormationCriteria(
        min_size=low,
        max_size=high,
        target_size=target,
        rules=rules,
        together=_pairs(args.together, "together"),
        apart=_pairs(args.apart, "apart"),
        use_requests=not args.no_requests,
        previous=list(args.previous),
        previous_hard="previous" in hard,
        time_limit=args.time_limit,
        seed=args.seed,
        deterministic=not args.wall_clock,
    )


def run(args: argparse.Namespace) -> int:
    deadline = time.monotonic() + args.time_limit  # reading to writing
    from teamtool.export.team_lists import export_canvas_groups, export_team_set
    from teamtool.files.teamfile import load_team_set

    check_outputs(
        [("ROSTER", args.roster), *(("--previous", path) for path in args.previous)],
        [("--out", args.out), ("--canvas-groups", args.canvas_groups), ("--report", args.report)],
    )
    if Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
        raise ExportError("--out must end in .csv or .xlsx", file=args.out, code="bad-suffix")
    result = import_roster(args.roster)
    result.problems.raise_if_errors(RosterError)
    roster = result.roster
    criteria = criteria_from_args(args)
    previous = [load_team_set(path, roster) for path in args.previous]
    forming = TeamSetForming(roster, criteria, previous, name=Path(args.out).stem)
    print(f"forming teams for {len(roster.active())} students (up to {criteria.time_limit:g} s)")
    formed = forming.run(_Printer(), deadline)
    solution, team_set = formed.solution, formed.team_set
    print(f"{solution.status.lower()}: {len(team_set.teams)} teams in {solution.wall_time:.1f} s")
    for line in formed.level_lines() + formed.summary_lines():
        print(f"  {line}")
    with all_or_nothing():  # all outputs or none
        written = [export_team_set(team_set, roster, args.out)]
        if args.canvas_groups:
            written.append(export_canvas_groups(team_set, roster, args.canvas_groups))
        if args.report:
            names = list(team_set.teams)
            written.append(write_report(args.report, solution, names, formed.config))
    for path in written:
        print(f"wrote {path}")
    return 0


class _Printer:
    """Prints a progress line at most once a second."""

    def __init__(self) -> None:
        self.last = -math.inf

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if now - self.last >= 1.0:
            self.last = now
            print(f"  {p.elapsed:5.1f} s  {progress_text(p)}", flush=True)
