"""The scorer (the climb's inner loop, kept fast) against the rules written out plainly: every
rule's cost on random teams of a class with each rule, soft and hard, and a worked example."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from solver_cases import instance, person

from solver import Config, Criterion, Instance, PairRule, Rule
from solver.compile.features import BALANCE_STEP, BALANCE_TOLERANCE, excess
from solver.compile.prepare import Prepared, prepare
from solver.compile.units import (
    ISOLATION_UNIT,
    MIX_UNIT,
    PAIR_UNIT,
    PREVIOUS_UNIT,
    SCHEDULE_SHORT_UNIT,
    SIMILAR_UNIT,
    mix_range,
)
from solver.evaluation.scoring import HARD, Scorer

SLOTS = ["Mon AM", "Mon PM", "Tue AM", "Tue PM", "Wed AM"]


def people(n: int, rng: random.Random) -> Instance:
    """Students with a GPA, and a gender, major, language and slots that may be missing."""
    return instance(
        *(
            person(
                f"s{i}",
                gpa=round(rng.uniform(2.0, 4.0), 2),
                gender=rng.choice(["F", "M", "X", None]),
                slots="; ".join(rng.sample(SLOTS, 3)) if rng.random() < 0.9 else None,
                Major=rng.choice(["CS", "EE", "ME", ""]),
                Lang=rng.choice(["en", "fr", ""]),
                Section=rng.choice(["A", "B"]),
            )
            for i in range(n)
        )
    )


def reference(prep: Prepared, scorer: Scorer, members: list[int]) -> list[int]:
    """One team's additive costs per slot, each rule written out as the units define it."""
    cfg, cost = prep.config, [0] * (len(scorer.levels) + 1)
    group, size = prep.group_of[members[0]], len(members)
    for f, (slot, weight) in zip(prep.features, scorer.feature_weight, strict=True):
        total, count = f.targets[group]
        deviation = abs(count * sum(f.values[p] for p in members) - size * total) // f.unit(
            size, group
        )
        cost[slot] += weight * max(0, deviation - BALANCE_TOLERANCE)  # beyond the tolerance
    for ci, crit in enumerate(cfg.criteria):
        slot = scorer.slot.get(crit.priority, HARD)
        if crit.rule == Rule.SCHEDULE:
            known = [prep.slots[ci][p] for p in members if prep.slots[ci][p] is not None]
            common = len(frozenset.intersection(*known)) if known else len(prep.slot_names[ci])
            short = max(0, crit.min_common - common)
            cost[HARD if crit.hard else slot] += short * (
                1 if crit.hard else crit.weight * SCHEDULE_SHORT_UNIT
            )
            continue
        if ci not in prep.cats:
            continue
        here = Counter(prep.cats[ci][p] for p in members if prep.cats[ci][p] is not None)
        if crit.rule in (Rule.MIX, Rule.SPREAD):
            everyone = Counter(
                prep.cats[ci][p]
                for p in range(len(prep.ids))
                if prep.group_of[p] == group and prep.cats[ci][p] is not None
            )
            off = 0
            for value, n in everyone.items():
                low, high = mix_range(n, prep.group_size[group], size)
                off += max(0, here[value] - high, low - here[value])
            cost[HARD if crit.hard else slot] += off * (1 if crit.hard else crit.weight * MIX_UNIT)
        elif crit.rule == Rule.SIMILAR:
            cost[slot] += crit.weight * SIMILAR_UNIT * len(here)
            cost[HARD] += max(0, len(here) - 1) if crit.hard else 0
        elif crit.rule == Rule.NO_ISOLATION and here[crit.value or ""] == 1:
            cost[HARD if crit.hard else slot] += 1 if crit.hard else crit.weight * ISOLATION_UNIT
    pair_slot = scorer.slot.get(cfg.pair_priority, HARD)
    for rule, a, b in prep.pairs:
        inside = (a in members) + (b in members)
        broken = inside == 1 if rule.together else inside == 2
        if broken and rule.hard:
            cost[HARD] += 1 if rule.together else 2
        elif broken:  # a together-rule is counted half from each of the two teams
            cost[pair_slot] += cfg.pair_weight * PAIR_UNIT // (2 if rule.together else 1)
    for group_members in prep.previous:
        again = sum(p in members for p in group_members)
        cost[HARD if cfg.previous_hard else pair_slot] += max(0, again - 1) * (
            1 if cfg.previous_hard else cfg.pair_weight * PREVIOUS_UNIT
        )
    return cost


