"""The instance compiled for the model and the heuristic: indices, groups, team slots, features."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from solver.compile.features import Feature, make_feature, spread_bands
from solver.compile.slots import make_teams, same_criteria
from solver.data import Config, Instance, PairRule, Rule
from solver.solution import InfeasibleError, SolverError

NUMERIC_RULES = (Rule.BALANCE, Rule.SPREAD)
SLOT_RULES = (Rule.SCHEDULE,)


@dataclass
class Prepared:
    """Everything the model and the heuristic share, with people as indices 0..n-1."""

    config: Config
    ids: list[str]  # the people placed by the solver (not in locked teams)
    locked: list[list[str]]
    group_of: list[tuple[str | None, ...]]
    team_group: list[tuple[str | None, ...]]
    team_size: list[int]
    pin_of: dict[int, int]  # person -> team (both model indices)
    features: list[Feature] = field(default_factory=list)
    cats: dict[int, list[str | None]] = field(default_factory=dict)  # criterion -> per person
    slots: dict[int, list[frozenset[str] | None]] = field(default_factory=dict)
    slot_names: dict[int, list[str]] = field(default_factory=dict)
    pairs: list[tuple[PairRule, int, int]] = field(default_factory=list)
    previous: list[list[int]] = field(default_factory=list)
    #: Students per group and per (group, value) of each mix criterion, over the whole class,
    #: so that a model of part of the class (LNS) aims at the same shares.
    group_size: dict[tuple[str | None, ...], int] = field(default_factory=dict)
    mix_counts: dict[int, dict[tuple[tuple[str | None, ...], str], int]] = field(
        default_factory=dict
    )
    all_teams: int = 0  # teams of the whole class (the multiplier of the worst deviation)

    @property
    def num_teams(self) -> int:
        return len(self.team_size)

    def eligible(self, p: int) -> list[int]:
        if p in self.pin_of:
            return [self.pin_of[p]]
        return [t for t, g in enumerate(self.team_group) if g == self.group_of[p]]

    def group_members(self) -> dict[tuple[str | None, ...], list[int]]:
        out: dict[tuple[str | None, ...], list[int]] = {}
        for p, g in enumerate(self.group_of):
            out.setdefault(g, []).append(p)
        return out

    def levels(self) -> list[int]:
        """Priority levels that carry a cost, most important first."""
        found = {c.priority for c in self.config.criteria if c.rule != Rule.SAME}
        if any(not r.hard for r, _, _ in self.pairs) or (
            self.previous and not self.config.previous_hard
        ):
            found.add(self.config.pair_priority)
        return sorted(found)


def prepare(instance: Instance, config: Config) -> Prepared:
    """Check the input and compile it; arithmetic contradictions raise InfeasibleError."""
    by_id = {p.id: p for p in instance.people}
    if len(by_id) != len(instance.people):
        raise SolverError("two people share the same id")
    _check_attributes(instance, config)
    locked = [list(team) for team in config.locked]
    in_locked = {pid: i for i, team in enumerate(locked) for pid in team}
    for pid in in_locked:
        if pid not in by_id:
            raise SolverError(f"a locked team names an unknown person '{pid}'")
    ids = [p.id for p in instance.people if p.id not in in_locked]
    index = {pid: i for i, pid in enumerate(ids)}
    same = same_criteria(config)
    group_of = [tuple(by_id[pid].categorical.get(c.attribute) for c in same) for pid in ids]
    prep = Prepared(config, ids, locked, group_of, [], [], {})
    make_teams(prep, config, in_locked, index)
    _add_features(prep, instance, index)
    _check_schedules(prep)
    prep.all_teams = prep.num_teams
    prep.group_size = {g: len(m) for g, m in prep.group_members().items()}
    for ci, values in prep.cats.items():
        counts: dict[tuple[tuple[str | None, ...], str], int] = {}
        for g, v in zip(prep.group_of, values, strict=True):
            if v is not None:
                counts[g, v] = counts.get((g, v), 0) + 1
        prep.mix_counts[ci] = counts
    _add_pairs(prep, config, by_id, in_locked, index)
    for team_set in config.previous:
        for team in team_set:
            members = [index[pid] for pid in team if pid in index]
            if len(members) >= 2:
                prep.previous.append(members)
    return prep


def _check_attributes(instance: Instance, config: Config) -> None:
    for c in config.criteria:
        if c.rule in NUMERIC_RULES:
            present = any(c.attribute in p.numeric for p in instance.people)
        elif c.rule in SLOT_RULES:
            present = any(c.attribute in p.slots for p in instance.people)
        else:
            present = any(c.attribute in p.categorical for p in instance.people)
        if not present:
            raise SolverError(f"no one has the attribute '{c.attribute}' needed by '{c.rule}'")
        if c.rule == Rule.NO_ISOLATION and c.value is None:
            raise SolverError(f"no-isolation of '{c.attribute}' needs the value to protect")


def _add_features(prep: Prepared, instance: Instance, index: dict[str, int]) -> None:
    for ci, c in enumerate(prep.config.criteria):
        if c.rule in NUMERIC_RULES:
            raw = [p.numeric.get(c.attribute) for p in instance.people]
            keep = [p.id in index for p in instance.people]
            same = same_criteria(prep.config)
            groups = [tuple(p.categorical.get(s.attribute) for s in same) for p in instance.people]
            prep.features.append(make_feature(ci, c.attribute, raw, keep, groups))
            if c.rule == Rule.SPREAD:
                bands = spread_bands(raw, max(2, prep.config.min_size))
                prep.cats[ci] = [bands[i] for i in _positions(instance, prep)]
        elif c.rule in SLOT_RULES:
            sets = [instance.people[i].slots.get(c.attribute) for i in _positions(instance, prep)]
            prep.slots[ci] = sets
            prep.slot_names[ci] = sorted({s for st in sets if st is not None for s in st})
        elif c.rule != Rule.SAME:
            prep.cats[ci] = [
                instance.people[i].categorical.get(c.attribute) for i in _positions(instance, prep)
            ]


def _check_schedules(prep: Prepared) -> None:
    """A hard schedule of K common slots cannot hold when someone has fewer than K free slots
    (no team of theirs can share more): said at once, with who, rather than left to a search."""
    for ci, crit in enumerate(prep.config.criteria):
        if crit.rule not in SLOT_RULES or not crit.hard:
            continue
        few = [
            prep.ids[p]
            for p, s in enumerate(prep.slots[ci])
            if s is not None and len(s) < crit.min_common
        ]
        if few:
            who = ", ".join(few[:3]) + (f" and {len(few) - 3} more" if len(few) > 3 else "")
            rule = f"at least {crit.min_common} common {crit.attribute} slot(s) per team"
            verb = "has" if len(few) == 1 else "have"
            raise InfeasibleError(
                [f"{rule} ({who} {verb} fewer than {crit.min_common} free slots)"]
            )


def _positions(instance: Instance, prep: Prepared) -> list[int]:
    where = {p.id: i for i, p in enumerate(instance.people)}
    return [where[pid] for pid in prep.ids]


def _add_pairs(
    prep: Prepared,
    config: Config,
    by_id: Mapping[str, object],
    in_locked: dict[str, int],
    index: dict[str, int],
) -> None:
    for rule in config.pairs:
        for pid in (rule.a, rule.b):
            if pid not in by_id:
                raise SolverError(f"a pair rule names an unknown person '{pid}'")
        if rule.a in index and rule.b in index:
            a, b = index[rule.a], index[rule.b]
            if rule.together and rule.hard and prep.group_of[a] != prep.group_of[b]:
                raise InfeasibleError(
                    [
                        (
                            f"{rule.a} and {rule.b} must be together but the rule "
                            f"'same {same_criteria(config)[0].attribute}' keeps them apart"
                        )
                    ]
                )
            prep.pairs.append((rule, a, b))
        elif rule.hard:
            together = in_locked.get(rule.a, -1) == in_locked.get(rule.b, -2)
            if together != rule.together:
                word = "together" if rule.together else "apart"
                raise InfeasibleError(
                    [f"{rule.a} and {rule.b} must be {word} but a locked team decides otherwise"]
                )
