"""Survey layouts: what a response looks like once read, and which layout a grid is."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teamtool.errors import SurveyError
from teamtool.files.tables import Grid
from teamtool.names import fold
from teamtool.ratings.member_columns import has_member_groups

LAYOUTS = ("long", "google", "msforms", "qualtrics", "members")
LAYOUT_NAMES = {
    "long": "long format (rater, ratee, rating)",
    "google": "Google Forms",
    "msforms": "Microsoft Forms",
    "qualtrics": "Qualtrics",
    "members": "Repeated team-member questions",
}
#: Layouts whose ratee is written in a cell next to the rating (not in the column header).
CELL_RATEE_LAYOUTS = ("long", "members")
GRID_HEADER = re.compile(r"^(?P<question>.*?)\s*\[(?P<person>[^\[\]]+)\]\s*$", re.DOTALL)

#: Long-format header names (folded, ``_`` read as a space) for each role.
LONG_ROLES = {
    "rater": (
        "rater",
        "rater id",
        "rater email",
        "rater name",
        "from",
        "reviewer",
        "evaluator",
        "rated by",
    ),
    "ratee": (
        "ratee",
        "ratee id",
        "ratee email",
        "ratee name",
        "rated",
        "to",
        "reviewee",
        "teammate",
        "member",
    ),
    "rating": ("rating", "score", "value", "label", "points"),
    "comment": ("comment", "comments", "feedback"),
    "general": ("general comment", "general comments", "team comment", "comment about the team"),
    "label": ("label",),
    "time": ("timestamp", "time", "submitted", "submitted at", "date"),
}


@dataclass
class Answer:
    """One rating cell: who is rated (as written) and the answer text."""

    column: str  # the column the answer is in (for messages)
    ratee_text: str  # the person as written in the header (wide) or the ratee cell (long)
    text: str
    ratee_column: str = ""  # long format and members: the column holding the ratee
    comment: str = ""  # members: the comment written next to this rating
    #: members: every filled person cell (column, text), most reliable first (id, email, name)
    ratee_cells: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Response:
    """One submission (wide layouts) or one rating row (long format) as written in the file."""

    row: int  # spreadsheet row number
    who: list[tuple[str, str]]  # (column, text) identifying the rater, most reliable first
    answers: list[Answer]
    time_text: str = ""
    comment: str = ""  # long format: the comment about the ratee of the row
    #: long format: the label column next to a numeric rating (cleaned ratings files)
    label: str = ""
    #: the rater's general comment about their team (wide: every general comment column)
    general: str = ""
    #: an unfinished Qualtrics response: its progress ("40", or "?" when not given); else ""
    partial: str = ""


@dataclass
class Extracted:
    """What a layout reader found in the file."""

    layout: str
    responses: list[Response] = field(default_factory=list)
    person_columns: list[tuple[str, str]] = field(default_factory=list)  # wide: (header, person)
    time_column: str = ""
    tool: str = ""  # members: "qualtrics" when read from a Qualtrics export (numeric recodes)


def key(header: str) -> str:
    """A header as compared: folded, ``_`` as a space, no trailing ``:``/``?``."""
    return fold(header.replace("_", " ")).rstrip(":?* ").strip()


def long_columns(header: list[str]) -> dict[str, int]:
    """Role -> column index for the long format (the first matching column per role)."""
    roles: dict[str, int] = {}
    for role, names in LONG_ROLES.items():
        for index, cell in enumerate(header):
            if key(cell) in names and index not in roles.values():
                roles[role] = index
                break
    return roles


def is_qualtrics(grid: Grid) -> bool:
    """A Qualtrics export: its field ids in row 1, or the ImportId JSON in row 3."""
    names = {key(c) for c in grid.rows[0]}
    third = grid.rows[2] if len(grid.rows) > 2 else []
    return (
        "responseid" in names
        or {"startdate", "finished"} <= names
        or any(c.strip().startswith('{"ImportId"') for c in third)
    )


def detect_layout(grid: Grid) -> str:
    """``long``, ``google``, ``msforms``, ``qualtrics`` or ``members``; else a SurveyError.

    Repeated "Team member N: Name" / "Team member N: Rating" questions are ``members`` in any
    tool's export (in Qualtrics they are in the second header row, the display text).
    """
    header = [key(c) for c in grid.rows[0]]
    names = set(header)
    if is_qualtrics(grid):
        display = grid.rows[1] if len(grid.rows) > 1 else []
        members = has_member_groups(display) or has_member_groups(grid.rows[0])
        return "members" if members else "qualtrics"
    if has_member_groups(grid.rows[0]):
        return "members"
    if {"start time", "completion time"} <= names:
        return "msforms"
    roles = long_columns(grid.rows[0])
    if {"rater", "ratee", "rating"} <= roles.keys():
        return "long"
    if any(GRID_HEADER.match(c) for c in grid.rows[0]):
        return "google"
    raise SurveyError(
        "cannot tell which survey export this is: expected a long file with rater, ratee and "
        'rating columns, a Google Forms grid ("Question [Name]" columns), a Microsoft Forms '
        "export (Start time, Completion time), a Qualtrics export (ResponseId) or repeated "
        '"Team member N: Name" and "Team member N: Rating" questions; choose the layout by '
        "hand (--layout long|google|msforms|qualtrics|members)",
        file=grid.file,
        row=1,
        code="unknown-layout",
    )
