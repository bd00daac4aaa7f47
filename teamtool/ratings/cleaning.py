"""Clean matched survey responses: latest submission wins, team checks, missing ratings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teamtool.model import Rating, TeamSet
from teamtool.ratings.layouts import Answer, Extracted, Response
from teamtool.ratings.rating_scale import Scale
from teamtool.ratings.resolve import PeopleResolver
from teamtool.ratings.timestamps import parse_times

if TYPE_CHECKING:
    from teamtool.ratings.survey import SurveyImport


@dataclass
class Submission:
    """A response whose rater (and each answer's ratee) has been matched to student ids."""

    response: Response
    rater: str | None
    ratees: list[str | None] = field(default_factory=list)  # parallel to response.answers
    time: dt.datetime | None = None


def latest_submissions(
    subs: list[Submission], extracted: Extracted, people: PeopleResolver
) -> list[Submission]:
    """Keep the latest submission per rater (long format: per rater and ratee), reporting the rest."""
    for sub, time in zip(subs, parse_times([s.response.time_text for s in subs]), strict=True):
        sub.time = time
    groups: dict[tuple[str | None, ...], list[Submission]] = {}
    for sub in subs:
        group = (sub.rater, sub.ratees[0]) if extracted.layout == "long" else (sub.rater,)
        groups.setdefault(group, []).append(sub)
    dropped: set[int] = set()
    for group_subs in groups.values():
        if len(group_subs) < 2 or (extracted.layout == "long" and group_subs[0].ratees[0] is None):
            continue
        by_time = all(s.time is not None for s in group_subs)
        order = sorted(
            group_subs, key=lambda s: (s.time, s.response.row) if by_time else (s.response.row,)
        )
        latest = order[-1]
        for old in order[:-1]:
            dropped.add(id(old))
            _report_duplicate(old, latest, by_time, extracted, people)
    return [s for s in subs if id(s) not in dropped]


def _report_duplicate(
    old: Submission, latest: Submission, by_time: bool, extracted: Extracted, people: PeopleResolver
) -> None:
    assert old.rater is not None
    when = latest.response.time_text.strip()
    then = old.response.time_text.strip()
    times = f" ({when}, this one {then})" if when and then else ""
    how = (
        "the later one" if by_time else "as the times could not be read, the one later in the file"
    )
    who = people.label(old.rater)
    if extracted.layout == "long":
        ratee = people.label(old.ratees[0] or "")
        people.problems.add(
            "duplicate-rating",
            f"{who} rated {ratee} again on row {latest.response.row}{times}; {how} is used",
            file=people.file, row=old.response.row, severity="warning",
        )  # fmt: skip
    else:
        people.problems.add(
            "duplicate-submission",
            f"{who} also submitted on row {latest.response.row}{times}; {how} is used and this "
            "one is ignored",
            file=people.file, row=old.response.row, column=extracted.time_column or None,
            severity="info",
        )  # fmt: skip


def build_ratings(
    kept: Sequence[Submission],
    teams: TeamSet,
    scale: Scale,
    people: PeopleResolver,
    result: SurveyImport,
    column_of: Mapping[str, str],
) -> None:
    """Fill ``result`` with the ratings of team members, and report everything left out.

    Wide layouts hold only the answered cells; ``column_of`` (student id -> column) places the
    blank answers of teammates.
    """
    problems, file = result.problems, result.file
    membership = teams.membership()
    by_rater: dict[str, list[tuple[int, Answer, str | None, str]]] = {}
    first_rows: dict[str, int] = {}
    for sub in kept:
        assert sub.rater is not None
        first_rows.setdefault(sub.rater, sub.response.row)
        items = by_rater.setdefault(sub.rater, [])
        for answer, ratee in zip(sub.response.answers, sub.ratees, strict=True):
            items.append((sub.response.row, answer, ratee, sub.response.comment.strip()))
    order = {sid: i for i, sid in enumerate(teams.students())}
    for rater in sorted(by_rater, key=lambda s: (order.get(s, len(order)), s)):
        team = membership.get(rater)
        first_row = first_rows[rater]
        if team is None:
            problems.add(
                "rater-not-in-team", f"{people.label(rater)} is in no team of {teams.name}; their ratings are left out",
                file=file, row=first_row, severity="warning",
            )  # fmt: skip
            continue
        result.respondents.add(rater)
        rated, seen = _collect(rater, team, by_rater[rater], membership, scale, people)
        for member in teams.teams[team]:
            if member in column_of:
                seen.setdefault(member, (first_row, column_of[member]))
        _report_missing(rater, team, teams, rated, seen, people, result)
        result.ratings.extend(
            _with_comment(rater, rated, teams.teams[team], result.layout != "long")
        )
    members = [(t, sid) for t, ids in teams.teams.items() for sid in ids]
    for team, sid in members:
        if sid not in result.respondents:
            result.non_respondents.append(sid)
            pending = [
                u.text for u in people.uncertain if u.role == "rater" and sid in dict(u.candidates)
            ]
            why = f' (unless they are the rater "{pending[0]}" to confirm)' if pending else ""
            problems.add(
                "non-respondent", f"{people.label(sid)} ({team}) submitted no ratings{why}",
                file=file, severity="warning",
            )  # fmt: skip


def _collect(
    rater: str,
    team: str,
    items: list[tuple[int, Answer, str | None, str]],
    membership: dict[str, str],
    scale: Scale,
    people: PeopleResolver,
) -> tuple[dict[str, Rating], dict[str, tuple[int, str]]]:
    """One rater's ratings of their teammates, and where each teammate's answer was."""
    problems, file = people.problems, people.file
    rated: dict[str, Rating] = {}
    columns: dict[str, str] = {}  # ratee -> the column of the rating kept
    seen: dict[str, tuple[int, str]] = {}  # ratee -> (row, column) of a blank or bad answer
    for row, answer, ratee, comment in items:
        text = answer.text.strip()
        if ratee is None:
            continue
        if membership.get(ratee) != team:
            if text:
                problems.add(
                    "out-of-team",
                    f"{people.label(rater)} ({team}) rated {people.label(ratee)}, who is not in "
                    "their team; the rating is left out",
                    file=file, row=row, column=answer.column, severity="warning",
                )  # fmt: skip
            continue
        seen.setdefault(ratee, (row, answer.column))
        if not text:
            continue
        value = scale.value_of(text)
        if value is None:
            problems.add(
                "unknown-label", f'"{text}" is not on the scale {scale.describe()}',
                file=file, row=row, column=answer.column,
            )  # fmt: skip
            seen[ratee] = (-1, "")
            continue
        if ratee in rated:
            problems.add(
                "duplicate-ratee",
                f"{people.label(rater)} rated {people.label(ratee)} twice (also in column "
                f'"{columns[ratee]}"); this rating is used',
                file=file, row=row, column=answer.column, severity="warning",
            )  # fmt: skip
        rated[ratee] = Rating(rater, ratee, value, scale.label_of(value), comment)
        columns[ratee] = answer.column
    return rated, seen


def _report_missing(
    rater: str,
    team: str,
    teams: TeamSet,
    rated: dict[str, Rating],
    seen: dict[str, tuple[int, str]],
    people: PeopleResolver,
    result: SurveyImport,
) -> None:
    for member in teams.teams[team]:
        if member in rated:
            continue
        row, column = seen.get(member, (0, ""))
        if row < 0:
            continue  # an unknown label, already reported
        who = "themself" if member == rater else people.label(member)
        code = "self-missing" if member == rater else ("blank-rating" if row else "missing-rating")
        message = f"{people.label(rater)} did not rate {who}"
        if not row:
            message += " (no rating for them in the file)"
        result.problems.add(
            code,
            message,
            file=result.file,
            row=row or None,
            column=column or None,
            severity="warning",
        )


def _with_comment(
    rater: str, rated: dict[str, Rating], members: list[str], wide: bool
) -> list[Rating]:
    """Ratings in team order. A wide form's general comment (about the whole team) is kept once,
    on the rater's own rating (else their first), so it is never shown as about one teammate;
    long-format comments stay on the rating they were written on."""
    ordered = [rated[m] for m in members if m in rated]
    if not wide or not ordered:
        return ordered
    carrier = rated.get(rater, ordered[0])
    return [
        Rating(r.rater, r.ratee, r.value, r.label, r.comment if r is carrier else "")
        for r in ordered
    ]
