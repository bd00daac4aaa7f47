"""The criteria of the Teams page as plain data (``FormationCriteria.to_dict`` form) and back.

The panel works with plain dicts so that the window starts without loading OR-Tools;
``teamtool.formation`` (which imports the solver) is loaded only to form or evaluate teams.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from teamtool.course.team_quality import NOT_SETTINGS
from teamtool.model import AttributeKind, Roster, TeamSet

if TYPE_CHECKING:
    from teamtool.formation import FormationCriteria

SECTION = "Section"  # the student's section, usable like a categorical column
RESULT = "result"  # the run's status, score and bound, kept next to the criteria of a team set

#: The rules offered for each attribute kind ("off" first); the values of ``solver.Rule``.
RULES_BY_KIND: dict[AttributeKind, list[str]] = {
    AttributeKind.NUMERIC: ["off", "balance", "spread"],
    AttributeKind.CATEGORICAL: ["off", "mix", "similar", "same", "no-isolation"],
    AttributeKind.AVAILABILITY: ["off", "schedule"],
}

DEFAULTS: dict[str, Any] = {
    "min_size": 3,
    "max_size": 5,
    "target_size": None,
    "num_teams": None,
    "rules": [],
    "together": [],
    "apart": [],
    "pairs_hard": True,
    "use_requests": True,
    "pins": {},
    "locked_teams": [],
    "previous": [],
    "previous_hard": False,
    "time_limit": 5.0,
    "seed": 0,
}


def rule(attribute: str, name: str, **extra: Any) -> dict[str, Any]:
    """One attribute rule as stored (see ``teamtool.formation.AttributeRule``)."""
    out: dict[str, Any] = {
        "attribute": attribute,
        "rule": name,
        "priority": 1,
        "weight": 1,
        "value": None,
        "min_common": 1,
        "hard": False,
    }
    out.update(extra)
    return out


def default_criteria(roster: Roster) -> dict[str, Any]:
    """A sensible start (Felder & Brent): a common free slot, then every numeric attribute balanced."""
    rules = [
        rule(a.name, "schedule") for a in roster.attributes_of_kind(AttributeKind.AVAILABILITY)
    ]
    rules += [
        rule(a.name, "balance", priority=2)
        for a in roster.attributes_of_kind(AttributeKind.NUMERIC)
    ]
    return {**DEFAULTS, "rules": rules}


def starting_criteria(roster: Roster, team_sets: list[TeamSet]) -> dict[str, Any]:
    """The criteria of the newest team set formed in teamtool, else :func:`default_criteria`.

    Team sets imported from a file carry no criteria; they are skipped.
    """
    formed = [ts for ts in team_sets if ts.criteria.get("rules")]
    return saved_criteria(formed[-1]) if formed else default_criteria(roster)


def saved_criteria(team_set: TeamSet) -> dict[str, Any]:
    """The criteria a team set was formed with, without the run's result."""
    return {**DEFAULTS, **{k: v for k, v in team_set.criteria.items() if k not in NOT_SETTINGS}}


def to_formation(data: Mapping[str, Any]) -> FormationCriteria:
    """Checked criteria; a FormationError names what is wrong."""
    from teamtool.formation import FormationCriteria

    return FormationCriteria.from_dict({k: v for k, v in data.items() if k not in NOT_SETTINGS})
