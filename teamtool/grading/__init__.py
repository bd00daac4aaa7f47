"""Grade adjustment: methods, options, flags, explanations; results in ``results.py``."""

from teamtool.grading.adjust import adjust_milestone, adjust_team, adjust_team_with_flags
from teamtool.grading.adjust_choices import Method, MissingPolicy, SelfMode
from teamtool.grading.explain import cmu_percent, explain
from teamtool.grading.flag_rules import FlagRules
from teamtool.grading.flags import find_flags
from teamtool.grading.options import PRESETS, AdjustOptions
from teamtool.grading.results import Flag, MilestoneResult, StudentResult

__all__ = [
    "PRESETS",
    "AdjustOptions",
    "Flag",
    "FlagRules",
    "Method",
    "MilestoneResult",
    "MissingPolicy",
    "SelfMode",
    "StudentResult",
    "adjust_milestone",
    "adjust_team",
    "adjust_team_with_flags",
    "cmu_percent",
    "explain",
    "find_flags",
]
