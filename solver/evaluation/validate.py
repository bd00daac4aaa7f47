"""The validator: checks teams against the hard rules, knowing nothing about the model. It
hands back ``Violation``s (numbers); teamtool/formation/report.py tells them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from solver.compile.units import mix_range
from solver.data import Config, Criterion, Instance, Person, Rule
from solver.evaluation.rules import common_slots, former_pairs, isolated, pair_broken
from solver.solution import Broken, Violation


def violations(
    instance: Instance, config: Config, teams: Sequence[Sequence[str]]
) -> list[Violation]:
    """Every broken hard rule; an empty list means the teams are valid."""
    out: list[Violation] = []
    people = {p.id: p for p in instance.people}
    seen = Counter(pid for team in teams for pid in team)
    out += [Violation(Broken.TWICE, people=(pid,), count=n) for pid, n in seen.items() if n > 1]
    out += [Violation(Broken.STRANGER, people=(pid,)) for pid in seen if pid not in people]
    out += [Violation(Broken.UNPLACED, people=(pid,)) for pid in people if pid not in seen]
    locked = [frozenset(team) for team in config.locked]
    low, high = config.min_size, config.max_size
    if config.target_size is not None:
        low, high = max(low, config.target_size - 1), min(high, config.target_size + 1)
    for i, team in enumerate(teams, start=1):
        if frozenset(team) not in locked and not low <= len(team) <= high:
            out.append(Violation(Broken.SIZE, i, count=len(team), low=low, high=high))
    for members in locked:
        if not any(frozenset(team) == members for team in teams):
            out.append(Violation(Broken.LOCK_CHANGED, people=tuple(sorted(members))))
    if config.num_teams is not None and len(teams) != config.num_teams:
        out.append(Violation(Broken.TEAM_COUNT, count=len(teams), high=config.num_teams))
    for pid, index in config.pins.items():
        if index >= len(teams) or pid not in teams[index]:
            out.append(Violation(Broken.PIN, index + 1, people=(pid,)))
    for crit in config.criteria:
        out += _criterion(instance, config, crit, teams)
    team_of = {pid: i for i, team in enumerate(teams) for pid in team}
    for rule in config.pairs:
        if rule.hard and pair_broken(team_of.get(rule.a), team_of.get(rule.b), rule.together):
            kind = Broken.TOGETHER if rule.together else Broken.APART
            out.append(Violation(kind, people=(rule.a, rule.b)))
    if config.previous_hard:
        before = former_pairs(t for ts in config.previous for t in ts)
        for i, team in enumerate(teams, start=1):
            for a in team:
                for b in team:
                    if a < b and (a, b) in before:
                        out.append(Violation(Broken.REPEAT, i, people=(a, b)))
    return out


def _criterion(
    instance: Instance, config: Config, crit: Criterion, teams: Sequence[Sequence[str]]
) -> list[Violation]:
    out: list[Violation] = []
    people = {p.id: p for p in instance.people}
    attr = crit.attribute
    for i, team in enumerate(teams, start=1):
        members = [people[pid] for pid in team if pid in people]
        values = [p.categorical.get(attr) for p in members]
        known = Counter(v for v in values if v is not None)
        if crit.rule == Rule.SAME and len(set(values)) > 1:
            out.append(
                Violation(
                    Broken.MIXED, i, attribute=attr, values=tuple(sorted(map(str, set(values))))
                )
            )
        elif not crit.hard:
            continue
        elif crit.rule == Rule.NO_ISOLATION and isolated(values, crit.value or ""):
            out.append(Violation(Broken.ISOLATED, i, attribute=attr, value=crit.value))
        elif crit.rule == Rule.SIMILAR and len(known) > 1:
            out.append(Violation(Broken.MIXED, i, attribute=attr, values=tuple(sorted(known))))
        elif crit.rule == Rule.SCHEDULE:
            shared = common_slots(p.slots.get(attr) for p in members)
            common = crit.min_common if shared is None else len(shared)
            if common < crit.min_common:
                out.append(
                    Violation(
                        Broken.SHORT_SLOTS, i, attribute=attr, count=common, low=crit.min_common
                    )
                )
        elif crit.rule == Rule.MIX and frozenset(team) not in {frozenset(t) for t in config.locked}:
            out += _mix(instance, config, crit, i, members, known)
    return out


def _mix(
    instance: Instance,
    config: Config,
    crit: Criterion,
    i: int,
    members: list[Person],
    known: Counter[str],
) -> list[Violation]:
    """Hard mix: each value within floor/ceil of its share among the students being placed
    (those of the team's section when a 'same' rule splits the class)."""
    out: list[Violation] = []
    same = [c.attribute for c in config.criteria if c.rule == Rule.SAME]
    key = tuple(members[0].categorical.get(a) for a in same) if members else ()
    locked = {pid for team in config.locked for pid in team}
    pool = [
        p
        for p in instance.people
        if p.id not in locked and tuple(p.categorical.get(a) for a in same) == key
    ]
    totals = Counter(v for p in pool if (v := p.categorical.get(crit.attribute)) is not None)
    for value, n in totals.items():
        low, high = mix_range(n, len(pool), len(members))
        if not low <= known[value] <= high:
            out.append(
                Violation(
                    Broken.MIX_SHARE,
                    i,
                    attribute=crit.attribute,
                    value=value,
                    count=known[value],
                    low=low,
                    high=high,
                )
            )
    return out
