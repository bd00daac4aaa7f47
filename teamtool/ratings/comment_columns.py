"""Comment columns of wide surveys: which one is about one teammate, which is about the team.

The rule is read from the column header only, never from the comment's text:

- A comment column is one whose header says "comment" or "anything else" (folded).
- It is **about one teammate** when its header names a person who heads a rating column:
  Google Forms ``Comments [Name]`` (a grid row), Qualtrics ``Comments - Name`` (a matrix row),
  or any other header holding, as whole words, the name of exactly one rated person
  (Microsoft Forms ``Comments about Ravi Patel``). In the repeated "Team member N" layout,
  ``Team member N: Comment`` is about member N (see ``member_columns``). Such a comment is the
  ``comment`` of the rating of that person; written by a student about themself (the "about
  me" column), it stays on their self-rating.
- Every other comment column ("Anything else about your team?", "Comments about your
  teammates") is a **general comment** about the whole team: kept as the writer's
  ``Rating.general_comment``, never as a comment about the writer.
- A header that names a person in the grid or matrix syntax (``[Name]``, `` - Name``) who heads
  no rating column is read as a general comment that starts with the header, so nothing is
  lost or pinned on the wrong student; it is reported (``comment-column-unmatched``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from teamtool.names import fold
from teamtool.problems import Problems
from teamtool.ratings.layouts import GRID_HEADER, Answer, key


def is_comment(header: str) -> bool:
    """A free-text comment column, by its header."""
    k = key(header)
    return "comment" in k or "anything else" in k


def named_person(header: str) -> str | None:
    """The person a header names in the grid (``… [Name]``) or matrix (``… - Name``) syntax."""
    m = GRID_HEADER.match(header)
    if m:
        return m["person"].strip()
    if " - " in header:
        tail = header.rsplit(" - ", 1)[1].strip()
        if key(tail) not in ("text", "selected choice", ""):
            return tail
    return None


@dataclass
class CommentColumns:
    """The comment columns of one survey (0-based indexes), split by what they are about."""

    #: (comment column, header of the rating column of the teammate it is about)
    about: list[tuple[int, str]] = field(default_factory=list)
    #: (comment column, text put before its comments: "" or the header of an unmatched column)
    general: list[tuple[int, str]] = field(default_factory=list)


def split_comment_columns(
    headers: list[str],
    indexes: list[int],
    person_columns: list[tuple[str, str]],
    problems: Problems,
    file: str,
    row: int = 1,
) -> CommentColumns:
    """Sort the comment columns ``indexes`` into per-teammate and general ones (see the module
    docstring); ``person_columns`` are the rating columns as (header, person as written);
    ``headers`` is the spreadsheet row ``row``."""
    rated: dict[str, str] = {}  # folded person -> rating column header
    for column, person in person_columns:
        if fold(person):
            rated.setdefault(fold(person), column)
    out = CommentColumns()
    for index in indexes:
        header = headers[index]
        named = named_person(header)
        if named is not None:
            if fold(named) in rated:
                out.about.append((index, rated[fold(named)]))
                continue
            out.general.append((index, f"{header.strip()}: "))
            problems.add(
                "comment-column-unmatched",
                f'this comment column names "{named}", who heads no rating column; its comments '
                "are kept as general comments about the team, starting with the column header",
                file=file, row=row, column=header, severity="info",
            )  # fmt: skip
            continue
        text = fold(header)
        hits = {
            column
            for folded, column in rated.items()
            if re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", text)
        }
        if len(hits) == 1:
            out.about.append((index, hits.pop()))
        else:
            out.general.append((index, ""))
    return out


def read_comments(
    cells: list[str],
    answers: list[Answer],
    columns: CommentColumns,
    person_of: dict[str, str],
) -> tuple[list[Answer], str]:
    """One response's answers with each teammate's comment attached (a blank answer is added for
    a teammate commented on but not rated), and its general comment (one a line).

    ``person_of`` maps a rating column header to the person as written in it.
    """

    def cell(index: int) -> str:
        return cells[index].strip() if 0 <= index < len(cells) else ""

    out = list(answers)
    for index, column in columns.about:
        text = cell(index)
        if not text:
            continue
        answer = next((a for a in out if a.column == column), None)
        if answer is None:
            answer = Answer(column, person_of.get(column, column), "")
            out.append(answer)
        answer.comment = f"{answer.comment}\n{text}" if answer.comment else text
    general = "\n".join(prefix + cell(i) for i, prefix in columns.general if cell(i))
    return out, general
