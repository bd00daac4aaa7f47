"""Team tokens: a course setting, a pure per-team ledger, and what it does to the grades.

Every team has ``tokens_per_team`` tokens to spend on late days and resubmissions, milestone
by milestone (rules in :mod:`teamtool.tokens.ledger`). The grade a team keeps after its ledger
is the team grade that enters the peer adjustment.
"""

from teamtool.tokens.ledger import (
    LedgerRow,
    TokenUse,
    course_ledger,
    grade_after_tokens,
    team_ledger,
)
from teamtool.tokens.settings import NO_CREDIT, TokenSettings, parse_late_policy

__all__ = [
    "NO_CREDIT",
    "LedgerRow",
    "TokenSettings",
    "TokenUse",
    "course_ledger",
    "grade_after_tokens",
    "parse_late_policy",
    "team_ledger",
]
