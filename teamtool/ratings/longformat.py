"""The long format ``rater,ratee,rating[,comment]``: reading surveys, and the cleaned ratings file.

A ``general_comment`` column (also ``general comment``, ``team comment``) holds the rater's
comment about the whole team, written once per rater; ``comment`` is about the row's ratee."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teamtool.errors import SurveyError
from teamtool.export.csv_util import write_csv
from teamtool.export.safe import Identifier, unescape_identifier, unescape_text
from teamtool.files.tables import Grid, read_grid
from teamtool.model import Rating, Roster
from teamtool.number_text import parse_number
from teamtool.problems import Problems
from teamtool.ratings.cleaned_checks import (
    ReadRating,
    cell_of,
    check_value,
    milestone_column,
    not_a_number,
    rating_columns,
    without_duplicates,
)
from teamtool.ratings.layouts import Answer, Extracted, Response, long_columns
from teamtool.ratings.matching import PeopleMatcher
from teamtool.ratings.rating_scale import Scale
from teamtool.ratings.scale_detection import best_scale
from teamtool.ratings.scales import get_scale

RATINGS_HEADER = ("rater_id", "ratee_id", "rating", "label", "comment")
GENERAL_COLUMN = "general_comment"


def read_long(grid: Grid, problems: Problems) -> Extracted:
    """One response per row: the rater, the ratee, the rating and an optional comment and time."""
    header = grid.rows[0]
    roles = long_columns(header)
    missing = [r for r in ("rater", "ratee", "rating") if r not in roles]
    if missing:
        raise SurveyError(
            f"the long format needs the columns rater, ratee and rating; missing: {', '.join(missing)}",
            file=grid.file, row=1, code="missing-column",
        )  # fmt: skip
    out = Extracted("long", time_column=header[roles["time"]] if "time" in roles else "")

    def cell(cells: list[str], role: str) -> str:
        index = roles.get(role, -1)
        return cells[index] if 0 <= index < len(cells) else ""

    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        answer = Answer(
            header[roles["rating"]],
            unescape_identifier(cell(cells, "ratee").strip()),
            cell(cells, "rating"),
        )
        answer.ratee_column = header[roles["ratee"]]
        who = [(header[roles["rater"]], unescape_identifier(cell(cells, "rater").strip()))]
        comment = unescape_text(cell(cells, "comment"))
        label = unescape_text(cell(cells, "label"))
        response = Response(row, who, [answer], cell(cells, "time"), comment, label)
        response.general = unescape_text(cell(cells, "general"))
        out.responses.append(response)
    return out


def write_ratings_csv(ratings: Sequence[Rating], path: str | Path) -> Path:
    """Write ``rater_id,ratee_id,rating,label,comment`` (UTF-8 with BOM, formula-safe; the ids
    keep their exact text unless a spreadsheet could run them), and a
    last ``general_comment`` column only when a rater wrote one, so that a file without general
    comments keeps the five columns older readers know."""
    if not any(r.general_comment for r in ratings):
        rows = [
            (Identifier(r.rater), Identifier(r.ratee), r.value, r.label, r.comment) for r in ratings
        ]
        return write_csv(path, RATINGS_HEADER, rows)
    wide = [
        (Identifier(r.rater), Identifier(r.ratee), r.value, r.label, r.comment, r.general_comment)
        for r in ratings
    ]
    return write_csv(path, (*RATINGS_HEADER, GENERAL_COLUMN), wide)


def read_ratings_csv(
    path: str | Path,
    roster: Roster | None = None,
    scale: Scale | str | None = None,
    warnings: Problems | None = None,
) -> list[Rating]:
    """Read cleaned ratings (long format); raise one SurveyError listing every problem.

    With a roster, raters and ratees may be ids, emails or names and must match certainly.
    Ratings may be labels of ``scale`` or numbers; without a scale, numbers are taken as they
    are (0 or more) and labels must fit a preset scale. A rater and ratee given twice is an
    error, or a warning added to ``warnings`` when both rows agree (see ``cleaned_checks``).
    """
    grid = read_grid(path)
    problems = Problems(list(grid.problems))
    extracted = read_long(grid, problems)
    if isinstance(scale, str):
        scale = get_scale(scale)
    texts = [r.answers[0].text for r in extracted.responses]
    if scale is None and not all(parse_number(t) is not None for t in texts if t.strip()):
        scale = best_scale(texts)
        if scale is None:
            row, first = next(
                (r.row, r.answers[0])
                for r in extracted.responses
                if not_a_number(r.answers[0].text)
            )
            raise SurveyError(
                f'"{first.text.strip()[:40]}" is not a number, and the ratings do not fit any '
                "preset scale; choose the scale",
                file=grid.file, row=row, column=first.column, code="unknown-scale",
            )  # fmt: skip
    matcher = PeopleMatcher(roster) if roster is not None else None
    out: list[ReadRating] = []
    at_milestone = milestone_column(grid.rows[0])
    for response in extracted.responses:
        answer = response.answers[0]
        column, rater_text = response.who[0]
        rater = _person(rater_text, column, response.row, grid.file, matcher, problems)
        ratee = _person(
            answer.ratee_text, answer.ratee_column, response.row, grid.file, matcher, problems
        )
        text = answer.text.strip()
        value = parse_number(text) if scale is None else scale.value_of(text)
        if not text:
            problems.add(
                "blank-rating",
                "the rating is empty",
                file=grid.file,
                row=response.row,
                column=answer.column,
            )
        elif value is None:
            problems.add(
                "unknown-label", f'"{text}" is not on the scale {scale.describe() if scale else ""}',
                file=grid.file, row=response.row, column=answer.column,
            )  # fmt: skip
        elif not check_value(value, text, problems, grid.file, response.row, answer.column):
            value = None
        if rater and ratee and value is not None:
            label = scale.label_of(value) if scale is not None else response.label.strip()
            comment, general = response.comment.strip(), response.general.strip()
            rating = Rating(rater, ratee, value, label, comment, general)
            out.append(ReadRating(response.row, rating, cell_of(grid, response.row, at_milestone)))
    kept = without_duplicates(out, problems, grid.file, rating_columns(grid.rows[0]))
    problems.raise_if_errors(SurveyError)
    if warnings is not None:
        warnings.extend(problems.warnings)
    return kept


def _person(
    text: str, column: str, row: int, file: str, matcher: PeopleMatcher | None, problems: Problems
) -> str | None:
    if not text:
        problems.add("unknown-person", "the cell is empty", file=file, row=row, column=column)
        return None
    if matcher is None:
        return text
    match = matcher.match(text)
    if match.certain:
        return match.student_id
    if match.candidates:
        options = ", ".join(f"{sid} {matcher.name_of(sid)}" for sid, _ in match.candidates)
        problems.add(
            "uncertain-match", f'"{text}" is not certainly a student of the roster (maybe: {options})',
            file=file, row=row, column=column,
        )  # fmt: skip
    else:
        problems.add(
            "unknown-person", f'"{text}" is not in the roster', file=file, row=row, column=column
        )
    return None
