"""The course's team process in the demo: mentors for the project teams, then each mentor's
debriefs and the students' preview page, written from the finished course file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from teamtool.debriefs.course import write_course_debriefs
from teamtool.demo.sample_files import sample_path
from teamtool.mentors import read_mentors
from teamtool.mentors.course import assign_for_course
from teamtool.mentors.output import write_assignment
from teamtool.model import Roster, TeamSet
from teamtool.preview.course import milestone_settings
from teamtool.preview.page import write_preview_page
from teamtool.store import Course

MENTORS_OUT = "mentors.csv"
DEBRIEFS_OUT = "debriefs"
PREVIEW_OUT = "preview page.html"


def assign_sample_mentors(
    course: Course, roster: Roster, team_set: TeamSet, out: Path, echo: Callable[[str], None]
) -> Path:
    """Assign a mentor (samples/mentors.csv) to every project team, same section, and store it."""
    mentors = read_mentors(sample_path("mentors.csv"), roster)
    result = assign_for_course(course, mentors, team_set_id=team_set.id, same_section=True)
    echo(f"4. Mentors: {len(mentors)} teaching assistants from mentors.csv, one per team")
    for line in [*result.summary, *result.warnings]:
        echo(f"   {line}")
    for team in result.teams[:3]:
        echo(f"   {team.team}: {team.mentor.name} ({team.why})")
    return write_assignment(result, out / MENTORS_OUT)


def write_process_files(
    course_path: Path, out: Path, echo: Callable[[str], None]
) -> dict[str, Path]:
    """Each mentor's debriefs of every milestone (one folder), and the preview page of the last
    milestone, by label."""
    debriefs = write_course_debriefs(course_path, out / DEBRIEFS_OUT)
    echo(
        f"7. Debriefs: {len(debriefs)} printable files in {DEBRIEFS_OUT}/, one per mentor and "
        "milestone (members, flags, the heat map in the scale's words, comments without names)"
    )
    with Course.open(course_path) as course:
        last = course.milestones()[-1]
        assert last.id is not None
        page = milestone_settings(course, last.id).html()
    preview = write_preview_page(out / PREVIEW_OUT, page)
    echo(
        f"8. Preview page: {PREVIEW_OUT}, for students to try the adjustment of "
        f'"{last.name}" (one self-contained file; publish it on the course site)'
    )
    return {f"debriefs ({len(debriefs)} files)": out / DEBRIEFS_OUT, "preview page": preview}
