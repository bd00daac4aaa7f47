"""The course file (``*.teamtool``): one SQLite database, every change committed at once."""

from __future__ import annotations

from pathlib import Path
from typing import Self

from teamtool.store.base import AuditEntry
from teamtool.store.mentor_store import MentorStore
from teamtool.store.milestone_store import MilestoneStore
from teamtool.store.rating_store import Override, RatingStore, StoredSurvey
from teamtool.store.roster_store import RosterStore
from teamtool.store.team_store import TeamStore
from teamtool.store.token_store import TokenEntry, TokenStore

SUFFIX = ".teamtool"


class Course(RosterStore, TeamStore, MilestoneStore, RatingStore, MentorStore, TokenStore):
    """An open course file. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    @classmethod
    def create(cls, path: str | Path, name: str = "") -> Course:
        course = cls(path, create=True)
        course.set_meta("name", name or Path(path).stem)
        return course

    @classmethod
    def open(cls, path: str | Path) -> Course:
        return cls(path)

    def __enter__(self) -> Self:
        return self


__all__ = ["SUFFIX", "AuditEntry", "Course", "Override", "StoredSurvey", "TokenEntry"]
