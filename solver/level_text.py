"""One line per priority level for people: what it holds, its score, its proven bound."""

from __future__ import annotations

from solver.data import Config, Progress, Rule
from solver.solution import LevelResult, gap_of


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
            gap = gap_of(lv.objective, lv.bound)
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
