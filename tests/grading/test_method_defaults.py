"""Choosing a method gives its own settings and keeps what belongs to the course."""

from __future__ import annotations

from teamtool.grading import PRESETS, AdjustOptions, FlagRules, Method, MissingPolicy
from teamtool.grading.options import METHOD_PRESETS, method_defaults, with_method


def test_each_method_has_a_preset_of_its_own() -> None:
    for method in Method:
        assert method_defaults(method).method is method
        assert method_defaults(str(method)) == PRESETS[METHOD_PRESETS[method]]


def test_switching_method_keeps_the_non_respondent_policy_and_flag_rules() -> None:
    """Autorating with a 10 % penalty, 1-5 scale flag rules and a 1.2 cap, switched to WebPA:
    WebPA's no cap and 50 % weighting, the penalty and the rules kept."""
    rules = FlagRules.for_scale_step(1)
    mine = AdjustOptions(cap=1.2, missing=MissingPolicy.PENALTY, penalty=10, flag_rules=rules)
    webpa = with_method(mine, Method.WEBPA)
    assert (webpa.method, webpa.cap, webpa.weighting) == (Method.WEBPA, None, 0.5)
    assert (webpa.missing, webpa.penalty, webpa.flag_rules) == (MissingPolicy.PENALTY, 10, rules)
    assert with_method(AdjustOptions(), "webpa") == PRESETS["webpa"]
