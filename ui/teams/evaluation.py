"""What the board shows for a team set: metrics, badges and the summary, from
``teamtool.formation.evaluate_teams``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teamtool.errors import TeamtoolError
from teamtool.model import Roster, Student, TeamSet
from ui.teams.criteria import saved_criteria, to_formation
from ui.widgets.chart_scale import scale_floor

if TYPE_CHECKING:
    from teamtool import formation

NUMERIC_RULES = ("balance", "spread")


@dataclass
class TeamView:
    name: str
    members: list[Student]
    locked: bool
    explanation: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class SetView:
    """Everything the Teams page draws for one team set."""

    teams: list[TeamView]
    key_attributes: list[str]
    member_flags: dict[str, str]  # student id -> why the student is marked
    summary_lines: list[str]
    hard_violations: list[str]
    chart_means: dict[str, list[float | None]]
    class_means: dict[str, float]
    solution: formation.Solution | None = None
    chart_floors: dict[str, float] = field(default_factory=dict)  # where each y-axis starts


def evaluate_set(roster: Roster, team_set: TeamSet, previous: list[TeamSet]) -> SetView:
    """Metrics of ``team_set`` under the rules it was formed with (after any hand edits)."""
    from teamtool.formation import build_instance, evaluate_teams

    stored = saved_criteria(team_set)
    rules = [r for r in stored.get("rules", []) if isinstance(r, dict)]
    by_id = roster.by_id()
    flags: dict[str, str] = {}
    for members in team_set.teams.values():
        for sid in members:
            student = by_id.get(sid)
            if student is None:
                flags[sid] = "no longer in the roster"
            elif student.dropped:
                flags[sid] = "dropped from the course"
    views = [
        TeamView(
            name,
            [by_id.get(sid) or Student(id=sid) for sid in members],
            name in team_set.locked,
        )
        for name, members in team_set.teams.items()
    ]
    keys = [str(r.get("attribute")) for r in rules][:3]
    try:
        # locks need no checking here: the set itself is what is evaluated
        criteria = to_formation({**stored, "locked_teams": []})
        instance, config = build_instance(roster, criteria, previous)
    except TeamtoolError as exc:
        return SetView(views, keys, flags, [str(exc)], [], {}, {})
    known = {p.id for p in instance.people}
    teams = [[sid for sid in members if sid in known] for members in team_set.teams.values()]
    evaluation = evaluate_teams(instance, config, teams)
    result, hard = evaluation.solution, evaluation.violations
    for view, m, line in zip(views, result.metrics, evaluation.explanations, strict=True):
        view.explanation = line
        view.problems = _team_problems(m, config, by_id)
        for attribute, value, sid in m.isolated:
            flags[sid] = f"the only {attribute} {value} in this team"
    numeric = [r.attribute for r in criteria.rules if r.rule in NUMERIC_RULES]
    chart = {a: [m.numeric_means.get(a) for m in result.metrics] for a in numeric}
    lines = list(evaluation.summary_lines)
    status = team_set.criteria.get("result")
    if team_set.hand_edits:
        n = team_set.hand_edits
        lines.insert(0, f"Edited by hand: {n} move{'s' if n != 1 else ''} since forming.")
    elif isinstance(status, dict) and status.get("status"):
        lines.insert(0, _status_line(status))
    class_means = dict(result.summary.class_means)
    floors = {a: scale_floor(_numbers(roster, a)) for a in numeric}
    return SetView(views, keys, flags, lines, hard, chart, class_means, result, floors)


def _numbers(roster: Roster, attribute: str) -> list[float]:
    values = (s.get(attribute) for s in roster.active())
    return [float(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]


def _name(sid: str, by_id: dict[str, Student]) -> str:
    s = by_id.get(sid)
    return s.name or sid if s else sid


def _team_problems(
    m: formation.TeamMetrics, config: formation.Config, by_id: dict[str, Student]
) -> list[str]:
    out = [
        f"{_name(sid, by_id)} is the only {attribute} {value}"
        for attribute, value, sid in m.isolated
    ]
    if not config.min_size <= m.size <= config.max_size:
        out.append(f"{m.size} members; sizes should be {config.min_size}–{config.max_size}")
    for c in config.criteria:
        if c.rule == "schedule":
            common = m.common_slots.get(c.attribute, [])
            if len(common) < c.min_common:
                out.append(f"{len(common)} common {c.attribute} slot(s); at least {c.min_common}")
    for p in m.broken_pairs:
        word = "together" if p.together else "apart"
        kind = "asked" if p.source == "request" else "should be"
        out.append(f"{_name(p.a, by_id)} and {_name(p.b, by_id)} {kind} {word}")
    out += [
        f"{_name(a, by_id)} and {_name(b, by_id)} were teammates before" for a, b in m.repeat_pairs
    ]
    return out


def _status_line(result: dict[str, object]) -> str:
    status = str(result.get("status", ""))
    words = {
        "OPTIMAL": "Formed: the best teams possible under these rules (proven).",
        "FEASIBLE": "Formed within the time limit",
        "CANCELLED": "Search cancelled: the best teams found so far",
    }
    text = words.get(status, f"Formed ({status.lower()})")
    gap = result.get("gap")
    if status != "OPTIMAL" and isinstance(gap, int | float):
        text += f" (gap to the proven bound {gap:.1%})."
    return text
