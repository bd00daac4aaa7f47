"""``teamtool roster``: import, validate and summarise a roster file."""

from __future__ import annotations

import argparse
from collections import Counter

from teamtool.cli.command import Subcommands, command_parser
from teamtool.export.output_paths import check_outputs
from teamtool.roster import RosterImport, import_roster
from teamtool.roster.summary import describe_attribute

HELP = "import, validate and summarise a roster (CSV, XLSX or a Canvas gradebook export)"
DESCRIPTION = """Read a roster, report every problem with its row and column, and summarise it.
Exits with 1 when a problem must be fixed."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "roster", run, help=HELP, description=DESCRIPTION)
    p.add_argument("roster", help="the roster file (CSV or XLSX)")
    p.add_argument("--course", help="also store the roster in this course file (created if new)")
    p.add_argument(
        "--drop-missing",
        action="store_true",
        help="students of the course who are not in ROSTER but have ratings, teams or grade "
        "overrides are kept as dropped students (their history stays; they are left out of new "
        "teams); without it such a replacement is refused and the students are listed",
    )


def run(args: argparse.Namespace) -> int:
    check_outputs([("ROSTER", args.roster)], [("--course", args.course)])
    result = import_roster(args.roster)
    if not result.roster.students and not result.problems.has_errors():
        result.problems.add(
            "empty-roster",
            "the roster has no students (only a header?)",
            file=result.file,
            severity="error",
        )
    print(summary(result))
    for problem in result.problems:
        print(f"  {problem}")
    if result.problems.has_errors():
        return 1
    if args.course:
        store_in_course(result, args.course, drop_missing=args.drop_missing)
        print(f"stored in {args.course}")
    return 0


def store_in_course(result: RosterImport, path: str, *, drop_missing: bool = False) -> None:
    from pathlib import Path

    from teamtool.errors import RosterError
    from teamtool.store import Course

    course = Course.open(path) if Path(path).exists() else Course.create(path)
    with course:
        losses = course.roster_losses(result.roster)
        if losses and not drop_missing:
            raise RosterError(
                f"{losses.describe(Path(result.file).name)}. The course keeps its roster. Run "
                "again with --drop-missing to keep them as dropped students (their ratings, "
                "teams and grades stay), or add them to the roster file",
                file=path,
                code="roster-would-orphan",
            )
        course.replace_roster(result.roster, source=result.file, drop_missing=drop_missing)
        if losses:
            print(f"kept {len(losses.students)} students as dropped: {losses.names()}")


def summary(result: RosterImport) -> str:
    roster = result.roster
    source = "Canvas gradebook export" if result.source == "canvas" else "roster"
    lines = [f"{result.file}: {source} with {len(roster)} students"]
    sections = Counter(s.section for s in roster if s.section)
    if sections:
        lines.append("  sections: " + ", ".join(f"{k} ({v})" for k, v in sorted(sections.items())))
    roles = ", ".join(f"{role} = {col!r}" for role, col in result.mapping.roles.items())
    lines.append(f"  columns: {roles}")
    for spec in roster.attributes:
        lines.append(
            f"  attribute {spec.name!r}: {spec.kind.value} ({describe_attribute(roster, spec.name, spec.kind)})"
        )
    if result.skipped_rows:
        lines.append(
            f"  skipped {result.skipped_rows} non-student row(s) (Points Possible, Manual Posting)"
        )
    errors, warnings = len(result.problems.errors), len(result.problems.warnings)
    lines.append(f"  problems: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)
