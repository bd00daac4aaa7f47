"""Identify the rater of each survey response and the ratee of each answer, as student ids."""

from __future__ import annotations

from teamtool.names import fold
from teamtool.problems import Severity
from teamtool.ratings.layouts import CELL_RATEE_LAYOUTS, Answer, Extracted, Response
from teamtool.ratings.matching import Match
from teamtool.ratings.resolve import PeopleResolver
from teamtool.ratings.submissions import Submission
from teamtool.ratings.wide import who_role

#: How raters name themselves in a members form ("include yourself"): the rater.
SELF_WORDS = {"me", "myself", "self", "me (myself)", "yourself", "(me)", "i"}


def identify(
    response: Response, extracted: Extracted, people: PeopleResolver, columns: dict[str, str | None]
) -> Submission:
    """Identify the rater of one response and the ratee of each answer.

    Wide layouts name the ratee in the column header (``columns``: header -> student id); the
    long and members layouts write the ratee in a cell, matched and reported here.
    """
    sub = Submission(response, None)
    certain: list[tuple[str, str]] = []  # (column, student id)
    unresolved = []
    for column, text in response.who:
        match = people.match(text)
        if match.how == "ignored":
            return sub
        if match.certain and match.student_id:
            certain.append((column, match.student_id))
        else:
            unresolved.append((column, match))
    if certain:
        sub.rater = certain[0][1]
        others = {sid for _, sid in certain[1:]} - {sub.rater}
        if others:
            people.problems.add(
                "rater-mismatch",
                f"the response names {people.label(sub.rater)} in {certain[0][0]} but also "
                f"{', '.join(people.label(s) for s in sorted(others))}; it is counted as the first",
                file=people.file, row=response.row, severity="warning",
            )  # fmt: skip
    elif not response.who:
        people.problems.add(
            "unknown-person", "the response does not say who sent it (no name, email or id)",
            file=people.file, row=response.row,
        )  # fmt: skip
    else:
        ranked = sorted(
            unresolved, key=lambda cm: (not cm[1].candidates, who_role(cm[0]) != "name")
        )
        column, match = ranked[0]
        people.report(match, "rater", response.row, column)
    for answer in response.answers:
        if extracted.layout not in CELL_RATEE_LAYOUTS:
            sub.ratees.append(columns.get(answer.column))
            continue
        if extracted.layout == "members":
            sub.ratees.append(member_ratee(answer, sub.rater, response.row, people))
            continue
        match = people.match_ratee(answer.ratee_text, sub.rater, response.row, answer.ratee_column)
        sub.ratees.append(match.student_id if match.certain else None)
        if not match.certain:
            people.report(match, "ratee", response.row, answer.ratee_column)
    return sub


def resolve_columns(extracted: Extracted, people: PeopleResolver) -> dict[str, str | None]:
    """Wide layouts: the student of each person column (header), reported once when unresolved."""
    answered = {a.column for r in extracted.responses for a in r.answers if a.text.strip()}
    out: dict[str, str | None] = {}
    for column, person in extracted.person_columns:
        match = people.match(person)
        out[column] = match.student_id if match.certain else None
        if not match.certain:
            severity: Severity = "error" if column in answered else "warning"
            people.report(match, "ratee", 1, column, severity=severity)
    return out


def member_ratee(answer: Answer, rater: str | None, row: int, people: PeopleResolver) -> str | None:
    """The student a member group names: the first person cell (id, email, then name) that
    matches certainly; "me" is the rater. A filled cell naming someone else is a warning."""
    chosen: tuple[str, str] | None = None  # (column, student id)
    unresolved: list[tuple[str, Match]] = []
    for column, text in answer.ratee_cells or [(answer.ratee_column, answer.ratee_text)]:
        if fold(text) in SELF_WORDS:  # without a rater the response is left out anyway
            if rater is None:
                continue
            match = Match(text, rater, True, ((rater, 1.0),), "self")
        else:
            match = people.match_ratee(text, rater, row, column)
        if match.certain and match.student_id and chosen is None:
            chosen = (column, match.student_id)
        elif match.how != "ignored":
            unresolved.append((column, match))
    if chosen is None:
        if unresolved:
            people.report(unresolved[0][1], "ratee", row, unresolved[0][0])
        return None
    column, sid = chosen
    for other_column, match in unresolved:
        if sid not in {c for c, _ in match.candidates}:
            people.problems.add(
                "ratee-mismatch",
                f'this team member is {people.label(sid)} in column "{column}" but '
                f'"{match.text.strip()}" here; {people.label(sid)} is used',
                file=people.file, row=row, column=other_column, severity="warning",
            )  # fmt: skip
    return sid
