"""Every sentence about a formation run: the solver hands back numbers and enums, and this
module tells them to people (the CLI, the demo and the window print these lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver import Broken, Rule

if TYPE_CHECKING:
    from solver import (
        Config,
        LevelResult,
        PairRule,
        Progress,
        Solution,
        TeamMetrics,
        Violation,
    )


def _gap(objective: float, bound: float) -> float:
    """Relative gap as CP-SAT computes it: |obj - bound| / max(1, |obj|)."""
    return abs(objective - bound) / max(1.0, abs(objective))


def _same(config: Config) -> str | None:
    return next((c.attribute for c in config.criteria if c.rule == Rule.SAME), None)


def level_lines(config: Config, levels: list[LevelResult]) -> list[str]:
    """E.g. "priority 2 (balance GPA): score 152, bound 150, gap 1.3%" (hard rules are not
    scored, so they are not listed)."""
    soft_pairs = any(not r.hard for r in config.pairs) or (
        config.previous and not config.previous_hard
    )
    out = []
    for lv in levels:
        what = [
            f"{c.rule.value} {c.attribute}" + (f"={c.value}" if c.value else "")
            for c in config.criteria
            if c.priority == lv.priority and c.rule != Rule.SAME and not c.hard
        ]
        if lv.priority == config.pair_priority and soft_pairs:
            what.append("pair wishes")
        head = f"priority {lv.priority} ({', '.join(what) or 'nothing'})"
        if lv.status == "OPTIMAL":
            out.append(f"{head}: score {lv.objective:g}, proven optimal")
        elif lv.bound > 0:
            gap = _gap(lv.objective, lv.bound)
            out.append(f"{head}: score {lv.objective:g}, bound {lv.bound:g}, gap {gap:.1%}")
        else:
            out.append(f"{head}: score {lv.objective:g}, no bound proven")
    return out


def progress_text(p: Progress) -> str:
    """E.g. "score 178, bound 150, gap 15.6% (priority 2)"; a level with no bound yet says so
    rather than "gap 100%"."""
    if p.bound > 0 or p.objective <= 0:
        return f"score {p.objective:g}, bound {p.bound:g}, gap {p.gap:.1%} (priority {p.level})"
    return f"score {p.objective:g}, no bound proven yet (priority {p.level})"


def _broken(rule: PairRule, team_of: dict[str, int]) -> bool:
    return (team_of.get(rule.a) == team_of.get(rule.b)) != rule.together


def team_explanation(solution: Solution, config: Config, i: int) -> str:
    """One line about team ``i``: e.g. "GPA mean 3.00 (class 3.00) · 2 Gender F · common slots
    Mon PM · request a + b together kept"."""
    team = solution.metrics[i]
    team_of = {pid: t.index for t in solution.metrics for pid in t.members}
    same = _same(config)
    where = same.lower() if same else "class"
    parts = [
        f"{a} mean {m:.2f} ({where} {team.reference_means[a]:.2f})"
        for a, m in team.numeric_means.items()
    ]
    for c in config.criteria:
        if c.rule == Rule.NO_ISOLATION:
            count = team.category_counts[c.attribute].get(c.value or "", 0)
            parts.append(f"{count} {c.attribute} {c.value}")
    for attr, slots in team.common_slots.items():
        parts.append(f"common slots {', '.join(slots)}" if slots else f"no common {attr} slot")
    for r in config.pairs:
        if team_of.get(r.a) == i or team_of.get(r.b) == i:
            kept = "broken" if _broken(r, team_of) else "kept"
            how = f"{r.a} + {r.b} together" if r.together else f"{r.a} and {r.b} apart"
            parts.append(f"{'request' if r.source == 'request' else 'rule'} {how} {kept}")
    return " · ".join(parts)


def explanations(solution: Solution, config: Config) -> list[str]:
    """``team_explanation`` of every team, in order."""
    return [team_explanation(solution, config, i) for i in range(len(solution.metrics))]


def _kept_together(team: TeamMetrics | None, config: Config) -> str:
    """Why a team may be the least balanced: the students it keeps together on request."""
    if team is None:
        return ""
    inside = set(team.members)
    kept = {x for r in config.pairs if r.together and {r.a, r.b} <= inside for x in (r.a, r.b)}
    if not kept:
        return ""
    return f" (team {team.index + 1}, which keeps {', '.join(sorted(kept))} together)"


def summary_lines(solution: Solution, config: Config) -> list[str]:
    """The class summary: e.g. "6 teams of 4–5 students.", "Worst GPA team mean is 0.05 from
    the class mean 3.10.", "0 student(s) isolated.", "2 of 12 pair rule(s) broken."."""
    metrics, summary = solution.metrics, solution.summary
    same = _same(config)
    low = min((t.size for t in metrics), default=0)
    high = max((t.size for t in metrics), default=0)
    sizes = f"{low}" if low == high else f"{low}–{high}"
    lines = [f"{len(metrics)} teams of {sizes} students."]
    for a, d in summary.worst_deviation.items():
        head = (
            f"Worst {a} team mean is {d:.2f} from its {same.lower()}'s mean"
            if same
            else f"Worst {a} team mean is {d:.2f} from the class mean {summary.class_means[a]:.2f}"
        )
        worst = summary.worst_team.get(a)
        lines.append(head + _kept_together(None if worst is None else metrics[worst], config) + ".")
    if any(c.rule == Rule.NO_ISOLATION for c in config.criteria):
        lines.append(f"{summary.isolated_students} student(s) isolated.")
    if any(c.rule == Rule.SCHEDULE for c in config.criteria):
        lines.append(
            f"{summary.teams_under_schedule_min} team(s) under the minimum of common slots."
        )
    if config.pairs:
        lines.append(f"{summary.broken_requests} of {len(config.pairs)} pair rule(s) broken.")
    if config.previous:
        lines.append(f"{summary.repeat_pairs} pair(s) of former teammates meet again.")
    return lines


def violation_text(v: Violation) -> str:
    """One broken hard rule in plain words, e.g. "team 2 has a single student of Gender 'F'"."""
    who = " and ".join(v.people)
    match v.rule:
        case Broken.TWICE:
            return f"{who} is in {v.count} teams"
        case Broken.STRANGER:
            return f"{who} is not a student of this class"
        case Broken.UNPLACED:
            return f"{who} is in no team"
        case Broken.SIZE:
            return f"team {v.team} has {v.count} members; sizes must be {v.low}–{v.high}"
        case Broken.LOCK_CHANGED:
            return f"locked team {', '.join(v.people)} was changed"
        case Broken.TEAM_COUNT:
            return f"{v.count} teams formed but {v.high} were asked for"
        case Broken.PIN:
            return f"{who} is not in team {v.team} where they are pinned"
        case Broken.MIXED:
            return f"team {v.team} mixes {v.attribute} values {list(v.values)}"
        case Broken.ISOLATED:
            return f"team {v.team} has a single student of {v.attribute} '{v.value}'"
        case Broken.SHORT_SLOTS:
            return f"team {v.team} has {v.count} common {v.attribute} slot(s), fewer than {v.low}"
        case Broken.MIX_SHARE:
            return f"team {v.team} has {v.count} of {v.attribute} '{v.value}', expected {v.low}–{v.high}"
        case Broken.TOGETHER:
            return f"{who} must be together"
        case Broken.APART:
            return f"{who} must be apart"
        case Broken.REPEAT:
            return f"team {v.team}: {who} were teammates before"
