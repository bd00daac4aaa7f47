"""The solver's plain-data reasons and levels as sentences an instructor can act on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from solver.mentors import Exclusion, Infeasibility, LevelOutcome
from solver.mentors.data import LOAD_RANGE, PREVIOUS, SHARED_SLOT
from teamtool.model import Roster

SHOWN = 6  # names listed before "and N more"


def _listing(items: Sequence[str]) -> str:
    shown = list(items[:SHOWN])
    if len(items) > SHOWN:
        shown.append(f"{len(items) - SHOWN} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def infeasible_message(reason: Infeasibility, roster: Roster | None = None) -> str:
    """Which teams lack a mentor, which mentors they may have, and why the others may not."""
    teams = _listing(reason.teams)
    places = f"{reason.capacity} team{'s' if reason.capacity != 1 else ''}"
    if reason.mentors:  # a blocked set holds one team more than its mentors' places
        head = (
            f"{len(reason.teams)} teams ({teams}) need a mentor each, but the only mentors they "
            f"may have, {_listing(reason.mentors)}, can take {places} together (capacity)"
        )
    else:
        head = f"no mentor may take team {teams}"
    lines = [f"mentors cannot be assigned: {head}."]
    lines += [f"  {line}" for line in _exclusion_lines(reason.exclusions, roster)]
    rules = {e.rule for e in reason.exclusions}
    fixes = ["raise a capacity"] if reason.mentors or "capacity" in rules else []
    fixes += ["shorten an avoid list"] if "avoid" in rules else []
    fixes += ["let mentors take teams of other sections"] if "section" in rules else []
    lines.append(f"To assign mentors, {', '.join([*fixes, 'or add a mentor'])}.")
    return "\n".join(lines)


def _exclusion_lines(found: Sequence[Exclusion], roster: Roster | None) -> list[str]:
    people = roster.by_id() if roster is not None else {}
    grouped: dict[tuple[str, str], list[Exclusion]] = {}
    for e in found:
        grouped.setdefault((e.mentor, e.rule), []).append(e)
    lines = []
    for (mentor, rule), items in grouped.items():
        teams = _listing([e.team for e in items])
        if rule == "capacity":
            lines.append(f"{mentor} has capacity 0.")
        elif rule == "section":
            lines.append(f"{mentor} is of another section than {teams} (same section asked).")
        else:
            students = [
                f"{people[s].label if s in people else s} of {e.team}"
                for e in items
                for s in e.students
            ]
            lines.append(f"{mentor} must not mentor {_listing(students)}.")
    return lines


def level_lines(
    levels: Sequence[LevelOutcome], teams: int, students_before: int, loads: Mapping[str, int]
) -> list[str]:
    """One line per priority level: what was reached and whether it is the best possible."""
    lines = []
    for level in levels:
        best = "the best possible" if level.optimal else "the best found in the time limit"
        if level.name == LOAD_RANGE:
            used = sorted(loads.values())
            lines.append(
                f"loads: {used[0]}–{used[-1]} teams per mentor; the most and least loaded "
                f"differ by {level.value}, {best} within the capacities"
            )
        elif level.name == SHARED_SLOT:
            lines.append(
                f"{level.value} of {teams} teams share a free slot with their mentor, {best}"
            )
        elif level.name == PREVIOUS:
            lines.append(
                f"{level.value} of {students_before} students with a previous mentor keep them, "
                f"{best}"
            )
    return lines
