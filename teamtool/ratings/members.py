"""Read surveys built as repeated "Team member N: Name" + "Team member N: Rating" questions."""

from __future__ import annotations

from teamtool.errors import SurveyError
from teamtool.files.tables import Grid
from teamtool.problems import Problems
from teamtool.ratings.comment_columns import is_comment
from teamtool.ratings.layouts import Answer, Extracted, Response, is_qualtrics, key
from teamtool.ratings.member_columns import MemberGroup, member_groups
from teamtool.ratings.qualtrics_status import not_a_response, unfinished
from teamtool.ratings.wide import MSFORMS_FIXED, QUALTRICS_FIXED, who_role

#: The submission time, most telling first: Qualtrics, Microsoft Forms, Google Forms, others.
TIME_KEYS = (
    "recordeddate", "enddate", "last modified time", "completion time", "timestamp", "time",
    "submitted", "submitted at", "date",
)  # fmt: skip
_QUALTRICS_WHO = ("externalreference", "externaldatareference", "recipientemail")
_NAMES = ("recipientfirstname", "recipientlastname")


def read_members(grid: Grid, problems: Problems, *, drop_partial: bool = False) -> Extracted:
    """One response per row; each member group gives one answer: the ratee as written in the
    person cell, the rating text (``Label: description`` is read by the scale) and the comment
    about that member (about the rater themself in their own group); comment columns outside
    the groups are the rater's general comment about the team.

    Blank groups are skipped; a rating (or comment) without a person is reported and left out;
    a person without a rating becomes a blank answer, reported by the cleaning as a blank rating.
    """
    qualtrics = is_qualtrics(grid)
    head = 1 if qualtrics and len(grid.rows) > 1 and _complete(grid.rows[1]) else 0
    texts = grid.rows[head]
    found = member_groups(texts)
    groups = [g for g in found if g.complete]
    if not groups:
        raise SurveyError(
            'no repeated "Team member N: Name" and "Team member N: Rating" questions were found',
            file=grid.file, row=head + 1, code="no-ratings",
        )  # fmt: skip
    start = head + 1
    if len(grid.rows) > start and any(
        c.strip().startswith('{"ImportId"') for c in grid.rows[start]
    ):
        start += 1
    data = [(r, c) for r, c in grid.iter_rows(start) if any(x.strip() for x in c)]
    _report_unused(grid, texts, head, found, data, problems)
    ids = [key(c) for c in grid.rows[0]]
    time_col = next((ids.index(k) for k in TIME_KEYS if k in ids), -1)
    who_cols, comments = _rater_columns(grid, texts, found, qualtrics, time_col)
    time_column = grid.rows[0][time_col] if time_col >= 0 else ""
    out = Extracted("members", time_column=time_column, tool="qualtrics" if qualtrics else "")
    for row, cells in data:
        if qualtrics and not_a_response(grid, row, cells, ids, problems, drop_partial=drop_partial):
            continue
        who = [(h, _cell(cells, i).strip()) for i, h in who_cols if _cell(cells, i).strip()]
        if qualtrics:
            first, last = (_cell(cells, ids.index(n)) if n in ids else "" for n in _NAMES)
            if f"{first} {last}".strip():
                who.append(("RecipientFirstName/RecipientLastName", f"{first} {last}".strip()))
        answers = _answers(grid, texts, groups, row, cells, problems)
        general = "\n".join(_cell(cells, i).strip() for i in comments if _cell(cells, i).strip())
        response = Response(row, who, answers, _cell(cells, time_col), general=general)
        response.partial = unfinished(cells, ids) if qualtrics else ""
        out.responses.append(response)
    return out


def _complete(header: list[str]) -> bool:
    return any(g.complete for g in member_groups(header))


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if 0 <= index < len(cells) else ""


def _answers(
    grid: Grid,
    texts: list[str],
    groups: list[MemberGroup],
    row: int,
    cells: list[str],
    problems: Problems,
) -> list[Answer]:
    """The answers of one row, in member order; groups without a person are reported."""
    out = []
    for group in groups:
        filled = [
            (texts[i], _cell(cells, i).strip()) for i in group.person if _cell(cells, i).strip()
        ]
        person_col = group.person[0]
        rating_col = group.rating[0]
        rating = _cell(cells, rating_col)
        comment = "\n".join(
            _cell(cells, i).strip() for i in group.comment if _cell(cells, i).strip()
        )
        if filled:
            column, person = filled[0]
            out.append(
                Answer(
                    texts[rating_col], person, rating, column, comment=comment, ratee_cells=filled
                )
            )
        elif rating.strip():
            problems.add(
                "rating-without-person",
                f'team member {group.number} is rated "{rating.strip()}" in column '
                f'"{texts[rating_col]}", but no name, id or email says who it is; the rating is '
                "left out",
                file=grid.file, row=row, column=texts[person_col], severity="warning",
            )  # fmt: skip
        elif comment:
            problems.add(
                "comment-without-person",
                f"team member {group.number} has a comment but no name, id or email says who it "
                "is; the comment is left out",
                file=grid.file, row=row, column=texts[person_col], severity="warning",
            )  # fmt: skip
    return out


def _rater_columns(
    grid: Grid, texts: list[str], found: list[MemberGroup], qualtrics: bool, time_col: int
) -> tuple[list[tuple[int, str]], list[int]]:
    """The columns naming the rater (ids first, then emails, then names) and general comments."""
    ids = [key(c) for c in grid.rows[0]]
    msforms = {"start time", "completion time"} <= set(ids)
    taken = {i for g in found for i in (*g.person, *g.rating, *g.comment, *g.other)}
    who: list[tuple[int, str]] = []
    comments: list[int] = []
    for index, text in enumerate(texts):
        fixed = ids[index] if index < len(ids) else ""
        if index in taken or index == time_col:
            continue
        if qualtrics and fixed in QUALTRICS_FIXED:
            if fixed in _QUALTRICS_WHO:
                who.append((index, grid.rows[0][index]))
        elif msforms and fixed in MSFORMS_FIXED:
            if fixed in ("email", "name"):
                who.append((index, text))
        elif is_comment(text):
            comments.append(index)
        elif who_role(text):
            who.append((index, text))
    order = {"id": 0, "email": 1, "name": 2}
    who.sort(key=lambda c: order.get(who_role(c[1]) or "name", 3))
    return who, comments


def _report_unused(
    grid: Grid,
    texts: list[str],
    head: int,
    found: list[MemberGroup],
    data: list[tuple[int, list[str]]],
    problems: Problems,
) -> None:
    """Member columns that are not read: extra ratings, unknown questions, incomplete groups."""
    for group in found:
        unused = [*group.rating[1:], *group.other]
        if not group.complete:
            unused = [*group.person, *group.rating, *group.comment, *group.other]
        for index in sorted(unused):
            answered = any(_cell(cells, index).strip() for _, cells in data)
            problems.add(
                "ignored-column",
                f"this team member {group.number} question is not read as the name, the rating "
                "or a comment; it is left out",
                file=grid.file, row=head + 1, column=texts[index],
                severity="warning" if answered else "info",
            )  # fmt: skip
