"""The token flags, on every member of the team: ``late-no-tokens`` and ``resubmission-refused``.

They are ordinary :class:`~teamtool.grading.results.Flag` objects, so the CLI, the window, the
CSV and the workbook show them like the rating flags, and an override (with its reason)
replaces a flagged grade like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from teamtool.grading.results import Flag, MilestoneResult
from teamtool.grading.steps import fmt
from teamtool.tokens.ledger import LedgerRow
from teamtool.tokens.settings import TokenSettings

LATE_NO_TOKENS = "late-no-tokens"
RESUBMISSION_REFUSED = "resubmission-refused"
TOKEN_FLAG_CODES = (LATE_NO_TOKENS, RESUBMISSION_REFUSED)


def token_rules(settings: TokenSettings) -> dict[str, str]:
    """Flag code -> the rule in words with the course's numbers."""
    return {
        LATE_NO_TOKENS: f"late days cost {settings.cost_per_late_day} token(s) each; "
        f"unpaid: {settings.policy_text}",
        RESUBMISSION_REFUSED: f"a resubmission costs {settings.cost_per_resubmission} tokens; "
        "without them the original grade stands",
    }


def _num(value: float | None) -> str:
    return "none" if value is None else fmt(value)


def token_flag_details(
    row: LedgerRow,
    settings: TokenSettings,
    grade: float | None,
    original: float | None,
    used: float | None,
) -> dict[str, str]:
    """Code -> the numbers behind each token flag this ledger row raises."""
    details: dict[str, str] = {}
    if row.resubmission_refused:
        cost = row.resubmissions * settings.cost_per_resubmission
        why = (
            "the milestone gets no credit"
            if row.no_credit
            else f"{row.before - row.days_paid * settings.cost_per_late_day} left"
        )
        details[RESUBMISSION_REFUSED] = (
            f"{row.resubmissions} resubmission(s) cost {cost} tokens, {why}: "
            f"original grade {_num(original)} stands (resubmitted {_num(grade)})"
        )
    if row.late_no_tokens:
        base = original if row.resubmission_refused else grade
        if row.no_credit:
            what = f"no credit, team grade 0 instead of {_num(base)}"
        else:
            what = (
                f"{row.days_paid} paid, {row.days_unpaid} unpaid at "
                f"{settings.late_percent_per_day:g}% each: team grade {_num(base)} -> {_num(used)}"
            )
        details[LATE_NO_TOKENS] = f"{row.days_late} day(s) late, {row.before} token(s) left: {what}"
    return details


def add_token_flags(
    result: MilestoneResult,
    details: Mapping[str, Mapping[str, str]],
    settings: TokenSettings,
) -> MilestoneResult:
    """``result`` with each team's token flags (team -> code -> detail) on every member."""
    rules = token_rules(settings)
    students = []
    for r in result.students:
        extra = tuple(
            Flag(code, r.student_id, r.team, rules[code], detail)
            for code, detail in details.get(r.team, {}).items()
        )
        students.append(replace(r, flags=r.flags + extra) if extra else r)
    return replace(result, students=students)
