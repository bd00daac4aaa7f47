"""Read the wide survey exports (Google Forms, Microsoft Forms, Qualtrics) into responses."""

from __future__ import annotations

from collections.abc import Callable

from teamtool.errors import SurveyError
from teamtool.files.tables import Grid
from teamtool.names import fold
from teamtool.problems import Problems
from teamtool.ratings.comment_columns import is_comment, read_comments, split_comment_columns
from teamtool.ratings.layouts import GRID_HEADER, Answer, Extracted, Response, key
from teamtool.ratings.qualtrics_status import not_a_response, unfinished
from teamtool.ratings.rating_scale import PRESETS, Scale

MSFORMS_FIXED = {"id", "start time", "completion time", "email", "name", "last modified time"}
MSFORMS_QUIZ = ("total points", "quiz feedback", "points - ", "feedback - ")
QUALTRICS_FIXED = {
    "startdate", "enddate", "status", "ipaddress", "progress", "duration (in seconds)", "finished",
    "recordeddate", "responseid", "recipientlastname", "recipientfirstname", "recipientemail",
    "externalreference", "externaldatareference", "locationlatitude", "locationlongitude",
    "distributionchannel", "userlanguage",
}  # fmt: skip


def who_role(header: str) -> str | None:
    """``email``, ``id`` or ``name`` for a column that identifies the respondent."""
    k = key(header)
    if "email" in k or "e-mail" in k or k == "username":
        return "email"
    if k in ("id", "student id", "your student id", "student number", "netid", "sis id"):
        return "id"
    if "name" in k:
        return "name"
    return None


def _who(cells: list[str], columns: list[tuple[int, str]]) -> list[tuple[str, str]]:
    """(column, text) of the identifying cells, ids first, then emails, then names."""
    order = {"id": 0, "email": 1, "name": 2}
    ranked = sorted(columns, key=lambda c: order.get(who_role(c[1]) or "name", 3))
    return [(h, _cell(cells, i).strip()) for i, h in ranked if _cell(cells, i).strip()]


def _cell(cells: list[str], index: int) -> str:
    return cells[index] if 0 <= index < len(cells) else ""


def read_google(grid: Grid, problems: Problems) -> Extracted:
    """One column per teammate titled ``Question [Name]``; the largest grid question wins."""
    header = grid.rows[0]
    groups: dict[str, list[tuple[int, str]]] = {}
    for index, cell in enumerate(header):
        m = GRID_HEADER.match(cell)
        if m and not is_comment(m["question"]):  # "Comments [Name]": a comment, see below
            groups.setdefault(fold(m["question"]), []).append((index, m["person"].strip()))
    if not groups:
        raise SurveyError(
            'no grid columns ("Question [Name]") were found',
            file=grid.file,
            row=1,
            code="no-ratings",
        )
    grid_cols = max(groups.values(), key=len)
    for cols in groups.values():
        if cols is not grid_cols:
            problems.add(
                "ignored-column",
                "this grid question is not the rating question (it has fewer rows); it is left out",
                file=grid.file, row=1, column=header[cols[0][0]], severity="info",
            )  # fmt: skip
    taken = {i for i, _ in grid_cols}
    time_col = next((i for i, h in enumerate(header) if key(h) in ("timestamp", "time")), -1)
    comments = [i for i, h in enumerate(header) if i not in taken and is_comment(h)]
    who_cols = [
        (i, h)
        for i, h in enumerate(header)
        if i not in taken and i not in comments and who_role(h) and i != time_col
    ]
    out = Extracted("google", time_column=header[time_col] if time_col >= 0 else "")
    out.person_columns = [(header[i], p) for i, p in grid_cols]
    about = split_comment_columns(header, comments, out.person_columns, problems, grid.file)
    for row, cells in grid.iter_rows(1):
        if not any(c.strip() for c in cells):
            continue
        answers = [
            Answer(header[i], p, _cell(cells, i)) for i, p in grid_cols if _cell(cells, i).strip()
        ]
        answers, general = read_comments(cells, answers, about, dict(out.person_columns))
        out.responses.append(
            Response(row, _who(cells, who_cols), answers, _cell(cells, time_col), general=general)
        )
    return out


def _fits_a_scale(values: list[str], scale: Scale | None) -> bool:
    scales = [scale] if scale is not None else list(PRESETS.values())[:-1]
    return bool(values) and any(all(s.value_of(v) is not None for v in values) for s in scales)


