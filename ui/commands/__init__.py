"""Undo commands of the Students and Teams steps: one QUndoCommand per domain operation."""

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
    "DeleteTeamSetCommand",
    "EditStudentCommand",
    "EditTeamSetCommand",
    "ImportRosterCommand",
    "SetAttributeKindCommand",
    "SetDroppedCommand",
    "SetMentorsCommand",
    "move_student",
    "set_locked",
    "set_mentor",
    "swap_mentors",
    "swap_students",
]
