"""``teamtool mentors``: one mentor (TA) per team, written as CSV and/or kept in the course."""

from __future__ import annotations

import argparse
from pathlib import Path

from teamtool.cli.command import Subcommands, command_parser
from teamtool.errors import ExportError, InputError, RosterError
from teamtool.export.atomic import all_or_nothing
from teamtool.export.output_paths import check_outputs
from teamtool.mentors import Mentor, MentorResult, assign_mentors, read_mentors
from teamtool.mentors.course import assign_for_course
from teamtool.mentors.output import write_assignment
from teamtool.mentors.previous import read_previous
from teamtool.model import Roster
from teamtool.roster import import_roster
from teamtool.store import Course

HELP = "assign one mentor (TA) to every team"
DESCRIPTION = """Assign one mentor to every team with OR-Tools CP-SAT. Never broken: each mentor's
capacity, their avoid list and, with --same-section, their section. Then, in priority order:
loads as even as the capacities allow, a mentor who shares a free slot with the team, and each
student's previous mentor (with --previous)."""


def register(sub: Subcommands) -> None:
    p = command_parser(sub, "mentors", run, help=HELP, description=DESCRIPTION)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--teams", metavar="TEAMS", help="the team file (student_id,team)")
    source.add_argument(
        "--course",
        metavar="C.teamtool",
        help="take the teams and roster from a course file and keep the mentors in it",
    )
    p.add_argument("--mentors", required=True, metavar="MENTORS", help="the mentor list (CSV/XLSX)")
    p.add_argument("--roster", metavar="ROSTER", help="the roster (sections, availability)")
    p.add_argument(
        "--team-set", metavar="NAME", help="with --course: the team set (default: newest)"
    )
    p.add_argument(
        "--previous",
        metavar="ASSIGNMENT",
        help="students' previous mentors (a student column and a mentor column, e.g. a team list "
        "exported with its mentors); with --course and no file: the earlier team set's mentors",
        nargs="?",
        const="",
    )
    p.add_argument(
        "--previous-teams",
        metavar="TEAMS",
        help="the teams of a --previous file that has a team column instead of a student one "
        "(an earlier output of this command)",
    )
    p.add_argument("--same-section", action="store_true", help="mentors only of their section")
    p.add_argument("--out", metavar="OUT.csv", help="write team,mentor,mentor_email,common_slots")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS", help="per level")


def run(args: argparse.Namespace) -> int:
    check_outputs(
        [
            ("--teams", args.teams),
            ("--course", args.course),
            ("--mentors", args.mentors),
            ("--roster", args.roster),
            ("--previous", args.previous or None),
            ("--previous-teams", args.previous_teams),
        ],
        [("--out", args.out)],
    )
    if args.out and Path(args.out).suffix.lower() != ".csv":
        raise ExportError("--out must end in .csv", file=args.out, code="bad-suffix")
    if args.course is None and not args.out:
        raise InputError("give --out OUT.csv (or --course to keep the mentors in a course file)")
    if args.course is None and args.previous == "":
        raise InputError("--previous needs a file unless the teams come from --course")
    if args.previous_teams and not args.previous:
        raise InputError("--previous-teams goes with a --previous file")
    if args.course is not None and args.roster:
        raise InputError("--roster is taken from the course file; leave it out with --course")
    if args.course is not None:
        result = _in_course(args)
    else:
        result = _from_files(args)
    for team in result.teams:
        print(f"{team.team}: {team.mentor.name} <{team.mentor.email}> ({team.why})")
    for line in result.summary:
        print(f"  {line}")
    for warning in result.warnings:
        print(f"warning: {warning}")
    if args.out:
        with all_or_nothing():
            print(f"wrote {write_assignment(result, args.out)}")
    return 0


def _roster(path: str | None) -> Roster | None:
    if not path:
        return None
    found = import_roster(path)
    found.problems.raise_if_errors(RosterError)
    return found.roster


def _from_files(args: argparse.Namespace) -> MentorResult:
    from teamtool.files.teamfile import load_team_set

    roster = _roster(args.roster)
    team_set = load_team_set(args.teams, roster)
    mentors = _mentors(args.mentors, roster)
    previous = None
    if args.previous:
        earlier = load_team_set(args.previous_teams, roster) if args.previous_teams else None
        previous = read_previous(args.previous, roster, earlier)
    return assign_mentors(
        team_set,
        mentors,
        roster,
        same_section=args.same_section,
        previous=previous,
        seed=args.seed,
        time_limit=args.time_limit,
    )


def _in_course(args: argparse.Namespace) -> MentorResult:
    with Course.open(args.course) as course:
        sets = course.team_sets()
        chosen = [s for s in sets if s.name == args.team_set] if args.team_set else sets[-1:]
        if not chosen:
            names = ", ".join(f'"{s.name}"' for s in sets) or "none"
            raise InputError(f'no team set "{args.team_set}" in the course; its sets: {names}')
        mentors = _mentors(args.mentors, course.roster())
        result = assign_for_course(
            course,
            mentors,
            team_set_id=chosen[-1].id,
            same_section=args.same_section,
            keep_previous=args.previous is not None,
            previous=read_previous(args.previous, course.roster()) if args.previous else None,
            seed=args.seed,
            time_limit=args.time_limit,
        )
        print(f'kept the mentors of team set "{chosen[-1].name}" in {args.course}')
    return result


def _mentors(path: str, roster: Roster | None) -> list[Mentor]:
    return read_mentors(path, roster, lambda warning: print(f"warning: {warning}"))