def read_msforms(
    grid: Grid, problems: Problems, is_person: Callable[[str], bool], scale: Scale | None
) -> Extracted:
    """Fixed columns, then one Likert column per statement (a teammate's name), then comments."""
    header = grid.rows[0]
    data = [(row, cells) for row, cells in grid.iter_rows(1) if any(c.strip() for c in cells)]
    keys = [key(h) for h in header]
    time_col = next(
        (keys.index(k) for k in ("last modified time", "completion time") if k in keys), -1
    )
    who_cols, comments, ratings = [], [], []
    for index, h in enumerate(header):
        k = keys[index]
        if k in MSFORMS_FIXED or k.startswith(MSFORMS_QUIZ) or not k:
            if k in ("email", "name"):
                who_cols.append((index, h))
            continue
        if is_comment(h):
            comments.append(index)
        elif is_person(h):
            ratings.append(index)
        elif who_role(h):
            who_cols.append((index, h))
        elif _fits_a_scale([c[index].strip() for _, c in data if _cell(c, index).strip()], scale):
            ratings.append(index)
        else:
            problems.add(
                "ignored-column", "this column is neither a teammate's rating nor a comment; it is left out",
                file=grid.file, row=1, column=h, severity="info",
            )  # fmt: skip
    if not ratings:
        raise SurveyError("no rating columns were found", file=grid.file, row=1, code="no-ratings")
    out = Extracted("msforms", time_column=header[time_col] if time_col >= 0 else "")
    out.person_columns = [(header[i], header[i].strip()) for i in ratings]
    about = split_comment_columns(header, comments, out.person_columns, problems, grid.file)
    for row, cells in data:
        answers = [
            Answer(header[i], header[i].strip(), _cell(cells, i))
            for i in ratings
            if _cell(cells, i).strip()
        ]
        answers, general = read_comments(cells, answers, about, dict(out.person_columns))
        out.responses.append(
            Response(row, _who(cells, who_cols), answers, _cell(cells, time_col), general=general)
        )
    return out


def read_qualtrics(grid: Grid, problems: Problems, *, drop_partial: bool = False) -> Extracted:
    """Three header rows; the matrix question's rows are ``Question - Name``; previews skipped;
    unfinished responses kept with the answers they hold (``partial``), or left out."""
    ids = [key(c) for c in grid.rows[0]]
    display = grid.rows[1] if len(grid.rows) > 1 else []
    start = 1
    if len(grid.rows) > 1 and any(
        c.strip().startswith(("Start Date", "Response ID", '{"ImportId"')) for c in display
    ):
        start = 2
    if len(grid.rows) > 2 and any(c.strip().startswith('{"ImportId"') for c in grid.rows[2]):
        start = 3
    texts = display if start >= 2 else grid.rows[0]
    groups: dict[str, list[tuple[int, str]]] = {}
    for index, text in enumerate(texts):
        if (index < len(ids) and ids[index] in QUALTRICS_FIXED) or " - " not in text:
            continue
        question, person = text.rsplit(" - ", 1)
        if key(person) not in ("text", "selected choice", "") and not is_comment(text):
            groups.setdefault(fold(question), []).append((index, person.strip()))
    if not groups:
        raise SurveyError(
            'no matrix question ("Question - Name" columns) was found in the second header row',
            file=grid.file, row=2, code="no-ratings",
        )  # fmt: skip
    matrix = max(groups.values(), key=len)
    taken = {i for i, _ in matrix}

    def col(*names: str) -> int:
        return next((ids.index(n) for n in names if n in ids), -1)

    time_col = col("recordeddate", "enddate")
    who_cols = [
        (i, grid.rows[0][i])
        for i in (col("externalreference", "externaldatareference"), col("recipientemail"))
        if i >= 0
    ]
    first, last = col("recipientfirstname"), col("recipientlastname")
    comments = [i for i, t in enumerate(texts) if i not in taken and is_comment(t)]
    for i, text in enumerate(texts):
        if i in taken or i in comments or i >= len(ids) or ids[i] in QUALTRICS_FIXED:
            continue
        if who_role(text):
            who_cols.append((i, text))
    out = Extracted("qualtrics", time_column=grid.rows[0][time_col] if time_col >= 0 else "")
    out.person_columns = [(texts[i], p) for i, p in matrix]
    row_of_texts = 2 if start >= 2 else 1
    about = split_comment_columns(
        texts, comments, out.person_columns, problems, grid.file, row_of_texts
    )
    for row, cells in grid.iter_rows(start):
        if not any(c.strip() for c in cells):
            continue
        if not_a_response(grid, row, cells, ids, problems, drop_partial=drop_partial):
            continue
        who = _who(cells, who_cols)
        name = f"{_cell(cells, first).strip()} {_cell(cells, last).strip()}".strip()
        if name:
            who.append(("RecipientFirstName/RecipientLastName", name))
        answers = [
            Answer(texts[i], p, _cell(cells, i)) for i, p in matrix if _cell(cells, i).strip()
        ]
        answers, general = read_comments(cells, answers, about, dict(out.person_columns))
        response = Response(row, who, answers, _cell(cells, time_col), general=general)
        response.partial = unfinished(cells, ids)
        out.responses.append(response)
    return out