CRITERIA = [
    (
        Criterion("GPA", Rule.BALANCE, weight=2),
        Criterion("Gender", Rule.NO_ISOLATION, value="F"),
        Criterion("Avail", Rule.SCHEDULE, min_common=2, priority=2),
        Criterion("Major", Rule.MIX, weight=3),
        Criterion("Lang", Rule.SIMILAR, priority=2),
    ),
    (
        Criterion("Section", Rule.SAME),
        Criterion("GPA", Rule.SPREAD),
        Criterion("Gender", Rule.NO_ISOLATION, value="X", hard=True),
        Criterion("Avail", Rule.SCHEDULE, min_common=1, hard=True),
        Criterion("Major", Rule.MIX, hard=True),
        Criterion("Lang", Rule.SIMILAR, hard=True, priority=3),
    ),
]


@pytest.mark.parametrize("criteria", CRITERIA)
@pytest.mark.parametrize("previous_hard", [False, True])
def test_every_rule_costs_what_it_says(
    criteria: tuple[Criterion, ...], previous_hard: bool
) -> None:
    rng = random.Random(len(criteria) + previous_hard)
    inst = people(40, rng)
    ids = [p.id for p in inst.people]
    same = {p.id: p.categorical["Section"] for p in inst.people}
    pairs = tuple(
        PairRule(a, b, together=i % 2 == 0, hard=i % 3 == 0, source="request")
        for i, (a, b) in enumerate(zip(ids[:20:2], ids[1:20:2], strict=True))
        if same[a] == same[b] or criteria[0].rule != Rule.SAME
    )
    previous = ((tuple(ids[20:24]), tuple(ids[24:28])), (tuple(ids[21:26]),))
    cfg = Config(criteria=criteria, pairs=pairs, previous=previous, previous_hard=previous_hard)
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    groups = list(prep.group_members().values())
    for _ in range(2000):
        group = rng.choice(groups)
        members = rng.sample(group, rng.randint(1, 5))
        cost, devs = scorer.team(members)
        assert cost == reference(prep, scorer, members), members
        assert len(devs) == len(prep.features)


def test_a_worked_example() -> None:
    """Four of six, where a team of four should have exactly two EE and two CS: a woman alone
    (2,000), three EE and one CS (two students off the mix: 2 x 500), no common slot (3,000),
    a broken request (half of 2,000 from this team's side) and former teammates again (1,000)."""
    inst = instance(
        person("a", gender="F", slots="Mon AM", Major="EE"),
        person("b", gender="M", slots="Mon PM", Major="EE"),
        person("c", gender="M", slots="Mon AM", Major="EE"),
        person("d", gender="M", slots="Mon AM", Major="CS"),
        person("e", gender="F", slots="Mon AM", Major="CS"),
        person("f", gender="M", slots="Mon AM", Major="CS"),
    )
    cfg = Config(
        criteria=(
            Criterion("Gender", Rule.NO_ISOLATION, value="F"),
            Criterion("Avail", Rule.SCHEDULE, min_common=1),
            Criterion("Major", Rule.MIX),
        ),
        pairs=(PairRule("a", "e", True, hard=False, source="request"),),
        previous=((("b", "c"),),),
        min_size=2,
        max_size=4,
    )
    prep = prepare(inst, cfg)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    cost, _ = Scorer(prep).team([index[x] for x in "abcd"])
    assert cost == [0, 2000 + 2 * 500 + 3000 + 1000 + 1000]


def test_the_balance_tolerance_worked_example() -> None:
    """Steps of 1/20 SD: 0.17 SD off is 3 steps, 2 beyond the tolerance; 0.07 SD off is 1 step,
    none beyond it."""
    assert BALANCE_TOLERANCE == 1
    assert excess(int(0.17 / BALANCE_STEP)) == 2
    assert excess(int(0.07 / BALANCE_STEP)) == 0
