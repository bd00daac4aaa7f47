"""The token ledger on worked examples: exactly enough, one short, a refused resubmission, and
the percentage policy. Course setting: 8 tokens, 1 per late day, 3 per resubmission."""

from __future__ import annotations

import pytest

from teamtool.errors import InputError
from teamtool.tokens import (
    TokenSettings,
    TokenUse,
    grade_after_tokens,
    parse_late_policy,
    team_ledger,
)

COURSE = TokenSettings()


def spent_left(rows: list) -> list[tuple[int, int]]:
    return [(r.spent, r.left) for r in rows]


def test_exactly_enough_tokens_pays_everything() -> None:
    # M1 3 days late (3), M2 one resubmission (3), M3 2 days late (2): 3 + 3 + 2 = 8.
    uses = [TokenUse("M1", 3, 0), TokenUse("M2", 0, 1), TokenUse("M3", 2, 0)]
    rows = team_ledger("T1", uses, COURSE)
    assert spent_left(rows) == [(3, 5), (3, 2), (2, 0)]
    assert not any(r.late_no_tokens or r.resubmission_refused for r in rows)
    assert grade_after_tokens(rows[1], COURSE, 91.0, 70.0) == 91.0  # the resubmitted grade
    assert grade_after_tokens(rows[2], COURSE, 84.0, None) == 84.0


def test_one_token_short_is_no_credit_and_keeps_the_tokens() -> None:
    # Same, but M3 is 3 days late with 2 tokens left: no credit, nothing spent, 2 kept for M4.
    uses = [TokenUse("M1", 3), TokenUse("M2", 0, 1), TokenUse("M3", 3), TokenUse("M4", 2)]
    rows = team_ledger("T1", uses, COURSE)
    assert spent_left(rows) == [(3, 5), (3, 2), (0, 2), (2, 0)]
    m3 = rows[2]
    assert (m3.days_paid, m3.days_unpaid, m3.no_credit, m3.late_no_tokens) == (0, 3, True, True)
    assert grade_after_tokens(m3, COURSE, 84.0, None) == 0.0
    assert grade_after_tokens(rows[3], COURSE, 77.0, None) == 77.0


def test_resubmission_refused_keeps_the_original_grade() -> None:
    # M1 6 days late: 2 left; M2's resubmission costs 3: refused, 70 stands, 2 still left.
    rows = team_ledger("T1", [TokenUse("M1", 6), TokenUse("M2", 0, 1)], COURSE)
    assert spent_left(rows) == [(6, 2), (0, 2)]
    assert rows[1].resubmission_refused
    assert not rows[1].late_no_tokens
    assert grade_after_tokens(rows[1], COURSE, 88.0, 70.0) == 70.0


def test_late_and_resubmitted_on_one_milestone_pays_late_days_first() -> None:
    # 5 tokens left before M2: 2 late days (2) leave 3, exactly one resubmission.
    rows = team_ledger("T1", [TokenUse("M1", 3), TokenUse("M2", 2, 1)], COURSE)
    assert spent_left(rows) == [(3, 5), (5, 0)]
    # 3 late days leave 2: the resubmission is refused, the late days are paid.
    rows = team_ledger("T1", [TokenUse("M1", 3), TokenUse("M2", 3, 1)], COURSE)
    assert spent_left(rows) == [(3, 5), (3, 2)]
    assert rows[1].resubmission_refused


def test_no_credit_milestone_refuses_its_resubmission_too() -> None:
    rows = team_ledger("T1", [TokenUse("M1", 9, 1)], COURSE)
    assert spent_left(rows) == [(0, 8)]
    assert rows[0].no_credit
    assert rows[0].resubmission_refused
    assert grade_after_tokens(rows[0], COURSE, 95.0, 80.0) == 0.0


def test_percentage_policy_pays_what_it_can_and_deducts_the_rest() -> None:
    # 10 % per unpaid day: M1 6 days (6, 2 left); M2 4 days late: 2 paid, 2 unpaid -> 80 x 0.8.
    policy = TokenSettings(late_percent_per_day=10)
    rows = team_ledger("T1", [TokenUse("M1", 6), TokenUse("M2", 4)], policy)
    assert spent_left(rows) == [(6, 2), (2, 0)]
    assert (rows[1].days_paid, rows[1].days_unpaid, rows[1].no_credit) == (2, 2, False)
    assert grade_after_tokens(rows[1], policy, 80.0, None) == pytest.approx(64.0)
    # 15 unpaid days at 10 % would be below 0: the grade stops at 0.
    rows = team_ledger("T1", [TokenUse("M1", 23)], policy)
    assert (rows[0].days_paid, rows[0].left) == (8, 0)
    assert grade_after_tokens(rows[0], policy, 80.0, None) == 0.0


def test_other_costs_and_a_team_without_grade() -> None:
    free_days = TokenSettings(tokens_per_team=2, cost_per_late_day=0, cost_per_resubmission=2)
    rows = team_ledger("T1", [TokenUse("M1", 10, 1), TokenUse("M2", 0, 1)], free_days)
    assert spent_left(rows) == [(2, 0), (0, 0)]
    assert rows[1].resubmission_refused
    assert grade_after_tokens(rows[1], free_days, None, None) is None


def test_settings_and_policy_text_are_checked() -> None:
    assert parse_late_policy("no credit") is None
    assert parse_late_policy("10%") == 10.0
    assert parse_late_policy(" 5 ") == 5.0
    with pytest.raises(InputError, match="neither"):
        parse_late_policy("half")
    with pytest.raises(InputError, match="0 to 100"):
        parse_late_policy("150%")
    with pytest.raises(InputError, match="tokens per team"):
        TokenSettings(tokens_per_team=-1)
    with pytest.raises(InputError, match="percentage"):
        TokenSettings(late_percent_per_day=float("nan"))
