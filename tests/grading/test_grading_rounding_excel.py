"""Rounding as Excel's ROUND does it, on the number as shown to 15 digits."""

from __future__ import annotations

from teamtool.grading.steps import round_half_up


def test_ties_that_binary_floats_hide_round_up_as_in_excel() -> None:
    """77 × 0.95 is stored as 73.14999999999999; Excel and LibreOffice show 73.15 and round to 73.2."""
    assert 77 * 0.95 != 73.15
    assert round_half_up(77 * 0.95, 1) == 73.2
    assert round_half_up(2.675, 2) == 2.68
    assert round_half_up(-0.5, 0) == -1.0
    assert round_half_up(1.0049, 2) == 1.0
