"""The domain model: students with typed attributes, rosters, team sets, milestones, ratings."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NoReturn

from teamtool.errors import FormationError
from teamtool.names import natural_key

#: The count of hand edits (moves and swaps) since the set was formed, kept in its criteria.
HAND_EDITS = "hand_edits"


class AttributeKind(StrEnum):
    """How teamtool reads and uses a roster column."""

    NUMERIC = "numeric"  # GPA, a skill 1-5, years of experience
    CATEGORICAL = "categorical"  # gender, major, time zone
    AVAILABILITY = "availability"  # "Mon AM; Wed PM": a set of weekly slots
    PREFERENCE = "preference"  # ids, emails or names of requested or avoided teammates
    TEXT = "text"  # kept and shown, never used for formation


#: The value of one attribute for one student. Numeric: float; categorical and text: str;
#: availability: frozenset of slot labels; preference: tuple of student ids; missing: None.
AttrValue = float | str | frozenset[str] | tuple[str, ...] | None


@dataclass(frozen=True)
class AttributeSpec:
    """A roster column used as an attribute, with its kind."""

    name: str
    kind: AttributeKind


@dataclass(frozen=True)
class Student:
    """One student of the course. ``id`` is the instructor's student id (unique in a roster)."""

    id: str
    name: str = ""
    email: str = ""
    section: str = ""
    attributes: Mapping[str, AttrValue] = field(default_factory=dict)
    dropped: bool = False
    #: LMS identifiers when known (Canvas user id, SIS login id), used by the LMS exports.
    lms_id: str = ""
    login_id: str = ""
    #: The attribute cells as imported (text), so that changing an attribute's kind re-reads them.
    raw: Mapping[str, str] = field(default_factory=dict)

    def get(self, attribute: str) -> AttrValue:
        return self.attributes.get(attribute)

    @property
    def label(self) -> str:
        """Name and id, as shown in lists: ``Zoë O'Neil (s1001)``."""
        return f"{self.name} ({self.id})" if self.name else self.id


@dataclass
class Roster:
    """The students of a course and the kinds of their attributes."""

    students: list[Student] = field(default_factory=list)
    attributes: list[AttributeSpec] = field(default_factory=list)

    def __iter__(self) -> Iterator[Student]:
        return iter(self.students)

    def __len__(self) -> int:
        return len(self.students)

    def active(self) -> list[Student]:
        """Students not dropped from the course."""
        return [s for s in self.students if not s.dropped]

    def by_id(self) -> dict[str, Student]:
        return {s.id: s for s in self.students}

    def get(self, student_id: str) -> Student | None:
        return next((s for s in self.students if s.id == student_id), None)

    def attribute(self, name: str) -> AttributeSpec | None:
        return next((a for a in self.attributes if a.name == name), None)

    def attributes_of_kind(self, *kinds: AttributeKind) -> list[AttributeSpec]:
        return [a for a in self.attributes if a.kind in kinds]


