"""The part of a prepared class made of a few of its teams, for an exact re-solve (LNS)."""

from __future__ import annotations

from dataclasses import replace

from solver.compile.prepare import Prepared


def sub_problem(
    prep: Prepared, teams: list[list[int]], chosen: list[int]
) -> tuple[Prepared, list[int]]:
    """The part of ``prep`` made of the ``chosen`` teams, and its people as indices of ``prep``.

    Class-wide targets stay (class means, shares, number of teams); the worst deviation of the
    teams left out becomes a floor of the part's worst deviation.
    """
    people = sorted(p for t in chosen for p in teams[t])
    local = {p: i for i, p in enumerate(people)}
    inside = set(chosen)
    features = []
    for f in prep.features:
        outside = [
            f.deviation(sum(f.values[p] for p in m), len(m), prep.team_group[t])
            for t, m in enumerate(teams)
            if t not in inside
        ]
        features.append(
            replace(f, values=[f.values[p] for p in people], eps_floor=max([f.eps_floor, *outside]))
        )
    part = Prepared(
        config=prep.config,
        ids=[prep.ids[p] for p in people],
        locked=prep.locked,
        group_of=[prep.group_of[p] for p in people],
        team_group=[prep.team_group[t] for t in chosen],
        team_size=[len(teams[t]) for t in chosen],
        pin_of={local[p]: chosen.index(t) for p, t in prep.pin_of.items() if p in local},
        features=features,
        cats={ci: [v[p] for p in people] for ci, v in prep.cats.items()},
        slots={ci: [v[p] for p in people] for ci, v in prep.slots.items()},
        slot_names=prep.slot_names,
        pairs=[(r, local[a], local[b]) for r, a, b in prep.pairs if a in local and b in local],
        previous=[
            g
            for g in ([local[p] for p in grp if p in local] for grp in prep.previous)
            if len(g) >= 2
        ],
        group_size=prep.group_size,
        mix_counts=prep.mix_counts,
        all_teams=prep.all_teams,
    )
    return part, people
