"""The repeated-low flag on the worked example of ``teamtool/grading/repeated_low.py``."""

from __future__ import annotations

from teamtool.grading import AdjustOptions, MilestoneResult, adjust_milestone
from teamtool.grading.repeated_low import add_repeated_low
from teamtool.model import Rating

TEAM = ["ryan", "ana", "ben", "cai"]


def milestone_ratings(to_ryan: list[float]) -> list[Rating]:
    """Every rating between teammates 75, except the three teammates' ratings of Ryan."""
    out = [Rating(r, s, 75.0) for r in TEAM for s in TEAM if s != "ryan" or r == "ryan"]
    out += [Rating(r, "ryan", v) for r, v in zip(TEAM[1:], to_ryan, strict=True)]
    return out


def adjust(name: str, to_ryan: list[float]) -> MilestoneResult:
    return adjust_milestone(
        name, {"T": TEAM}, milestone_ratings(to_ryan), {"T": 80.0}, 100.0, AdjustOptions()
    )


def codes(result: MilestoneResult, student: str) -> list[str]:
    return [f.code for f in result.by_student()[student].flags]


def test_low_on_two_milestones_in_a_row_is_flagged_on_the_second() -> None:
    m1 = adjust("M1", [50, 37.5, 25])  # 37.5 / 65.625 = 0.571
    m2 = adjust("M2", [62.5, 62.5, 50])  # 58.33 / 70.83 = 0.824
    assert "low-performer" in codes(m1, "ryan")
    assert "low-performer" in codes(m2, "ryan")
    first, second = add_repeated_low([m1, m2])
    assert "repeated-low" not in codes(first, "ryan")
    flag = next(f for f in second.by_student()["ryan"].flags if f.code == "repeated-low")
    assert (flag.team, flag.student_id) == ("T", "ryan")
    assert "<= 0.85" in flag.rule
    assert flag.detail == "M1: 37.5 / 65.625 = 0.571; M2: 58.333 / 70.833 = 0.824"
    assert all("repeated-low" not in codes(second, s) for s in TEAM[1:])
    assert add_repeated_low([first, second])[1].by_student()["ryan"].flags == (
        second.by_student()["ryan"].flags
    )  # a second pass adds nothing


def test_a_better_milestone_between_breaks_the_run() -> None:
    low, fine = adjust("M1", [50, 37.5, 25]), adjust("M2", [75, 75, 75])
    assert "low-performer" not in codes(fine, "ryan")  # 75 / 75 = 1
    results = add_repeated_low([low, fine, adjust("M3", [50, 37.5, 25])])
    assert ["repeated-low" in codes(r, "ryan") for r in results] == [False, False, False]


def test_just_above_the_threshold_is_not_low() -> None:
    # 62.5, 75, 62.5: mean 66.67; team (200 + 675) / 12 = 72.92; 0.914 > 0.85
    results = add_repeated_low([adjust("M1", [50, 37.5, 25]), adjust("M2", [62.5, 75, 62.5])])
    assert "low-performer" not in codes(results[1], "ryan")
    assert "repeated-low" not in codes(results[1], "ryan")
