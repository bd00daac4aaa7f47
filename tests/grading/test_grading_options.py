"""Adjustment options: validation, JSON round trip, presets."""

from __future__ import annotations

import json
from typing import Any

import pytest

from teamtool.errors import GradingError
from teamtool.grading import PRESETS, AdjustOptions, FlagRules, Method, MissingPolicy, SelfMode


def test_defaults_are_the_oakley_autorating() -> None:
    o = AdjustOptions()
    assert o.method is Method.AUTORATING
    assert o.self_mode is SelfMode.INCLUDE
    assert o.cap == 1.05
    assert o.floor is None
    assert o.cap_at_max
    assert o.missing is MissingPolicy.IGNORE


def test_json_round_trip_through_text() -> None:
    o = AdjustOptions(
        method=Method.WEBPA,
        self_mode=SelfMode.EXCLUDE,
        cap=None,
        floor=0.5,
        round_grade=1,
        missing=MissingPolicy.PENALTY,
        penalty=5,
        weighting=0.5,
        flag_rules=FlagRules(conflict_range=50, small_team=3),
    )
    text = json.dumps(o.to_json())
    back = AdjustOptions.from_json(json.loads(text))
    assert back == o
    assert json.loads(text)["method"] == "webpa"
    assert json.loads(text)["flag_rules"]["conflict_range"] == 50


def test_strings_are_accepted_for_enums() -> None:
    """Settings files and the CLI give plain strings."""
    plain: dict[str, Any] = {"method": "spark", "self_mode": "exclude", "missing": "impute"}
    o = AdjustOptions(**plain)
    assert o.method is Method.SPARK
    assert o.missing is MissingPolicy.IMPUTE


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"method": "magic"}, "Unknown method 'magic'"),
        ({"cap": 0}, "cap must be above 0"),
        ({"floor": 1.2, "cap": 1.05}, "floor .* is above the cap"),
        ({"weighting": 1.5}, "between 0 and 1"),
        ({"penalty": -1}, "penalty must be 0 or more"),
        ({"penalty": 150}, "at most 100"),
        ({"round_grade": -1}, "decimals from 0 to 10"),
        ({"cap": float("nan")}, "finite"),
        ({"impute_others": -25}, "Imputed ratings"),
    ],
)
def test_bad_options_raise_grading_error(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(GradingError, match=message):
        AdjustOptions(**changes)


def test_points_penalty_may_exceed_100() -> None:
    assert AdjustOptions(penalty=150, penalty_percent=False).penalty == 150


def test_bad_flag_rules() -> None:
    with pytest.raises(GradingError, match="must be a number of 0 or more"):
        FlagRules(conflict_range=-1)
    with pytest.raises(GradingError, match="below the high-performer"):
        FlagRules(low_performer=1.1, high_performer=1.05)


def test_from_json_refuses_unknown_keys() -> None:
    with pytest.raises(GradingError, match="Unknown adjustment setting"):
        AdjustOptions.from_json({"capp": 1.1})
    with pytest.raises(GradingError, match="Unknown flag rule"):
        AdjustOptions.from_json({"flag_rules": {"clique": 3}})


def test_from_json_wrong_type_is_a_grading_error() -> None:
    with pytest.raises(GradingError, match="cap setting must be a finite number"):
        AdjustOptions.from_json({"cap": "high"})
    with pytest.raises(GradingError, match="decimals from 0 to 10"):
        AdjustOptions.from_json({"round_factor": "2"})
    with pytest.raises(GradingError, match="flag_rules must be"):
        AdjustOptions.from_json({"flag_rules": [1, 2]})


def test_presets() -> None:
    """Each preset carries its source's settings (see the comments in options.py)."""
    assert PRESETS["oakley"].cap == 1.05
    assert PRESETS["cmu"].round_factor == 2
    assert (PRESETS["catme"].snap, PRESETS["catme"].cap) == (0.95, 1.05)
    assert PRESETS["cornell"].missing is MissingPolicy.IMPUTE
    assert (PRESETS["cornell"].impute_self, PRESETS["cornell"].impute_others) == (0, 25)
    assert PRESETS["webpa"].method is Method.WEBPA
    assert PRESETS["webpa"].weighting == 0.5
    assert PRESETS["webpa"].cap is None
    assert PRESETS["spark"].method is Method.SPARK
    for preset in PRESETS.values():
        assert AdjustOptions.from_json(preset.to_json()) == preset


def test_flag_rules_for_another_scale() -> None:
    """The default gaps are 1, 3 and 2 levels of the 0-100 autorating scale (12.5 apart)."""
    assert FlagRules.for_scale_step(12.5) == FlagRules()
    five = FlagRules.for_scale_step(1)
    assert (five.confidence_gap, five.conflict_range, five.clique_gap) == (2, 3, 2)
    with pytest.raises(GradingError, match="scale step"):
        FlagRules.for_scale_step(0)
