"""Flags: rating patterns that need a human look, each with its rule and the numbers behind it.

The rules are proposals in the spirit of CATME's "exceptional conditions" (their thresholds
are not published), so every threshold is in :class:`~teamtool.grading.flag_rules.FlagRules`.
Flags look only at the ratings actually given within the team, never at imputed ones, and do
not change any number. Student flags carry the student id; team flags have ``student_id ""``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from teamtool.grading.cliques import best_split, manipulation
from teamtool.grading.flag_rules import FlagRules
from teamtool.grading.results import Flag, StudentResult
from teamtool.grading.steps import fmt

Cell = tuple[str, str]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def find_flags(
    team: str,
    members: Sequence[str],
    ratings: Mapping[Cell, float],
    results: Sequence[StudentResult],
    rules: FlagRules,
) -> list[Flag]:
    """Every flag of one team: team flags first, then each member's in member order."""
    if not members:
        return []
    texts = rules.describe()
    member_set = set(members)
    given = {c: float(v) for c, v in ratings.items() if c[0] in member_set and c[1] in member_set}
    by_id = {r.student_id: r for r in results}
    flags: list[Flag] = []

    def add(code: str, student: str, detail: str) -> None:
        flags.append(Flag(code, student, team, texts[code], detail))

    raters = {r for r, _ in given}
    if len(raters) <= rules.small_team:
        add("small-team", "", f"{len(raters)} of {len(members)} members submitted ratings")
    averages = {r.team_avg for r in results}
    if averages and all(a is None or a <= 0 for a in averages):
        shown = "no ratings" if averages == {None} else "team average 0"
        add("zero-team-average", "", f"{shown}: factors not computed, grades not adjusted")
    split = best_split(list(members), given)
    if split is not None and split.gap >= rules.clique_gap:
        add(
            "clique",
            "",
            f"{{{', '.join(split.left)}}} and {{{', '.join(split.right)}}}: inside "
            f"{fmt(split.within)}, across {fmt(split.between)}, gap {fmt(split.gap)}",
        )

    peer_cells = [v for (r, s), v in given.items() if r != s]
    peer_team = _mean(peer_cells)
    for s in members:
        result = by_id.get(s)
        peers = [given[(r, s)] for r in members if r != s and (r, s) in given]
        peer_avg = _mean(peers)
        own = given.get((s, s))
        if result is not None and not result.responded:
            add("non-respondent", s, "no rating from this member in the survey")
        if result is not None and given and result.peer_avg is None:
            shown = "nobody rated this member" if own is None else f"only a self-rating, {fmt(own)}"
            add("not-rated-by-peers", s, shown)
        if peer_avg is not None and peer_team:
            factor = peer_avg / peer_team
            code = (
                "low-performer"
                if factor <= rules.low_performer
                else "high-performer"
                if factor >= rules.high_performer
                else None
            )
            if code:
                add(code, s, f"{fmt(peer_avg)} / {fmt(peer_team)} = {fmt(factor)}")
        if own is not None and peer_avg is not None:
            gap = own - peer_avg
            code = (
                "overconfident"
                if gap > 0 and gap >= rules.confidence_gap
                else "underconfident"
                if gap < 0 and -gap >= rules.confidence_gap
                else None
            )
            if code:
                add(code, s, f"self {fmt(own)}, teammates' mean {fmt(peer_avg)}")
        if len(peers) >= 2 and max(peers) - min(peers) >= rules.conflict_range:
            add("conflict", s, f"ratings from teammates {fmt(min(peers))} to {fmt(max(peers))}")
        gave = [given[(s, t)] for t in members if (s, t) in given]
        if len(gave) >= max(rules.non_discriminating_min, 2) and len(set(gave)) == 1:
            add("non-discriminating", s, f"rated all {len(gave)} the same: {fmt(gave[0])}")
        manip = manipulation(s, list(members), given, rules.manipulator_gap)
        if manip is not None:
            add("manipulator", s, manip)
    return flags
