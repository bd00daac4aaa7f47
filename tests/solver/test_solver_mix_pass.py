"""The last pass for mixing: an exchange that mixes two teams and keeps their balance."""

from __future__ import annotations

import pytest
from solver_cases import instance, person

from solver import Config, Criterion, Rule, evaluate
from solver.compile.prepare import prepare
from solver.compile.units import MIX_UNIT
from solver.evaluation.scoring import Scorer
from solver.search.mix_pass import MixPass

CRITERIA = (Criterion("GPA", Rule.BALANCE), Criterion("Major", Rule.MIX, priority=2))


def test_an_exchange_of_equal_gpas_mixes_both_teams() -> None:
    """Two of each major in teams of four: each team should hold one of each. Team 1 holds two
    CS and no BME, team 2 two BME and no CS (4 students off their share: 4 x MIX_UNIT); both
    means are the class mean 3.0. Exchanging a CS at 3.0 for a BME at 3.0 mixes both teams and
    leaves both means where they were."""
    majors = ["CS", "CS", "EE", "ME", "EE", "BME", "BME", "ME"]
    gpas = [3.0, 3.0, 2.8, 3.2, 3.0, 2.8, 3.0, 3.2]
    inst = instance(
        *(
            person(f"s{i + 1}", g, Major=m)
            for i, (m, g) in enumerate(zip(majors, gpas, strict=True))
        )
    )
    cfg = Config(min_size=4, max_size=4, criteria=CRITERIA)
    prep = prepare(inst, cfg)
    scorer = Scorer(prep)
    index = {pid: i for i, pid in enumerate(prep.ids)}
    start = [[index[f"s{i}"] for i in range(k, k + 4)] for k in (1, 5)]
    assert scorer.total(start)[1:] == [0, 4 * MIX_UNIT]
    mixed = MixPass(prep, scorer, seed=1).run(start, 100)
    assert scorer.total(mixed)[1:] == [0, 0]
    teams = [[prep.ids[p] for p in m] for m in mixed]
    assert all(len({majors[int(p[1:]) - 1] for p in team}) == 4 for team in teams)
    assert evaluate(inst, cfg, teams).summary.worst_deviation["GPA"] == pytest.approx(0.0)


def test_without_a_mix_rule_it_changes_nothing() -> None:
    inst = instance(
        *(person(f"s{i}", 2.0 + i / 4, Major="CS" if i < 4 else "EE") for i in range(8))
    )
    cfg = Config(min_size=4, max_size=4, criteria=CRITERIA[:1])
    prep = prepare(inst, cfg)
    start = [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert MixPass(prep, Scorer(prep), seed=1).run(start, 100) == start