@dataclass
class TeamSet:
    """A partition of (some of) the students into named teams."""

    name: str
    teams: dict[str, list[str]] = field(default_factory=dict)  # team name -> student ids
    id: int | None = None
    created: str = ""
    #: The criteria the set was formed with (JSON-able), for history and re-solving.
    criteria: dict[str, object] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)  # names of teams locked against re-solving

    def team_of(self, student_id: str) -> str | None:
        for team, members in self.teams.items():
            if student_id in members:
                return team
        return None

    def membership(self) -> dict[str, str]:
        """Student id -> team name."""
        return {sid: team for team, members in self.teams.items() for sid in members}

    def students(self) -> list[str]:
        return [sid for members in self.teams.values() for sid in members]

    def ordered(self) -> TeamSet:
        """This set with its teams in natural order (Team 2 before Team 10), members kept."""
        self.teams = {t: self.teams[t] for t in sorted(self.teams, key=natural_key)}
        return self

    @property
    def hand_edits(self) -> int:
        return edits if isinstance(edits := self.criteria.get(HAND_EDITS), int) else 0

    def check_unlocked(self, *teams: str) -> None:
        """Raise when one of ``teams`` is locked: its members change only once it is unlocked."""
        locked = [t for t in teams if t in self.locked]
        if locked:
            raise FormationError(
                f"{', '.join(locked)} is locked; unlock it first to change its members",
                code="team-locked",
            )

    def moved(self, student_id: str, team: str) -> TeamSet:
        """A copy with ``student_id`` moved from their team to the end of ``team``."""
        source = self.team_of(student_id)
        if source is None or team not in self.teams or source == team:
            self._refuse(f'"{student_id}" or "{team}" is not in {self.name}, or no move')
        self.check_unlocked(source, team)
        after = self._edited()
        after.teams[source].remove(student_id)
        after.teams[team].append(student_id)
        return after

    def placed(self, student_id: str, team: str) -> TeamSet:
        """A copy with ``student_id``, in no team yet (say, added to the roster after forming),
        at the end of ``team``."""
        if team not in self.teams or self.team_of(student_id) is not None:
            self._refuse(f'"{student_id}" is already in {self.name}, or "{team}" is not')
        self.check_unlocked(team)
        after = self._edited()
        after.teams[team].append(student_id)
        return after

    def swapped(self, a: str, b: str) -> TeamSet:
        """A copy where students ``a`` and ``b`` of two teams take each other's place."""
        team_a, team_b = self.team_of(a), self.team_of(b)
        if team_a is None or team_b is None or team_a == team_b:
            self._refuse(f'"{a}" and "{b}" are not in two teams of {self.name}')
        self.check_unlocked(team_a, team_b)
        after = self._edited()
        ia, ib = after.teams[team_a].index(a), after.teams[team_b].index(b)
        after.teams[team_a][ia], after.teams[team_b][ib] = b, a
        return after

    def with_lock(self, team: str, locked: bool) -> TeamSet:
        """A copy with ``team`` locked against re-forming, or unlocked."""
        if team not in self.teams:
            raise FormationError(f'"{team}" is not a team of {self.name}', code="unknown-team")
        after = copy.deepcopy(self)
        (after.locked.add if locked else after.locked.discard)(team)
        return after

    def unassigned(self, student_ids: Iterable[str]) -> list[str]:
        """Those of ``student_ids`` (say, the active roster) in no team of this set, in order."""
        return [sid for sid in student_ids if self.team_of(sid) is None]

    @staticmethod
    def _refuse(message: str) -> NoReturn:
        raise FormationError(message, code="unknown-member")

    def _edited(self) -> TeamSet:
        after = copy.deepcopy(self)
        after.criteria[HAND_EDITS] = self.hand_edits + 1
        return after

    def pairs(self) -> set[frozenset[str]]:
        """Every pair of students who share a team."""
        out: set[frozenset[str]] = set()
        for members in self.teams.values():
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    out.add(frozenset((a, b)))
        return out


@dataclass
class Milestone:
    """A graded piece of team work, with the team grades typed in or imported.

    ``team_set_id`` is the one team set it grades. None only before it is stored: adding it
    binds it to the newest team set of the course, and it keeps that set until it is changed
    on purpose ("Use other teams").
    """

    name: str
    max_points: float = 100.0
    team_set_id: int | None = None
    grades: dict[str, float] = field(default_factory=dict)  # team name -> team grade
    id: int | None = None


@dataclass(frozen=True)
class Rating:
    """One cleaned peer rating: ``rater`` rated ``ratee`` (both student ids).

    ``comment`` is what the rater wrote about the ratee (about themself on a self-rating).
    ``general_comment`` is the rater's free-text answer about the whole team (a survey question
    about no one teammate); it is kept once per rater, on their self-rating (else their first
    rating), and is never about the ratee.
    """

    rater: str
    ratee: str
    value: float
    label: str = ""
    comment: str = ""
    general_comment: str = ""


def ratings_by_pair(ratings: Iterable[Rating]) -> dict[tuple[str, str], Rating]:
    """Index ratings by (rater, ratee); a later rating for the same pair replaces an earlier one."""
    return {(r.rater, r.ratee): r for r in ratings}


@dataclass(frozen=True)
class MentorRef:
    """A team's mentor (a TA), as kept with a team set and exported with its teams."""

    name: str
    email: str = ""
