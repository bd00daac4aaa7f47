"""The formation step of the demo: balanced teams for the sample class, exported three ways."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from teamtool.course.team_forming import TeamSetForming
from teamtool.export.team_lists import export_canvas_groups, export_team_set
from teamtool.formation import AttributeRule, FormationCriteria
from teamtool.formation.report import explanations
from teamtool.model import Roster
from teamtool.store import Course

#: What an instructor following Felder & Brent / Oakley et al. would ask for: no woman alone in
#: a team, a common free slot, teams within a lab section, balanced GPA, a spread of programming
#: skill, mixed majors (in that order of priority); the students' own requests are honoured.
DEMO_CRITERIA = FormationCriteria(
    rules=[
        AttributeRule("Section", "same"),
        AttributeRule("Gender", "no-isolation", value="F", hard=True),
        AttributeRule("Availability", "schedule", min_common=1),
        AttributeRule("GPA", "balance", priority=2),
        AttributeRule("Programming", "balance", priority=2),
        AttributeRule("Major", "mix", priority=3),
    ],
    seed=1,
)


def run_formation(
    course: Course, roster: Roster, out: Path, time_limit: float, echo: Callable[[str], None]
) -> list[Path]:
    """Form teams, keep them in the course file as a team set, and export them."""
    criteria = replace(DEMO_CRITERIA, time_limit=time_limit)
    formed = TeamSetForming(roster, criteria, name="Formed teams").run()
    team_set, solution, config = formed.team_set, formed.solution, formed.config
    course.add_team_set(team_set)
    echo(
        f"2. Formed {len(team_set.teams)} teams in {solution.wall_time:.1f} s "
        f"({solution.status.lower()}; rules: same section, no woman alone, a common free slot, "
        "balanced GPA and programming skill, mixed majors)"
    )
    for line in formed.summary_lines():
        echo(f"   {line}")
    for i, line in enumerate(explanations(solution, config)[:3]):
        echo(f"   Team {i + 1}: {line}")
    if len(solution.metrics) > 3:
        echo(f"   … and {len(solution.metrics) - 3} more teams in formed-teams.xlsx")
    return [
        export_team_set(team_set, roster, out / "formed-teams.xlsx"),
        export_team_set(team_set, roster, out / "formed-teams.csv"),
        export_canvas_groups(team_set, roster, out / "canvas-groups.csv"),
    ]
