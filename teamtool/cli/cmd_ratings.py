"""``teamtool ratings``: import a peer-rating survey export, report every problem, write the ratings."""

from __future__ import annotations

import argparse
import sys

from teamtool.cli.command import Subcommands, command_parser
from teamtool.cli.confirm_args import check_confirmations, parse_confirmations, quote
from teamtool.export.output_paths import check_outputs
from teamtool.files.tables import read_grid
from teamtool.model import Roster
from teamtool.ratings.layouts import LAYOUT_NAMES, LAYOUTS
from teamtool.ratings.scales import PRESETS
from teamtool.ratings.survey import SurveyImport, import_grid, write_ratings_csv
from teamtool.ratings.team_check import wrong_teams

HELP = (
    "import a peer-rating survey (long CSV, Google Forms, Microsoft Forms, Qualtrics, repeated "
    "team-member questions)"
)
DESCRIPTION = """Read a survey export, match the people to the roster, check them against the teams,
report every problem with its row and column, and write the cleaned ratings as
rater_id,ratee_id,rating,label,comment (and general_comment when a rater wrote one). Exits with 1
(and writes nothing) while a problem must be fixed, such as a person to confirm."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "ratings", run, help=HELP, description=DESCRIPTION)
    p.add_argument("survey", help="the survey export (CSV or XLSX)")
    p.add_argument("--roster", required=True, help="the roster file (CSV or XLSX)")
    p.add_argument("--teams", required=True, help="the teams file the survey was filled in by")
    p.add_argument(
        "--scale",
        help=f"a preset ({', '.join(PRESETS)}) or a label,value CSV/XLSX file (default: detected)",
    )
    p.add_argument("--layout", choices=LAYOUTS, help="the survey layout (default: detected)")
    p.add_argument(
        "--confirm",
        action="append",
        default=[],
        metavar="TEXT=ID",
        help='who an uncertain name is, e.g. --confirm "Chris Lee=s1023" (repeatable); TEXT '
        "is a name the report asks to confirm (case and spaces aside), ID a student id of the "
        'roster; "TEXT=" leaves that person out as not a student of the course',
    )
    p.add_argument(
        "--drop-partial",
        action="store_true",
        help="leave out unfinished Qualtrics responses (Finished false or 0); by default the "
        'ratings they hold are kept and reported ("partial response: rated 2 of 4")',
    )
    p.add_argument("--out", required=True, help="the cleaned ratings CSV to write")


def run(args: argparse.Namespace) -> int:
    from teamtool.files.teamfile import load_team_set
    from teamtool.roster import import_roster

    check_outputs(
        [("SURVEY", args.survey), ("--roster", args.roster), ("--teams", args.teams),
         ("--scale", args.scale)],
        [("--out", args.out)],
    )  # fmt: skip
    confirmations = parse_confirmations(args.confirm)
    roster_import = import_roster(args.roster)
    if roster_import.problems.has_errors():
        for problem in roster_import.problems.errors:
            print(problem, file=sys.stderr)
        print("error: fix the roster first (see `teamtool roster`)", file=sys.stderr)
        return 1
    roster = roster_import.roster
    teams = load_team_set(args.teams, roster)
    grid = read_grid(args.survey)
    result = import_grid(
        grid, roster, teams, scale=args.scale, layout=args.layout, drop_partial=args.drop_partial
    )
    if confirmations:  # checked against what the survey asks to confirm, then applied
        checked = check_confirmations(confirmations, result.uncertain, roster, grid.file)
        for note in checked.notes:
            print(note)
        if checked.confirmed:
            result = import_grid(
                grid,
                roster,
                teams,
                scale=args.scale,
                layout=args.layout,
                confirmed=checked.confirmed,
                drop_partial=args.drop_partial,
            )
    warning = wrong_teams(result)
    if warning is not None:  # the one problem that says the whole file may not fit the teams
        print(warning)
    print(report(result, roster))
    errors = result.problems.errors
    if errors:
        print(
            f"error: {len(errors)} problem(s) must be fixed first; {args.out} was not written",
            file=sys.stderr,
        )
        return 1
    path = write_ratings_csv(result.ratings, args.out)
    print(f"wrote {len(result.ratings)} ratings to {path}")
    return 0


def report(result: SurveyImport, roster: Roster | None = None) -> str:
    """The import report: counts, every problem, and the uncertain matches with their fix."""
    names = {s.id: s.name for s in roster.students} if roster else {}
    p = result.problems
    lines = [
        f"{result.file}: {LAYOUT_NAMES[result.layout]}, scale {result.scale.describe()}",
        (
            f"  {len(result.ratings)} ratings from {len(result.respondents)} respondents; "
            f"{len(result.non_respondents)} non-respondent(s); "
            f"{len(p.errors)} error(s), {len(p.warnings)} warning(s), "
            f"{len(p) - len(p.errors) - len(p.warnings)} note(s)"
        ),
    ]
    if len(p):
        lines.append("problems (errors first):")
        rank = {"error": 0, "warning": 1, "info": 2}
        lines.extend(f"  {problem}" for problem in sorted(p, key=lambda x: rank[x.severity]))
    if result.uncertain:
        lines.append("people to confirm (add the right --confirm and run again):")
        for u in result.uncertain:
            lines.append(f'  {u.role} "{u.text}" at {u.where}:')
            for sid, score in u.candidates:
                who = f"{sid} {names.get(sid, '')}".strip()
                lines.append(
                    f"    {who} (similarity {score:.2f}): --confirm {quote(f'{u.text}={sid}')}"
                )
            if not u.candidates:
                example = quote(f"{u.text}=ID")
                lines.append(f"    no similar student: --confirm {example} with the student's id")
            lines.append(f"    not a student of the course: --confirm {quote(f'{u.text}=')}")
    return "\n".join(lines)
