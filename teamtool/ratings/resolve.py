"""Resolve the raters and ratees of one survey file to students, with the user's confirmations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from teamtool.errors import format_location
from teamtool.model import Roster, TeamSet
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
    teams: TeamSet | None = None  # the team set the survey was filled in by

    def __post_init__(self) -> None:
        self.matcher = PeopleMatcher(self.roster)
        self._cache: dict[str, Match] = {}
        self._in_team: dict[tuple[str, str], Match] = {}  # (text, team) -> match
        self._team_of = {
            sid: team for team, members in (self.teams.teams if self.teams else {}).items()
            for sid in members
        }  # fmt: skip
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
        confirmed = self._confirmed_match(text)
        if confirmed is not None:
            return confirmed
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self.matcher.match(text)
        return found

    def match_ratee(self, text: str, rater: str | None, row: int, column: str) -> Match:
        """Match a ratee named by ``rater``: exactly, else among the rater's team first.

        A name like exactly one member of the rater's team (and like no other member) is that
        member, with a note; like several, they are the candidates; like none, the whole roster
        is searched (as :meth:`match`). Cached per text and team: a class of 5,000 is matched
        in about a second instead of comparing every misspelled name with every student.
        """
        team = self._team_of.get(rater) if rater else None
        confirmed = self._confirmed_match(text)
        if confirmed is not None or team is None or self.teams is None:
            return confirmed or self.match(text)
        found = self._in_team.get((text, team))
        if found is None:
            found = self._cache.get(text) or self.matcher.match(text, fuzzy=False)
            if not found.certain and found.how != "ambiguous":
                close = self.matcher.close_among(text, self.teams.teams[team])
                if len(close) == 1:
                    found = Match(text, close[0][0], True, tuple(close), "team")
                    self._note_team_match(found, team, row, column)
                else:
                    found = (
                        Match(text, None, False, tuple(close), "fuzzy")
                        if close
                        else self.match(text)
                    )
            self._in_team[(text, team)] = found
        return found

    def _note_team_match(self, match: Match, team: str, row: int, column: str) -> None:
        sid, score = match.candidates[0]
        self.problems.add(
            "matched-in-team",
            f'ratee "{match.text.strip()}" is taken as {self.label(sid)}, the only member of '
            f"{team} with a name like it (similarity {score:.2f})",
            file=self.file, row=row, column=column or None, severity="info",
        )  # fmt: skip

    def _confirmed_match(self, text: str) -> Match | None:
        if text in self._confirmed or text.strip() in self._confirmed:
            sid = self._confirmed.get(text, self._confirmed.get(text.strip(), IGNORE))
            if sid == IGNORE:
                self.ignored.add(text.strip())
                return Match(text, None, False, (), "ignored")
            return Match(text, sid, True, ((sid, 1.0),), "confirmed")
        return None

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
