"""A mentor as read from the mentor list."""

from __future__ import annotations

from dataclasses import dataclass

from teamtool.model import MentorRef


@dataclass(frozen=True)
class Mentor:
    """A TA who mentors teams. ``capacity`` None: no limit; ``sections`` empty: any section;
    ``avoid`` holds the ids of students the mentor must not mentor; ``row`` is the mentor's
    spreadsheet row in the list (0 when the mentor did not come from a file)."""

    name: str
    email: str
    slots: frozenset[str] = frozenset()
    capacity: int | None = None
    sections: frozenset[str] = frozenset()
    avoid: tuple[str, ...] = ()
    row: int = 0

    @property
    def ref(self) -> MentorRef:
        return MentorRef(self.name, self.email)
