"""Per-team metrics and the class summary of any teams, as numbers (the sentences that tell
them are teamtool/formation/report.py's), and the ``Solution`` a run hands back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from solver.compile.prepare import Prepared
from solver.data import Config, Criterion, Instance, PairRule, Person, Rule
from solver.evaluation.rules import common_slots, former_pairs, isolated, pair_broken
from solver.solution import LevelResult, Solution, Status, Summary, TeamMetrics, gap_of

NUMERIC = (Rule.BALANCE, Rule.SPREAD)


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def describe(
    instance: Instance, config: Config, teams: Sequence[Sequence[str]]
) -> tuple[list[TeamMetrics], Summary]:
    """Metrics per team and the class summary; independent of how the teams were made."""
    people = {p.id: p for p in instance.people}
    crits = config.criteria
    numeric = list(dict.fromkeys(c.attribute for c in crits if c.rule in NUMERIC))
    cats = list(
        dict.fromkeys(
            c.attribute for c in crits if c.rule not in NUMERIC and c.rule != Rule.SCHEDULE
        )
    )
    schedules = [c for c in crits if c.rule == Rule.SCHEDULE]
    universe = {
        c.attribute: sorted({s for p in instance.people for s in p.slots.get(c.attribute) or ()})
        for c in schedules
    }
    class_means = {
        a: m
        for a in numeric
        if (m := _mean([p.numeric.get(a) for p in instance.people])) is not None
    }
    before = former_pairs(t for ts in config.previous for t in ts)
    team_of = {pid: i for i, team in enumerate(teams) for pid in team}
    same = same_attribute(config)
    group_means = _group_means(instance, numeric, same)
    metrics = []
    for i, team in enumerate(teams):
        members = [people[pid] for pid in team]
        means = {
            a: m for a in numeric if (m := _mean([p.numeric.get(a) for p in members])) is not None
        }
        counts = {
            a: dict(Counter(v for p in members if (v := p.categorical.get(a)) is not None))
            for a in cats
        }
        isolated_here = [
            (c.attribute, c.value or "", p.id)
            for c in crits
            if c.rule == Rule.NO_ISOLATION
            and isolated([p.categorical.get(c.attribute) for p in members], c.value or "")
            for p in members
            if p.categorical.get(c.attribute) == c.value
        ]
        common = {}
        for c in schedules:
            shared = common_slots(p.slots.get(c.attribute) for p in members)
            common[c.attribute] = list(universe[c.attribute]) if shared is None else sorted(shared)
        broken = [r for r in config.pairs if _broken(r, team_of) and team_of.get(r.a) == i]
        repeats = [(a, b) for a in team for b in team if a < b and (a, b) in before]
        reference = _reference(members, same, group_means, class_means)
        metrics.append(
            TeamMetrics(
                i,
                list(team),
                len(team),
                means,
                counts,
                isolated_here,
                common,
                broken,
                repeats,
                reference,
            )
        )
    summary = _summary(metrics, class_means, schedules)
    return metrics, summary


def same_attribute(config: Config) -> str | None:
    """The attribute of the first ``same`` rule (e.g. a section), if any."""
    return next((c.attribute for c in config.criteria if c.rule == Rule.SAME), None)


def _group_means(
    instance: Instance, numeric: list[str], same: str | None
) -> dict[str, dict[str, float]]:
    """Attribute -> value of the ``same`` attribute (e.g. a section) -> mean of that group."""
    if same is None:
        return {}
    groups: dict[str, list[Person]] = {}
    for p in instance.people:
        groups.setdefault(p.categorical.get(same) or "", []).append(p)
    return {
        a: {g: m for g, ps in groups.items() if (m := _mean([p.numeric.get(a) for p in ps]))}
        for a in numeric
    }


def _reference(
    members: list[Person],
    same: str | None,
    group_means: dict[str, dict[str, float]],
    class_means: dict[str, float],
) -> dict[str, float]:
    """The means a team is balanced against: its group's under a ``same`` rule, else the class's."""
    if same is None or not members:
        return class_means
    group = members[0].categorical.get(same) or ""
    return {a: group_means.get(a, {}).get(group, m) for a, m in class_means.items()}


def _broken(rule: PairRule, team_of: dict[str, int]) -> bool:
    return pair_broken(team_of.get(rule.a), team_of.get(rule.b), rule.together)


def _summary(
    metrics: list[TeamMetrics], class_means: dict[str, float], schedules: list[Criterion]
) -> Summary:
    """Deviations are from each team's reference means (the class's, or under a ``same`` rule
    its group's); the worst team of each attribute is the first farthest one."""
    deviation = {
        a: [
            (abs(t.numeric_means[a] - t.reference_means.get(a, class_means[a])), t.index)
            for t in metrics
            if a in t.numeric_means
        ]
        for a in class_means
    }
    worst = {a: max((d for d, _ in devs), default=0.0) for a, devs in deviation.items()}
    worst_team = {a: max(devs, key=lambda x: x[0])[1] for a, devs in deviation.items() if devs}
    isolated_students = sum(len(t.isolated) for t in metrics)
    under = sum(
        1
        for t in metrics
        if any(len(t.common_slots[c.attribute]) < c.min_common for c in schedules)
    )
    broken = sum(len(t.broken_pairs) for t in metrics)
    repeats = sum(len(t.repeat_pairs) for t in metrics)
    return Summary(class_means, worst, isolated_students, under, broken, repeats, worst_team)


def solution_of(
    instance: Instance,
    prep: Prepared,
    teams: list[list[int]],
    results: list[LevelResult],
    wall: float,
    cancelled: bool,
) -> Solution:
    """The run's ``Solution``: locked teams first, then the teams found (model indices)."""
    ids = [list(t) for t in prep.locked] + [[prep.ids[p] for p in m] for m in teams]
    worst = max(results, key=lambda r: gap_of(r.objective, r.bound), default=None)
    if cancelled:
        status = Status.CANCELLED
    elif all(r.status == Status.OPTIMAL for r in results):
        status = Status.OPTIMAL
    else:
        status = Status.FEASIBLE
    metrics, summary = describe(instance, prep.config, ids)
    obj = worst.objective if worst else 0.0
    bound = worst.bound if worst else 0.0
    return Solution(ids, status, obj, bound, gap_of(obj, bound), wall, metrics, summary, results)
