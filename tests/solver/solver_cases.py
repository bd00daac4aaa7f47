"""Small hand-made classes for the solver tests."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence

from solver import Config, Criterion, Instance, PairRule, Person, Rule
from solver.compile.prepare import prepare
from solver.evaluation.scoring import Scorer

#: The benchmark's four criteria on the people of ``mixed_people``.
CRITERIA = (
    Criterion("GPA", Rule.BALANCE),
    Criterion("Gender", Rule.NO_ISOLATION, value="F"),
    Criterion("Avail", Rule.SCHEDULE, min_common=1),
    Criterion("Major", Rule.MIX),
)


def person(
    pid: str,
    gpa: float | None = None,
    gender: str | None = None,
    section: str | None = None,
    slots: str | None = None,
    **extra: str,
) -> Person:
    numeric = {} if gpa is None else {"GPA": gpa}
    categorical = {k: v for k, v in {"Gender": gender, "Section": section, **extra}.items() if v}
    avail = {} if slots is None else {"Avail": frozenset(s.strip() for s in slots.split(";"))}
    return Person(pid, numeric=numeric, categorical=categorical, slots=avail)


def instance(*people: Person) -> Instance:
    return Instance(tuple(people))


def gpa_class(values: Sequence[float]) -> Instance:
    return instance(*(person(f"s{i + 1}", gpa=v) for i, v in enumerate(values)))


def partitions(items: list[str], sizes: list[int]) -> Iterator[list[list[str]]]:
    """Every split of ``items`` into teams of the given sizes (teams unordered)."""
    if not sizes:
        yield []
        return
    first, rest = items[0], items[1:]
    for size in sorted(set(sizes)):
        left = list(sizes)
        left.remove(size)
        for mates in itertools.combinations(rest, size - 1):
            others = [x for x in rest if x not in mates]
            for tail in partitions(others, left):
                yield [[first, *mates], *tail]


def brute_force_best(inst: Instance, config: Config) -> list[int]:
    """The lexicographically least [hard, level 1, ...] score over every partition."""
    prep = prepare(inst, config)
    scorer = Scorer(prep)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    best: list[int] | None = None
    for teams in partitions(list(prep.ids), list(prep.team_size)):
        score = scorer.total([[index[p] for p in team] for team in teams])
        if score[0] == 0 and (best is None or score < best):
            best = score
    assert best is not None
    return best


def score_of(inst: Instance, config: Config, teams: list[list[str]]) -> list[int]:
    prep = prepare(inst, config)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    return Scorer(prep).total([[index[p] for p in team] for team in teams])


SLOTS = ["Mon AM", "Mon PM", "Tue AM", "Tue PM"]


def mixed_people(
    n: int, rng: random.Random, *, decimals: int = 1, women: float = 0.35
) -> list[Person]:
    """Random students with a GPA, a gender, one to three of four free slots and a major."""
    return [
        person(
            f"s{i + 1}",
            gpa=round(rng.uniform(2.0, 4.0), decimals),
            gender="F" if rng.random() < women else "M",
            slots="; ".join(rng.sample(SLOTS, rng.randint(1, 3))),
            Major=rng.choice(["CS", "EE", "ME"]),
        )
        for i in range(n)
    ]


#: A requested trio: s1 (a woman), s2 and s3.
TRIO = (
    PairRule("s1", "s2", True, hard=False, source="request"),
    PairRule("s2", "s3", True, hard=False, source="request"),
)


def trio_class() -> Instance:
    """The trio at GPA 3.0, one more woman (3.6) and eight men (2.5-3.2): class mean 3.0."""
    people = [person("s1", 3.0, "F"), person("s2", 3.0, "M"), person("s3", 3.0, "M")]
    people.append(person("s4", 3.6, "F"))
    men = [2.5, 2.7, 2.9, 2.9, 3.0, 3.1, 3.1, 3.2]
    people += [person(f"s{i + 5}", g, "M") for i, g in enumerate(men)]
    return instance(*people)


#: A requested trio of 3.6s with the class's lowest, 2.0 (team A, 3.2: the high end, held
#: there by the request), B = 2.6, 2.8, 3.0, 3.0 (2.85, the low end), C = 2.8, 3.0, 3.0, 3.0
#: (2.95); class mean 3.0. B's 2.6 for C's 2.8 puts both at 2.9: the spread falls from 0.35
#: to 0.30.
HELD_END_GPAS = (3.6, 3.6, 3.6, 2.0, 2.6, 2.8, 3.0, 3.0, 2.8, 3.0, 3.0, 3.0)


def held_end_class(priority: int = 1) -> tuple[Instance, Config, list[list[int]]]:
    """``HELD_END_GPAS``' class, its config (GPA balanced at ``priority``, the trio's requests)
    and the teams A, B, C as indices of its prepared class (s1-s4, s5-s8, s9-s12)."""
    inst = gpa_class(HELD_END_GPAS)
    requests = (
        PairRule("s1", "s2", True, hard=False, source="request"),
        PairRule("s2", "s3", True, hard=False, source="request"),
    )
    gpa = (Criterion("GPA", Rule.BALANCE, priority=priority),)
    cfg = Config(min_size=4, max_size=4, criteria=gpa, pairs=requests)
    index = {pid: i for i, pid in enumerate(prepare(inst, cfg).ids)}
    return inst, cfg, [[index[f"s{i}"] for i in range(t, t + 4)] for t in (1, 5, 9)]


def team_means(ids: list[str], teams: list[list[int]]) -> list[float]:
    """``HELD_END_GPAS``' team means, lowest first (``ids``: the prepared class's)."""
    value = {f"s{i + 1}": v for i, v in enumerate(HELD_END_GPAS)}
    return sorted(sum(value[ids[p]] for p in m) / len(m) for m in teams)
