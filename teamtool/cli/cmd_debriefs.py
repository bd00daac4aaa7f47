"""``teamtool debriefs``: one printable HTML file of team debriefs per mentor (or all teams)."""

from __future__ import annotations

import argparse
from pathlib import Path

from teamtool.cli.cmd_adjust import add_input_arguments
from teamtool.cli.command import Subcommands, command_parser
from teamtool.errors import InputError

FILES = ("--teams", "--ratings", "--grades")


HELP = "write the mentors' team debriefs (printable HTML) of each milestone"
DESCRIPTION = """For each milestone, one page per team for its mentor: members with team grade,
factor, adjusted grade and flags; the rating heat map in the scale's labels; the comments without
their writers; each member's factor so far (repeated-low marked). Read a course file (--course)
or the same files as `teamtool adjust`. Writes one HTML file per milestone (and per mentor when
mentors are known) into --out-dir. With --milestone only that milestone is debriefed; its factor
history still covers the milestones before it (in the course file, or those whose --ratings are
given)."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "debriefs", run, help=HELP, description=DESCRIPTION)
    p.add_argument(
        "--course", metavar="C.teamtool", help="course file to read (instead of the files)"
    )
    p.add_argument("--out-dir", required=True, help="folder to write the debrief files into")
    add_input_arguments(p, required=False)


def run(args: argparse.Namespace) -> int:
    from teamtool.cli.adjust_inputs import input_paths, load_and_adjust
    from teamtool.debriefs import build_debriefs, write_debriefs
    from teamtool.debriefs.course import write_course_debriefs
    from teamtool.ratings import get_scale

    given = [name for name in FILES if getattr(args, name[2:]) is not None]
    if args.course is not None:
        if given:
            raise InputError(
                f"give either --course or the files ({', '.join(given)}), not both", code="usage"
            )
        written = write_course_debriefs(args.course, args.out_dir, args.milestone)
    else:
        missing = [name for name in FILES if name not in given]
        if missing:
            raise InputError(
                f"give --course C.teamtool, or the files {', '.join(missing)}", code="usage"
            )
        chosen = args.milestone
        if chosen is not None and len(args.ratings) > 1:
            args.milestone = None  # every milestone read: the history looks back through them
        loaded = load_and_adjust(args)
        if chosen is not None and chosen not in loaded.milestones:
            raise InputError(
                f'the grades file has no milestone "{chosen}"', file=args.grades, code="usage"
            )
        names = {s.id: s.name for s in loaded.roster}
        scale = get_scale(args.scale) if args.scale else None
        scales = dict.fromkeys(loaded.milestones, scale) if scale is not None else None
        only = [chosen] if chosen is not None else None
        debriefs = build_debriefs(loaded.results, loaded.ratings, names, None, scales, only)
        written = write_debriefs(debriefs, Path(args.out_dir), input_paths(args))
        for problem in loaded.problems.items[:10]:
            print(f"warning: {problem}")
    for path in written:
        print(f"wrote {path}")
    return 0
