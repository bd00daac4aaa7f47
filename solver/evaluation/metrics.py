"""Per-team metrics, one-line explanations and the class summary for any teams."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from solver.data import Config, Criterion, Instance, PairRule, Person, Rule
from solver.solution import Summary, TeamMetrics

NUMERIC = (Rule.BALANCE, Rule.SPREAD)


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _common(members: list[Person], attr: str, universe: list[str]) -> list[str]:
    sets = [s for p in members if (s := p.slots.get(attr)) is not None]
    return sorted(frozenset.intersection(*sets)) if sets else list(universe)


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
    before = {
        frozenset((a, b)) for ts in config.previous for t in ts for a in t for b in t if a < b
    }
    team_of = {pid: i for i, team in enumerate(teams) for pid in team}
    same = next((c.attribute for c in crits if c.rule == Rule.SAME), None)
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
        isolated = [
            (c.attribute, c.value or "", p.id)
            for c in crits
            if c.rule == Rule.NO_ISOLATION and counts[c.attribute].get(c.value or "") == 1
            for p in members
            if p.categorical.get(c.attribute) == c.value
        ]
        common = {
            c.attribute: _common(members, c.attribute, universe[c.attribute]) for c in schedules
        }
        broken = [r for r in config.pairs if _broken(r, team_of) and team_of.get(r.a) == i]
        repeats = [(a, b) for a in team for b in team if a < b and frozenset((a, b)) in before]
        reference = _reference(members, same, group_means, class_means)
        text = _explain(means, reference, counts, crits, common, config.pairs, team_of, i, same)
        metrics.append(
            TeamMetrics(
                i, list(team), len(team), means, counts, isolated, common, broken, repeats, text
            )
        )
    summary = _summary(metrics, class_means, schedules, config, same, group_means)
    return metrics, summary


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
    return (team_of.get(rule.a) == team_of.get(rule.b)) != rule.together


def _explain(
    means: dict[str, float],
    class_means: dict[str, float],
    counts: dict[str, dict[str, int]],
    crits: Sequence[object],
    common: dict[str, list[str]],
    pairs: Sequence[PairRule],
    team_of: dict[str, int],
    i: int,
    same: str | None = None,
) -> str:
    where = same.lower() if same else "class"
    parts = [f"{a} mean {m:.2f} ({where} {class_means[a]:.2f})" for a, m in means.items()]
    for c in crits:
        if getattr(c, "rule", None) == Rule.NO_ISOLATION:
            attr, value = c.attribute, c.value  # type: ignore[attr-defined]
            parts.append(f"{counts[attr].get(value, 0)} {attr} {value}")
    for attr, slots in common.items():
        parts.append(f"common slots {', '.join(slots)}" if slots else f"no common {attr} slot")
    for r in pairs:
        if team_of.get(r.a) == i or team_of.get(r.b) == i:
            kept = "broken" if _broken(r, team_of) else "kept"
            how = f"{r.a} + {r.b} together" if r.together else f"{r.a} and {r.b} apart"
            parts.append(f"{'request' if r.source == 'request' else 'rule'} {how} {kept}")
    return " · ".join(parts)


def _kept_together(team: TeamMetrics | None, config: Config) -> str:
    """Why a team may be the least balanced: the students it keeps together on request."""
    if team is None:
        return ""
    inside = set(team.members)
    kept = {x for r in config.pairs if r.together and {r.a, r.b} <= inside for x in (r.a, r.b)}
    if not kept:
        return ""
    return f" (team {team.index + 1}, which keeps {', '.join(sorted(kept))} together)"


def _summary(
    metrics: list[TeamMetrics],
    class_means: dict[str, float],
    schedules: list[Criterion],
    config: Config,
    same: str | None = None,
    group_means: dict[str, dict[str, float]] | None = None,
) -> Summary:
    """Deviations are from the class mean, or under a ``same`` rule from each group's mean."""

    def reference(t: TeamMetrics, a: str) -> float:
        if same is None or not group_means:
            return class_means[a]
        groups = {g for g, n in t.category_counts.get(same, {}).items() if n}
        group = next(iter(groups), "")
        return group_means.get(a, {}).get(group, class_means[a])

    deviation = {
        a: [(abs(t.numeric_means[a] - reference(t, a)), t) for t in metrics if a in t.numeric_means]
        for a in class_means
    }
    worst = {a: max((d for d, _ in devs), default=0.0) for a, devs in deviation.items()}
    isolated = sum(len(t.isolated) for t in metrics)
    under = sum(
        1
        for t in metrics
        if any(len(t.common_slots[c.attribute]) < c.min_common for c in schedules)
    )
    broken = sum(len(t.broken_pairs) for t in metrics)
    repeats = sum(len(t.repeat_pairs) for t in metrics)
    low = min((t.size for t in metrics), default=0)
    high = max((t.size for t in metrics), default=0)
    sizes = f"{low}" if low == high else f"{low}–{high}"
    lines = [f"{len(metrics)} teams of {sizes} students."]
    lines += [
        (
            f"Worst {a} team mean is {d:.2f} from its {same.lower()}'s mean"
            if same
            else f"Worst {a} team mean is {d:.2f} from the class mean {class_means[a]:.2f}"
        )
        + _kept_together(max(deviation[a], key=lambda x: x[0])[1] if deviation[a] else None, config)
        + "."
        for a, d in worst.items()
    ]
    if any(c.rule == Rule.NO_ISOLATION for c in config.criteria):
        lines.append(f"{isolated} student(s) isolated.")
    if schedules:
        lines.append(f"{under} team(s) under the minimum of common slots.")
    if config.pairs:
        lines.append(f"{broken} of {len(config.pairs)} pair rule(s) broken.")
    if config.previous:
        lines.append(f"{repeats} pair(s) of former teammates meet again.")
    return Summary(class_means, worst, isolated, under, broken, repeats, lines)
