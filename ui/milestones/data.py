"""How the window names the adjustment presets; the milestone data itself is read by the core."""

from __future__ import annotations

from teamtool.course.milestone_inputs import (
    MilestoneInputs,
    load_inputs,
    options_for,
    scale_for,
    student_names,
    team_set_for,
)
from teamtool.grading import PRESETS, AdjustOptions

#: The presets offered in the window, in this order, with the names the user sees.
PRESET_NAMES: dict[str, str] = {
    "oakley": "Oakley autorating",
    "cornell": "Oakley, Cornell non-voter rule",
    "cmu": "CMU Machine Learning in Production",
    "catme": "CATME",
    "webpa": "WebPA",
    "spark": "SPARKPLUS (SPA)",
}


def preset_of(options: AdjustOptions) -> str | None:
    """The key of the preset equal to ``options``, or None for custom settings."""
    return next((key for key in PRESET_NAMES if PRESETS[key] == options), None)


__all__ = [
    "PRESET_NAMES",
    "MilestoneInputs",
    "load_inputs",
    "options_for",
    "preset_of",
    "scale_for",
    "student_names",
    "team_set_for",
]
