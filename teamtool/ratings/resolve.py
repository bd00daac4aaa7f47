"""Resolve the raters and ratees of one survey file to students, with the user's confirmations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from teamtool.errors import format_location
from teamtool.model import Roster
from teamtool.problems import Problems, Severity
from teamtool.ratings.matching import Match, PeopleMatcher

#: A confirmation to this id means "not a student of the course: leave this person out".
IGNORE = ""


@dataclass
class UncertainMatch:
    """A person the user must confirm: the text as written and the ranked candidates.

    ``candidates`` is empty for a person like no student of the roster (``unknown-person``): the
    user may still pick the student, or confirm ``""`` to leave them out.
    """

    text: str
    role: str  # "rater" | "ratee"
    where: str  # file, row and column
    candidates: list[tuple[str, float]]  # (student id, similarity), best first


@dataclass
class PeopleResolver:
    """Match texts once, apply confirmations, and report each unresolved text once."""

    roster: Roster
    file: str
    problems: Problems
    confirmed: Mapping[str, str] = field(default_factory=dict)
    uncertain: list[UncertainMatch] = field(default_factory=list)
    ignored: set[str] = field(default_factory=set)  # texts confirmed as "not a student"

    def __post_init__(self) -> None:
        self.matcher = PeopleMatcher(self.roster)
        self._cache: dict[str, Match] = {}
        self._reported: set[tuple[str, str]] = set()
        known = {s.id for s in self.roster.students}
        self._confirmed: dict[str, str] = {}
        for text, sid in self.confirmed.items():
            sid = sid.strip()
            if sid != IGNORE and sid not in known:
                self.problems.add(
                    "bad-confirmation", f'"{text}" was confirmed as "{sid}", which is not a student id of the roster',
                    file=self.file,
                )  # fmt: skip
                continue
            self._confirmed[text] = sid
            self._confirmed.setdefault(text.strip(), sid)

    def match(self, text: str) -> Match:
        if text in self._confirmed or text.strip() in self._confirmed:
            sid = self._confirmed.get(text, self._confirmed.get(text.strip(), IGNORE))
            if sid == IGNORE:
                self.ignored.add(text.strip())
                return Match(text, None, False, (), "ignored")
            return Match(text, sid, True, ((sid, 1.0),), "confirmed")
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.matcher.match(text)
        return found

    def label(self, student_id: str) -> str:
        name = self.matcher.name_of(student_id)
        return f"{name} ({student_id})" if name else student_id

    def report(
        self, match: Match, role: str, row: int | None, column: str, *, severity: Severity = "error"
    ) -> None:
        """Report an unresolved match (once per text and role): uncertain or unknown."""
        if match.how == "ignored" or (match.text, role) in self._reported:
            return
        self._reported.add((match.text, role))
        where = format_location(self.file, row, column, "").rstrip(": ")
        shown = match.text.strip()
        if match.candidates:
            self.uncertain.append(UncertainMatch(shown, role, where, list(match.candidates)))
            options = ", ".join(f"{self.label(sid)} {score:.2f}" for sid, score in match.candidates)
            if match.how == "ambiguous":
                message = f'{role} "{shown}" matches several students of the roster ({options}); confirm which'
            else:
                message = (
                    f'{role} "{shown}" is not certainly a student of the roster (candidates: {options}); '
                    "confirm who it is"
                )
            code = "uncertain-match"
        else:
            if severity == "error":  # the user may still say who it is, or leave them out
                self.uncertain.append(UncertainMatch(shown, role, where, []))
            message = f'{role} "{shown}" is not in the roster; their ratings are left out'
            code = "unknown-person"
        self.problems.add(
            code, message, file=self.file, row=row, column=column or None, severity=severity
        )
