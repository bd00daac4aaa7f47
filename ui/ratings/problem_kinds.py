"""The survey import report: Kind (a plain label for every problem code), Where, What."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import QListWidgetItem, QTableWidget, QTableWidgetItem

from teamtool.problems import Problem
from ui.ratings.tables import COLOURS, KINDS

#: Every other code the survey importers (teamtool/ratings) report, in plain words.
MORE_KINDS = {
    "bad-confirmation": "Confirmed as no student",
    "bad-number": "Not a number",
    "blank-rating": "Blank rating",
    "comment-column-unmatched": "Comment column of no one",
    "comment-left-out": "General comment left out",
    "comment-without-person": "Comment about no one",
    "comment-without-rating": "Comment without rating",
    "conflicting-duplicate": "Conflicting duplicate",
    "duplicate-label": "Label used twice",
    "duplicate-ratee": "Teammate rated twice",
    "empty-label": "Empty label",
    "empty-scale": "Empty scale",
    "ignored-column": "Column left out",
    "matched-in-team": "Matched in the team",
    "missing-rating": "Missing rating",
    "negative-rating": "Negative rating",
    "numeric-answers": "Numeric answers",
    "partial-response": "Unfinished response",
    "preview-response": "Preview response",
    "ratee-mismatch": "Teammate named differently",
    "rater-mismatch": "Rater named differently",
    "rating-without-person": "Rating of no one",
    "self-missing": "No self-rating",
}

#: The end of a stored report line: `` [code]`` for an error, `` [warning: code]`` otherwise.
STORED_CODE = re.compile(r" \[(?:(?P<severity>info|warning): )?(?P<code>[a-z]+(?:-[a-z]+)*)\]$")

#: Problem code -> the label the report shows.
KIND_LABELS: dict[str, str] = {**MORE_KINDS, **KINDS}


def kind_label(code: str) -> str:
    """The plain label of a problem code; a code added later reads as words
    (``new-kind`` -> ``New kind``), never as the raw code."""
    return KIND_LABELS.get(code) or code.replace("-", " ").capitalize()


def fill_report(table: QTableWidget, problems: Sequence[Problem]) -> None:
    """One row per problem, coloured by its severity; the whole problem in the tooltips."""
    table.setRowCount(len(problems))
    for row, p in enumerate(problems):
        where = ", ".join(x for x in (f"row {p.row}" if p.row else "", p.column or "") if x)
        for col, text in enumerate([kind_label(p.code), where, p.message]):
            item = QTableWidgetItem(text)
            item.setBackground(COLOURS.get(p.severity, COLOURS["info"]))
            item.setToolTip(str(p))
            table.setItem(row, col, item)
    for col in (0, 1):  # the message column stretches and wraps: no sideways scrolling
        table.resizeColumnToContents(col)
    table.resizeRowsToContents()


def stored_line(text: str) -> tuple[str, str, str]:
    """A line of a stored import report (``str(problem)``: ``where: message [warning: code]``)
    as (kind label, severity, the line without its code); a line without a code is kept whole,
    as an "info" line of no kind."""
    found = STORED_CODE.search(text)
    if found is None:
        return "", "info", text
    return kind_label(found["code"]), found["severity"] or "error", text[: found.start()]


def report_item(text: str) -> QListWidgetItem:
    """A stored report line for the Ratings page: ``Kind: where: message``, coloured by its
    severity, whole in the tooltip (the raw code left out)."""
    kind, severity, line = stored_line(text)
    item = QListWidgetItem(f"{kind}: {line}" if kind else line)
    item.setBackground(COLOURS.get(severity, COLOURS["info"]))
    item.setToolTip(item.text())
    return item
