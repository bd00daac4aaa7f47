"""Mentors: the mentor list, one mentor per team (CP-SAT, see ``solver.mentors``), the reasons."""

from __future__ import annotations

from teamtool.mentors.assign import MentorError, MentorResult, TeamMentor, assign_mentors
from teamtool.mentors.mentor import Mentor
from teamtool.mentors.reader import read_mentor_list, read_mentors

__all__ = [
    "Mentor",
    "MentorError",
    "MentorResult",
    "TeamMentor",
    "assign_mentors",
    "read_mentor_list",
    "read_mentors",
]
