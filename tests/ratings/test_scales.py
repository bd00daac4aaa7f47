"""Rating scales: the presets against their published sources, answers read tolerantly, files."""

from __future__ import annotations

from pathlib import Path

import pytest

from teamtool.errors import InputError
from teamtool.ratings.scales import PRESETS, Scale, candidate_scales, detect_scale, get_scale


def test_oakley9_values_are_the_autorating_numbers() -> None:
    """Oakley, Felder, Brent & Elhajj (2004) nine terms with the evenly spaced values used by the
    Cornell CS 3110 / CS 2112 peer-evaluation pages: 100, 87.5, 75, ..., 12.5, 0."""
    scale = PRESETS["oakley9"]
    assert scale.levels == (
        ("Excellent", 100.0), ("Very good", 87.5), ("Satisfactory", 75.0), ("Ordinary", 62.5),
        ("Marginal", 50.0), ("Deficient", 37.5), ("Unsatisfactory", 25.0), ("Superficial", 12.5),
        ("No show", 0.0),
    )  # fmt: skip


def test_cmu_scales_are_the_mlip_peergrading_page_values() -> None:
    """CMU 17-445/645 "Machine Learning in Production" peergrading.html: the current 5-level scale
    (commit 03526b4, 2022-08-02) and the first 6-level version (commit 1455d7c, 2022-06-28)."""
    assert dict(PRESETS["cmu5"].levels) == {
        "Good team citizen": 100, "Needs improvement": 90, "Deficient": 60, "Unsatisfactory": 40, "No show": 0,
    }  # fmt: skip
    assert dict(PRESETS["cmu6"].levels) == {
        "Meets expectations": 100, "Marginal": 80, "Deficient": 60, "Unsatisfactory": 40,
        "Superficial": 20, "No show": 0,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Very good", 87.5),
        ("  very   GOOD ", 87.5),
        ("No Show", 0.0),
        ("Very good: consistently did what they were supposed to do", 87.5),
        ("Marginal - sometimes failed to show up", 50.0),
        ("Excellent (tutored teammates)", 100.0),
        ("87.5", 87.5),
        ("87,5", 87.5),
        ("100", 100.0),
        ("Great", None),
        ("90", None),
        ("", None),
        ("Very", None),
    ],
)
def test_oakley9_reads_answers(text: str, value: float | None) -> None:
    assert PRESETS["oakley9"].value_of(text) == value


def test_numeric_scales_accept_numbers_within_bounds() -> None:
    five, seven, free = PRESETS["numeric5"], PRESETS["numeric7"], PRESETS["numeric"]
    assert five.value_of("4") == 4.0
    assert five.value_of("4.5") == 4.5
    assert five.value_of("5 - always there") == 5.0
    assert five.value_of("6") is None
    assert five.value_of("0") is None
    assert seven.value_of("7") == 7.0
    assert free.value_of("-3.25") == -3.25
    assert free.value_of("nan") is None
    assert free.value_of("1e400") is None


def test_label_of_gives_the_canonical_label_or_the_number() -> None:
    assert PRESETS["oakley9"].label_of(87.5) == "Very good"
    assert PRESETS["cmu5"].label_of(90) == "Needs improvement"
    assert PRESETS["numeric5"].label_of(4.0) == "4"
    assert PRESETS["numeric"].label_of(4.25) == "4.25"
    assert PRESETS["oakley9"].label_of(33.0) == "33"


def test_get_scale_by_preset_name_in_any_spelling() -> None:
    assert get_scale("oakley9") is PRESETS["oakley9"]
    assert get_scale(" CMU-5 ") is PRESETS["cmu5"]
    assert get_scale("numeric_7") is PRESETS["numeric7"]


def test_get_scale_reads_a_label_value_file_best_first(data: Path) -> None:
    scale = get_scale(str(data / "scale_custom.csv"))
    assert scale.levels == (("Outstanding", 10.0), ("Solid", 7.0), ("Weak", 3.0), ("Absent", 0.0))
    assert scale.value_of("weak: missed meetings") == 3.0
    assert scale.value_of("7") == 7.0
    assert scale.value_of("8") is None


def test_the_sample_scale_file_matches_the_preset(samples_dir: Path) -> None:
    scale = get_scale(samples_dir / "scales" / "oakley9.csv")
    assert scale.levels == PRESETS["oakley9"].levels


def test_a_bad_scale_file_reports_every_problem(data: Path) -> None:
    with pytest.raises(InputError) as info:
        get_scale(str(data / "scale_bad.csv"))
    text = str(info.value)
    assert 'row 3, column "label": "good" is already on row 2 [duplicate-label]' in text
    assert 'row 4, column "label": the label is empty [empty-label]' in text
    assert 'row 5, column "value": the value "low" of "Bad" is not a number [bad-number]' in text


def test_an_unknown_scale_name_says_what_is_accepted() -> None:
    with pytest.raises(InputError, match=r"neither a scale preset .*oakley9.* nor a scale file"):
        get_scale("oakley10")


def test_detect_scale_prefers_the_preset_that_reads_every_answer() -> None:
    assert detect_scale(["Excellent", "very good", "No show"]) is PRESETS["oakley9"]
    assert detect_scale(["Good team citizen", "Needs improvement"]) is PRESETS["cmu5"]
    assert detect_scale(["Meets expectations", "Marginal"]) is PRESETS["cmu6"]
    assert detect_scale(["1", "5", "3"]) is PRESETS["numeric5"]
    assert detect_scale(["1", "6"]) is PRESETS["numeric7"]
    assert detect_scale(["10", "0", "6.5"]) is PRESETS["numeric"]
    assert detect_scale(["Excellent", "Good team citizen"]) is None
    assert detect_scale([]) is None


def test_shared_labels_fit_several_scales() -> None:
    names = [s.name for s in candidate_scales(["Deficient", "No show"])]
    assert names == ["oakley9", "cmu5", "cmu6"]


def test_a_scale_is_a_frozen_value() -> None:
    scale = Scale("x", (("A", 1.0),))
    with pytest.raises(AttributeError):
        scale.name = "y"  # type: ignore[misc]
