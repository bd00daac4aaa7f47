"""``teamtool preview-page``: write the students' preview page for a scale and settings."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from teamtool.cli import cmd_adjust
from teamtool.cli.command import Subcommands, command_parser
from teamtool.errors import InputError
from teamtool.export.output_paths import check_outputs

#: The arguments of ``teamtool adjust`` that set the adjustment (see ``option_arguments``).
OPTION_DESTS = (
    "preset",
    "method",
    "self_mode",
    "cap",
    "no_cap",
    "floor",
    "snap",
    "round_factor",
    "round_grade",
    "no_max_cap",
    "missing",
    "impute_self",
    "impute_others",
    "weighting",
    "penalty",
)


def option_arguments(parser: argparse.ArgumentParser) -> None:
    """Give ``parser`` the adjustment options of ``teamtool adjust``: the very argparse actions
    that ``adjust`` defines (one definition, so the two commands cannot drift apart)."""
    scratch = argparse.ArgumentParser(add_help=False)
    cmd_adjust.register(scratch.add_subparsers())
    adjust = next(a for a in scratch._actions if isinstance(a, argparse._SubParsersAction))
    for action in adjust.choices["adjust"]._actions:
        if action.dest in OPTION_DESTS:
            parser._add_action(action)


HELP = "write the students' preview page of the peer adjustment (one HTML file)"
DESCRIPTION = """Write one self-contained HTML page on which a student enters the ratings their team
might give and the team grade and sees each member's factor and grade, computed as `teamtool
adjust` computes them with the same options. With --course the milestone's own scale and settings
are used."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "preview-page", run, help=HELP, description=DESCRIPTION)
    p.add_argument("--out", required=True, help="the page to write, e.g. preview.html")
    p.add_argument("--scale", help="rating scale preset or label,value file (default: oakley9)")
    p.add_argument("--course", metavar="COURSE.teamtool", help="take a milestone's settings")
    p.add_argument("--milestone", help="the course's milestone (needed with several)")
    p.add_argument("--max", type=float, dest="max_points", help="maximum points (default 100)")
    p.add_argument("--team-grade", type=float, help="team grade the page opens with")
    p.add_argument("--title", help="the page's title (default: the milestone's name)")
    option_arguments(p)


def run(args: argparse.Namespace) -> int:
    from teamtool.preview.course import PageSettings, find_milestone, milestone_settings
    from teamtool.ratings.scales import get_scale
    from teamtool.store import Course

    check_outputs([("--course", args.course), ("--scale", args.scale)], [("--out", args.out)])
    if Path(args.out).suffix.lower() not in (".html", ".htm"):
        raise InputError("--out must end in .html", file=args.out, code="usage")
    given = [
        n for n in OPTION_DESTS if getattr(args, n) is not None and getattr(args, n) is not False
    ]
    if args.course:
        if given:
            flags = ", ".join("--" + name.replace("_", "-") for name in given)
            raise InputError(
                f"--course takes the milestone's own settings; leave out {flags} "
                "(or leave out --course)",
                code="usage",
            )
        with Course.open(args.course) as course:
            settings = milestone_settings(
                course, find_milestone(course, args.milestone, args.course)
            )
    else:
        if args.milestone:
            raise InputError("--milestone needs --course", code="usage")
        settings = PageSettings(get_scale("oakley9"), cmd_adjust.build_options(args), 100.0, "")
    changes: dict[str, Any] = {}
    if args.scale:
        changes["scale"] = get_scale(args.scale)
    if args.max_points is not None:
        changes["max_points"] = args.max_points
    if args.title is not None:
        changes["title"] = args.title
    settings = dataclasses.replace(settings, **changes)
    from teamtool.preview import write_preview_page

    path = write_preview_page(args.out, settings.html(args.team_grade))
    print(f"scale: {settings.scale.describe()}")
    print(f"method: {settings.options.method}, maximum {settings.max_points:g}")
    print(f"wrote {path}")
    return 0
