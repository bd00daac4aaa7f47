"""Tokens applied to a team grades file: the ledger, the grades entering the peer adjustment,
and the flags of each milestone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from teamtool.files.gradesfile import TeamGrades
from teamtool.grading.results import MilestoneResult
from teamtool.tokens.flags import add_token_flags, token_flag_details
from teamtool.tokens.ledger import LedgerRow, TokenUse, course_ledger, grade_after_tokens
from teamtool.tokens.settings import TokenSettings


@dataclass
class TokenOutcome:
    """The ledger of every team and what it does to the grades."""

    settings: TokenSettings
    ledger: dict[str, list[LedgerRow]]  # team -> rows in milestone order
    grades: dict[str, dict[str, float]]  # milestone -> team -> grade entering the adjustment
    details: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    # milestone -> team -> flag code -> the numbers behind it
    file_grades: dict[str, dict[str, float]] = field(default_factory=dict)  # as in the file
    original_grades: dict[str, dict[str, float]] = field(default_factory=dict)

    def row(self, team: str, milestone: str) -> LedgerRow | None:
        return next((r for r in self.ledger.get(team, ()) if r.milestone == milestone), None)

    def flag(self, result: MilestoneResult) -> MilestoneResult:
        """``result`` with the token flags of its milestone on every member of each team."""
        return add_token_flags(result, self.details.get(result.milestone, {}), self.settings)

    def used_and_left(self, team: str, milestone: str) -> tuple[int, int] | None:
        """Tokens the team has used up to and including ``milestone``, and tokens left."""
        row = self.row(team, milestone)
        if row is None:
            return None
        return self.settings.tokens_per_team - row.left, row.left

    def summary(self) -> str:
        """One line for the CLI: the setting and the tokens each team has left at the end."""
        s = self.settings
        left = ", ".join(f"{team} {rows[-1].left}" for team, rows in self.ledger.items() if rows)
        return (
            f"tokens: {s.tokens_per_team} per team, {s.cost_per_late_day} per late day, "
            f"{s.cost_per_resubmission} per resubmission; {s.policy_text}; left: {left or 'none'}"
        )


def uses_by_team(
    token_uses: Mapping[str, Mapping[str, TokenUse]], milestones: Sequence[str]
) -> dict[str, list[TokenUse]]:
    """Team -> its token uses in milestone order (milestone -> team -> use as read)."""
    out: dict[str, list[TokenUse]] = {}
    for ms in milestones:
        for team, use in token_uses.get(ms, {}).items():
            out.setdefault(team, []).append(use)
    return out


def apply_tokens(grades: TeamGrades, settings: TokenSettings) -> TokenOutcome:
    """The ledger over every milestone of the file, in file order, and the grades it leaves.

    Milestones the command does not adjust still spend tokens: the ledger is the team's whole
    history in the file.
    """
    order = list(dict.fromkeys([*grades.token_uses, *grades]))
    ledger = course_ledger(uses_by_team(grades.token_uses, order), settings)
    outcome = TokenOutcome(
        settings,
        ledger,
        grades={ms: dict(grades.get(ms, {})) for ms in order},
        file_grades={ms: dict(grades.get(ms, {})) for ms in order},
        original_grades={ms: dict(v) for ms, v in grades.original_grades.items()},
    )
    for team, rows in ledger.items():
        for row in rows:
            ms = row.milestone
            grade = grades.get(ms, {}).get(team)
            original = grades.original_grades.get(ms, {}).get(team)
            used = grade_after_tokens(row, settings, grade, original)
            if used is not None:
                outcome.grades[ms][team] = used
            details = token_flag_details(row, settings, grade, original, used)
            if details:
                outcome.details.setdefault(ms, {})[team] = details
    return outcome
