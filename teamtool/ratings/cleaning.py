"""Build the cleaned ratings of matched submissions: team checks, missing ratings, comments."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from teamtool.model import Rating, TeamSet
from teamtool.ratings.layouts import Answer, Response
from teamtool.ratings.rating_scale import Scale
from teamtool.ratings.resolve import PeopleResolver
from teamtool.ratings.submissions import Submission

if TYPE_CHECKING:
    from teamtool.ratings.survey import SurveyImport


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
    general: dict[str, list[str]] = {}  # rater -> general comments, in file order
    partial: dict[str, Response] = {}  # rater -> their unfinished (Qualtrics) response
    for sub in kept:
        assert sub.rater is not None
        first_rows.setdefault(sub.rater, sub.response.row)
        if sub.response.partial:
            partial[sub.rater] = sub.response
        items = by_rater.setdefault(sub.rater, [])
        said = general.setdefault(sub.rater, [])
        if sub.response.general.strip() and sub.response.general.strip() not in said:
            said.append(sub.response.general.strip())
        for answer, ratee in zip(sub.response.answers, sub.ratees, strict=True):
            about = sub.response.comment if result.layout == "long" else answer.comment
            items.append((sub.response.row, answer, ratee, about.strip()))
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
        said = general[rater]
        rated, seen = _collect(rater, team, by_rater[rater], membership, scale, people, said)
        for member in teams.teams[team]:
            if member in column_of:
                seen.setdefault(member, (first_row, column_of[member]))
        if rater in partial:
            _report_partial(partial[rater], rater, len(rated), len(teams.teams[team]), people)
        _report_missing(rater, team, teams, rated, seen, people, result)
        ordered = _with_general(rater, rated, teams.teams[team], said, people, first_row)
        result.ratings.extend(ordered)
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


def _report_partial(
    response: Response, rater: str, rated: int, members: int, people: PeopleResolver
) -> None:
    """An unfinished response: its ratings are kept and the rater is a respondent; say so."""
    people.problems.add(
        "partial-response",
        f"partial response: rated {rated} of {members} ({people.label(rater)} left the survey "
        f"at {response.partial}% progress); the ratings given are kept",
        file=people.file, row=response.row, column="Finished", severity="warning",
    )  # fmt: skip


def _collect(
    rater: str,
    team: str,
    items: list[tuple[int, Answer, str | None, str]],
    membership: dict[str, str],
    scale: Scale,
    people: PeopleResolver,
    general: list[str],
) -> tuple[dict[str, Rating], dict[str, tuple[int, str]]]:
    """One rater's ratings of their teammates, and where each teammate's answer was.

    A comment about a teammate left unrated has no rating to go on: it is reported and added
    to the rater's ``general`` comments, with the teammate's name."""
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
            if comment:
                general.append(f"About {people.label(ratee)}: {comment}")
                problems.add(
                    "comment-without-rating",
                    f"{people.label(rater)} wrote a comment about {people.label(ratee)} but gave "
                    "no rating; the comment is kept with their general comment",
                    file=file, row=row, column=answer.column, severity="warning",
                )  # fmt: skip
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
        if ratee in rated and rated[ratee].comment and rated[ratee].comment != comment:
            comment = "\n".join(c for c in (rated[ratee].comment, comment) if c)
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


def _with_general(
    rater: str,
    rated: dict[str, Rating],
    members: list[str],
    general: list[str],
    people: PeopleResolver,
    row: int,
) -> list[Rating]:
    """Ratings in team order; the rater's general comment about the team is kept once, as the
    ``general_comment`` of their self-rating (else their first), never as a comment about anyone."""
    ordered = [rated[m] for m in members if m in rated]
    text = "\n".join(general)
    if not text or not ordered:
        if text:
            people.problems.add(
                "comment-left-out",
                f"{people.label(rater)} wrote a general comment but no rating to keep it with; "
                "it is left out",
                file=people.file, row=row, severity="warning",
            )  # fmt: skip
        return ordered
    carrier = rated.get(rater, ordered[0])
    return [replace(r, general_comment=text) if r is carrier else r for r in ordered]
