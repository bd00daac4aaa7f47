"""``teamtool demo``: the whole job on the bundled sample course, step by step, into one folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teamtool.demo.formation_step import run_formation
from teamtool.demo.milestone_steps import run_milestones
from teamtool.demo.process_steps import assign_sample_mentors, write_process_files
from teamtool.demo.sample_files import sample_path, samples_dir
from teamtool.errors import InputError
from teamtool.files.teamfile import load_team_set
from teamtool.model import Roster, TeamSet
from teamtool.roster import import_roster
from teamtool.store import SUFFIX, Course

COURSE_STEM = "sample-course"


def new_course_path(out: Path) -> Path:
    """``sample-course.teamtool`` in ``out``, or the first free ``sample-course-N.teamtool``:
    a course file from an earlier run may hold the user's own changes and is never replaced."""
    path, number = out / f"{COURSE_STEM}{SUFFIX}", 1
    while path.exists() or path.is_symlink():
        number += 1
        path = out / f"{COURSE_STEM}-{number}{SUFFIX}"
    return path


def run_demo(
    out: Path, *, time_limit: float = 5.0, echo: Callable[[str], None] = print
) -> dict[str, Path]:
    """Run every step; returns what was written, by label."""
    out.mkdir(parents=True, exist_ok=True)
    outputs: dict[str, Path] = {}
    course_path = new_course_path(out)
    if course_path.name != f"{COURSE_STEM}{SUFFIX}":
        echo(
            f"Note: {out / (COURSE_STEM + SUFFIX)} exists already (an earlier demo, perhaps with "
            f"your changes): it is kept as it is, and this run's course is {course_path.name}"
        )
    with Course.create(course_path, "Sample course: Software Engineering Project") as course:
        roster = _import_roster(course, echo)
        outputs["course file"] = course_path
        outputs["roster summary"] = write_roster_summary(roster, out / "roster-summary.xlsx")
        for path in run_formation(course, roster, out, time_limit, echo):
            outputs[path.name] = path
        project_teams = _project_teams(course, roster, echo)
        outputs["mentors"] = assign_sample_mentors(course, roster, project_teams, out, echo)
        for path in run_milestones(course, roster, project_teams, samples_dir(), out, echo):
            outputs[path.name] = path
    outputs.update(write_process_files(course_path, out, echo))
    return outputs


def _project_teams(course: Course, roster: Roster, echo: Callable[[str], None]) -> TeamSet:
    """The teams the sample surveys were filled in by (formed at the start of term)."""
    team_set = load_team_set(sample_path("teams.csv"), roster)
    team_set.name = "Project teams"
    course.add_team_set(team_set)
    echo(
        f"3. Project teams: {len(team_set.teams)} teams from teams.csv, the teams that filled in "
        "the sample surveys (formed earlier in the term)"
    )
    return team_set


def _import_roster(course: Course, echo: Callable[[str], None]) -> Roster:
    result = import_roster(sample_path("roster.csv"))
    result.problems.raise_if_errors(InputError)
    course.replace_roster(result.roster, source=result.file)
    kinds = ", ".join(f"{a.name} ({a.kind.value})" for a in result.roster.attributes)
    echo(f"1. Roster: {len(result.roster)} students from {result.file}; attributes: {kinds}")
    for problem in result.problems:
        echo(f"   {problem}")
    return result.roster


def write_roster_summary(roster: Roster, path: Path) -> Path:
    from openpyxl import Workbook

    from teamtool.export.xlsx_util import save_workbook, write_table
    from teamtool.roster.summary import attribute_summary, student_row

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Students"
    header = ["Student ID", "Name", "Email", "Section", *(a.name for a in roster.attributes)]
    write_table(ws, header, (student_row(s, roster) for s in roster.students))
    write_table(
        book.create_sheet("Attributes"),
        ["Attribute", "Kind", "Filled", "Summary"],
        attribute_summary(roster),
    )
    return save_workbook(book, path)
