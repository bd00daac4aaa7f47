"""Undo commands: one ``CourseCommand`` per domain operation, run with ``execute``.

Roster, team-set and mentor commands are exported here; milestone commands live in
:mod:`ui.commands.milestones`, token commands in :mod:`ui.tokens.commands`.
"""

from ui.commands.base import CourseCommand, execute
from ui.commands.mentors import SetMentorsCommand, set_mentor, swap_mentors
from ui.commands.roster import (
    AddStudentCommand,
    EditStudentCommand,
    ImportRosterCommand,
    SetAttributeKindCommand,
    SetDroppedCommand,
)
from ui.commands.teams import (
    AddTeamSetCommand,
    DeleteTeamSetCommand,
    EditTeamSetCommand,
    move_student,
    set_locked,
    swap_students,
)

__all__ = [
    "AddStudentCommand",
    "AddTeamSetCommand",
    "CourseCommand",
    "DeleteTeamSetCommand",
    "EditStudentCommand",
    "EditTeamSetCommand",
    "ImportRosterCommand",
    "SetAttributeKindCommand",
    "SetDroppedCommand",
    "SetMentorsCommand",
    "execute",
    "move_student",
    "set_locked",
    "set_mentor",
    "swap_mentors",
    "swap_students",
]
