"""FormationCriteria: what the instructor asked for, JSON-able, stored in ``TeamSet.criteria``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from teamtool.errors import FormationError

RULES = ("balance", "spread", "mix", "similar", "same", "no-isolation", "schedule")


@dataclass
class AttributeRule:
    """A rule on one roster column (see ``solver.Criterion`` for the meaning of each field)."""

    attribute: str
    rule: str
    priority: int = 1
    weight: int = 1
    value: str | None = None
    min_common: int = 1
    hard: bool = False

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            raise FormationError(
                f"unknown rule '{self.rule}' for column \"{self.attribute}\"; "
                f"use one of {', '.join(RULES)}",
                code="unknown-rule",
            )
        if self.rule == "no-isolation" and not self.value:
            raise FormationError(
                f'no-isolation of column "{self.attribute}" needs the value to protect '
                f"(e.g. {self.attribute}=F)",
                code="missing-value",
            )
        if self.priority < 1 or self.weight < 1 or self.min_common < 0:
            raise FormationError(
                f'column "{self.attribute}": priority and weight must be 1 or more',
                code="bad-weight",
            )


@dataclass
class FormationCriteria:
    """Sizes, per-column rules, pairs, pins, locked teams, earlier team sets, time and seed.

    ``pins`` maps a student id to a team number (1 = the first team). ``previous`` names
    earlier team sets (by name or id) whose teammates should not meet again.
    """

    min_size: int = 3
    max_size: int = 5
    target_size: int | None = None
    num_teams: int | None = None
    rules: list[AttributeRule] = field(default_factory=list)
    together: list[tuple[str, str]] = field(default_factory=list)
    apart: list[tuple[str, str]] = field(default_factory=list)
    pairs_hard: bool = True
    use_requests: bool = True
    pins: dict[str, int] = field(default_factory=dict)
    locked_teams: list[str] = field(default_factory=list)
    previous: list[str] = field(default_factory=list)
    previous_hard: bool = False
    time_limit: float = 5.0
    seed: int = 0
    #: budgets as counts (the same teams every time) rather than the clock's whole limit
    deterministic: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.min_size <= self.max_size:
            raise FormationError(
                f"team sizes {self.min_size}–{self.max_size} are not a range; "
                "give the smaller size first",
                code="bad-size",
            )
        if self.time_limit <= 0:
            raise FormationError("the time limit must be more than 0 seconds", code="bad-time")

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["together"] = [list(p) for p in self.together]
        data["apart"] = [list(p) for p in self.apart]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormationCriteria:
        """Read criteria saved by ``to_dict`` (unknown keys are an error, not ignored)."""
        known = set(cls.__dataclass_fields__)
        extra = set(data) - known
        if extra:
            raise FormationError(
                f"unknown formation setting(s): {', '.join(sorted(extra))}", code="bad-criteria"
            )
        values = dict(data)
        try:
            values["rules"] = [AttributeRule(**r) for r in data.get("rules", [])]
            values["together"] = [(str(a), str(b)) for a, b in data.get("together", [])]
            values["apart"] = [(str(a), str(b)) for a, b in data.get("apart", [])]
            values["pins"] = {str(k): int(v) for k, v in data.get("pins", {}).items()}
            return cls(**values)
        except (TypeError, ValueError) as exc:
            raise FormationError(
                f"the saved formation settings are damaged ({exc})", code="bad-criteria"
            ) from exc
