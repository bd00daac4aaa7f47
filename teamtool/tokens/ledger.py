"""The token ledger of a team: milestones in order, late days paid first, then resubmissions.

Rules (the workbook's Tokens sheet computes exactly these with formulas):

* A late milestone costs ``days x cost_per_late_day``. When the tokens left pay for every late
  day, all are paid. When they do not:

  - under "no credit" the team pays **nothing** for this milestone (its grade is 0 whatever it
    pays, so its tokens are kept for later milestones) and every late day is unpaid;
  - under a percentage policy the team pays for as many days as its tokens cover, and each
    unpaid day deducts the percentage.

* A resubmission costs ``resubmissions x cost_per_resubmission``, paid from what is left
  after the late days, all or nothing (the file holds one resubmitted grade, the last). One
  the team cannot pay for is refused: the original grade stands and no token is spent on it.
  On a milestone that gets no credit a resubmission is refused too (it could not count).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from teamtool.tokens.settings import TokenSettings


@dataclass(frozen=True)
class TokenUse:
    """What one team asked for on one milestone: the ledger's input, edited in the window."""

    milestone: str
    days_late: int = 0
    resubmissions: int = 0


@dataclass(frozen=True)
class LedgerRow:
    """One milestone of a team's ledger: what it asked for, what was paid, tokens spent and left."""

    team: str
    milestone: str
    days_late: int
    resubmissions: int
    before: int  # tokens left before this milestone
    days_paid: int
    resubmission_accepted: bool
    spent: int
    left: int
    no_credit: bool  # late days unpaid under the "no credit" policy

    @property
    def days_unpaid(self) -> int:
        return self.days_late - self.days_paid

    @property
    def late_no_tokens(self) -> bool:
        return self.days_unpaid > 0

    @property
    def resubmission_refused(self) -> bool:
        return self.resubmissions > 0 and not self.resubmission_accepted


def team_ledger(team: str, uses: Iterable[TokenUse], settings: TokenSettings) -> list[LedgerRow]:
    """The ledger of one team over its milestones, in the order given."""
    left = settings.tokens_per_team
    rows: list[LedgerRow] = []
    per_day, per_resub = settings.cost_per_late_day, settings.cost_per_resubmission
    for use in uses:
        before = left
        if use.days_late * per_day <= before:
            days_paid = use.days_late
        elif settings.late_percent_per_day is None:
            days_paid = 0  # no credit anyway: keep the tokens
        else:
            days_paid = before // per_day  # per_day > 0 here, or every day would be affordable
        no_credit = settings.late_percent_per_day is None and days_paid < use.days_late
        after_late = before - days_paid * per_day
        accepted = (
            use.resubmissions > 0 and not no_credit and use.resubmissions * per_resub <= after_late
        )
        spent = days_paid * per_day + (use.resubmissions * per_resub if accepted else 0)
        left = before - spent
        rows.append(
            LedgerRow(
                team=team,
                milestone=use.milestone,
                days_late=use.days_late,
                resubmissions=use.resubmissions,
                before=before,
                days_paid=days_paid,
                resubmission_accepted=accepted,
                spent=spent,
                left=left,
                no_credit=no_credit,
            )
        )
    return rows


def course_ledger(
    uses: Mapping[str, Sequence[TokenUse]], settings: TokenSettings
) -> dict[str, list[LedgerRow]]:
    """Team -> its ledger rows."""
    return {team: team_ledger(team, team_uses, settings) for team, team_uses in uses.items()}


def grade_after_tokens(
    row: LedgerRow, settings: TokenSettings, grade: float | None, original: float | None
) -> float | None:
    """The team grade that enters the peer adjustment.

    ``grade`` is the grade in the file (the resubmitted one when the milestone was resubmitted)
    and ``original`` the grade before the resubmission. A refused resubmission keeps
    ``original``; unpaid late days then give 0 (no credit) or deduct the percentage per day
    from that grade, never below 0.
    """
    base = original if row.resubmission_refused else grade
    if base is None:
        return None
    if row.no_credit:
        return 0.0
    if row.days_unpaid and settings.late_percent_per_day is not None:
        kept = 1 - settings.late_percent_per_day * row.days_unpaid / 100
        return base * max(kept, 0.0)
    return base
