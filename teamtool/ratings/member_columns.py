"""Recognise repeated "Team member N: Name / Rating / Comment" question headers in a survey."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teamtool.names import fold

#: "Team member 1", "Member 2", "Teammate #3", "Team-mate 4", "Group member 5", "Peer 1".
_MEMBER = re.compile(
    r"(?<![a-z])(?:(?:team|group)\s*-?\s*)?(?:member|mate|teammate|partner|peer)\s*"
    r"(?:no\.?|number|#)?\s*(\d{1,2})(?!\d)"
)
_COMMENT_WORDS = {
    "comment", "comments", "feedback", "explain", "explanation", "why", "remarks", "notes",
    "justification", "justify",
}  # fmt: skip
_RATING_WORDS = {
    "rating", "ratings", "rate", "score", "grade", "evaluation", "evaluate", "assessment",
    "level", "performance",
}  # fmt: skip
_ID_WORDS = {"netid", "id", "sid", "uni", "username", "login", "number"}
_EMAIL_WORDS = {"email", "mail"}
_NAME_WORDS = {"name", "names", "who", "student", "person"}
_PERSON_WORDS = _ID_WORDS | _EMAIL_WORDS | _NAME_WORDS


@dataclass
class MemberGroup:
    """The columns (0-based indexes) of one repeated member question group, in header order."""

    number: int
    person: list[int] = field(default_factory=list)
    rating: list[int] = field(default_factory=list)
    comment: list[int] = field(default_factory=list)
    other: list[int] = field(default_factory=list)  # numbered, but none of the above

    @property
    def complete(self) -> bool:
        return bool(self.person and self.rating)


def column_role(header: str) -> tuple[int, str] | None:
    """(member number, ``person``/``rating``/``comment``/``other``), or None if not a member column.

    The words around "Team member N" say what the column holds; a bare "Team member N" names the
    teammate. Comments win over ratings ("explain your rating"), ratings over names.
    """
    text = fold(header)
    found = list(_MEMBER.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    words = set(re.findall(r"[a-z]+", text[: m.start()] + " " + text[m.end() :]))
    if words & _COMMENT_WORDS:
        return int(m[1]), "comment"
    if words & _RATING_WORDS:
        return int(m[1]), "rating"
    if words & _PERSON_WORDS or not words - {"selected", "choice"}:
        return int(m[1]), "person"
    return int(m[1]), "other"


def person_rank(header: str) -> int:
    """0 for an id column, 1 for an email, 2 for a name: the most reliable identifies the ratee."""
    words = set(re.findall(r"[a-z]+", fold(header)))
    if words & _ID_WORDS and not words & (_EMAIL_WORDS | _NAME_WORDS):
        return 0
    if words & _EMAIL_WORDS and not words & _NAME_WORDS:
        return 1
    return 2


def member_groups(header: list[str]) -> list[MemberGroup]:
    """The numbered member groups of a header row, by number."""
    groups: dict[int, MemberGroup] = {}
    for index, cell in enumerate(header):
        found = column_role(cell)
        if found is None:
            continue
        number, role = found
        group = groups.setdefault(number, MemberGroup(number))
        getattr(group, role).append(index)
    for group in groups.values():
        group.person.sort(key=lambda i: person_rank(header[i]))
    return [groups[n] for n in sorted(groups)]


def has_member_groups(header: list[str]) -> bool:
    """At least two numbered member groups, each with a person column and a rating column."""
    return sum(g.complete for g in member_groups(header)) >= 2
