"""The one keyed-table header reader, and every header synonym of the core's keyed files.

A keyed table is a file whose first row names its columns: a teams file, a grades file, an
overrides file, previous mentors, a mentor list. A header cell matches a synonym when both,
folded (case, accents, runs of spaces; :func:`teamtool.names.fold`) and with ``_`` read as a
space, are equal. Each list is in order of preference: the first synonym present wins, so
``Header(["id", "student_id"]).find(TEAMS_STUDENT)`` is 1 (``student_id`` comes before ``id``).
"""

from __future__ import annotations

from collections.abc import Sequence

from teamtool.names import fold

# A teams file (``student_id,team``) and a Canvas group-set export (``group_name``).
TEAMS_STUDENT = ("student_id", "student id", "user_id", "sis user id", "id", "student", "email")
TEAMS_TEAM = ("team", "group_name", "group name", "group", "team name", "team_name")
CANVAS_USER_ID = "canvas_user_id"
CANVAS_LOGIN_ID = "login_id"

# A team grades file (``team,grade[,max][,milestone]``) and its optional token columns.
GRADES_TEAM = ("team", "team name", "group", "group name", "group_name")
GRADES_GRADE = ("grade", "team grade", "score", "points", "mark")
GRADES_MAX = ("max", "max points", "maximum", "points possible", "out of")
GRADES_MILESTONE = ("milestone", "assignment", "deliverable")
DAYS_LATE = ("days_late", "days late", "late days")
RESUBMISSIONS = ("resubmissions", "resubmission", "resubmitted")
ORIGINAL_GRADE = ("original_grade", "original grade", "grade before resubmission")

# An overrides file (``teamtool adjust --overrides``).
OVERRIDE_STUDENT = ("student_id", "student id", "student", "id", "sis user id")
OVERRIDE_GRADE = ("grade", "override", "new grade")
OVERRIDE_REASON = ("reason", "why")
OVERRIDE_MILESTONE = ("milestone", "assignment")

# Previous mentors (a student or team column, and a mentor column).
PREVIOUS_MENTOR = ("mentor", "mentor name", "mentor_name", "ta", "mentor_email", "mentor email")

# A mentor list: each field and its synonyms (compared folded, ``_`` kept).
MENTOR_LIST: dict[str, tuple[str, ...]] = {
    "name": ("name", "mentor", "mentor name", "ta", "ta name", "full name"),
    "email": ("email", "e-mail", "email address", "mail"),
    "availability": ("availability", "available", "free slots", "slots", "free time", "schedule"),
    "capacity": ("capacity", "most teams", "max teams", "maximum teams"),
    "section": ("section", "sections", "lab"),
    "avoid": ("avoid", "avoid students", "do not mentor"),
}


def header_key(text: str) -> str:
    """The text a header cell is compared by: folded, ``_`` read as a space."""
    return fold(text).replace("_", " ")


class Header:
    """A keyed table's header row: finds a column by its synonyms."""

    def __init__(self, cells: Sequence[str]) -> None:
        self.cells = list(cells)
        self._keys = [header_key(cell) for cell in self.cells]

    def find(self, synonyms: Sequence[str]) -> int | None:
        """The index of the column of the first synonym present, or None."""
        for name in synonyms:
            key = header_key(name)
            if key in self._keys:
                return self._keys.index(key)
        return None

    def has(self, name: str) -> bool:
        return header_key(name) in self._keys

    def title(self, index: int | None) -> str | None:
        """The header text of column ``index`` as written in the file (None: no such column)."""
        return self.cells[index] if index is not None and index < len(self.cells) else None
