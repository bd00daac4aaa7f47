"""``teamtool roster``: import, validate and summarise a roster file."""

from __future__ import annotations

import argparse
from collections import Counter

from teamtool.export.output_paths import check_outputs
from teamtool.roster import RosterImport, import_roster
from teamtool.roster.summary import describe_attribute


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "roster",
        help="import, validate and summarise a roster (CSV, XLSX or a Canvas gradebook export)",
        description="Read a roster, report every problem with its row and column, and summarise it. "
        "Exits with 1 when a problem must be fixed.",
    )
    p.add_argument("roster", help="the roster file (CSV or XLSX)")
    p.add_argument("--course", help="also store the roster in this course file (created if new)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_outputs([("ROSTER", args.roster)], [("--course", args.course)])
    result = import_roster(args.roster)
    print(summary(result))
    for problem in result.problems:
        print(f"  {problem}")
    if args.course and not result.problems.has_errors():
        store_in_course(result, args.course)
        print(f"stored in {args.course}")
    return 1 if result.problems.has_errors() else 0


def store_in_course(result: RosterImport, path: str) -> None:
    from pathlib import Path

    from teamtool.store import Course

    course = Course.open(path) if Path(path).exists() else Course.create(path)
    with course:
        course.replace_roster(result.roster, source=result.file)


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
