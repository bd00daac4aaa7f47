"""Mentor debriefs: per milestone, one printable page per team (members, grades, factors and
flags, the rating heat map in the scale's labels, anonymous comments, factors so far)."""

from teamtool.debriefs.build import build_debriefs
from teamtool.debriefs.files import plan_files, write_debriefs
from teamtool.debriefs.html_page import render_debriefs
from teamtool.debriefs.model import DebriefExtras, TeamDebrief

__all__ = [
    "DebriefExtras",
    "TeamDebrief",
    "build_debriefs",
    "plan_files",
    "render_debriefs",
    "write_debriefs",
]
