"""Import a peer-rating survey export: read the layout, match people, clean and report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, Unpack

from teamtool.errors import SurveyError
from teamtool.files.tables import Grid, read_grid
from teamtool.model import Rating, Roster, TeamSet
from teamtool.problems import Problems
from teamtool.ratings.cleaning import build_ratings
from teamtool.ratings.identify import identify, resolve_columns
from teamtool.ratings.layouts import CELL_RATEE_LAYOUTS, LAYOUTS, Extracted, detect_layout
from teamtool.ratings.longformat import read_long, read_ratings_csv, write_ratings_csv
from teamtool.ratings.members import read_members
from teamtool.ratings.resolve import PeopleResolver, UncertainMatch
from teamtool.ratings.scales import (
    PRESETS,
    Scale,
    ambiguous_values,
    best_scale,
    candidate_scales,
    get_scale,
)
from teamtool.ratings.submissions import latest_submissions
from teamtool.ratings.team_check import check_team_share
from teamtool.ratings.wide import read_google, read_msforms, read_qualtrics

__all__ = [
    "SurveyImport",
    "UncertainMatch",
    "detect_layout",
    "import_grid",
    "import_survey",
    "read_ratings_csv",
    "write_ratings_csv",
]


@dataclass
class SurveyImport:
    """The cleaned ratings of one survey file and everything the user should know about it.

    Problem codes. Errors (the ratings must not be used until fixed): ``uncertain-match`` (a
    person to confirm, see ``uncertain``), ``unknown-person`` (a rater, or a ratee column with
    answers, not in the roster), ``unknown-label`` (an answer not on the scale),
    ``bad-confirmation``. Warnings: ``out-of-team`` (left out), ``blank-rating``,
    ``missing-rating`` (no cell at all), ``self-missing``, ``non-respondent``,
    ``duplicate-rating`` (long format), ``duplicate-ratee``, ``rater-mismatch``,
    ``rater-not-in-team``, ``partial-response`` (an unfinished Qualtrics response: its ratings
    kept, "rated 2 of 4"), ``wrong-teams`` (first: many ratings between students of different
    teams, see ``team_check``), ``ambiguous-scale``, ``numeric-answers`` (Qualtrics recodes),
    ``unknown-person`` for an empty column, ``rating-without-person``,
    ``comment-without-person`` and ``ratee-mismatch`` (members layout),
    ``comment-without-rating`` (kept with the general comment), ``comment-left-out`` (a general
    comment by a rater with no rating to keep it on). Notes: ``duplicate-submission`` (the
    latest wins), ``preview-response``, ``partial-response`` (left out with ``drop_partial``),
    ``ignored-column``,
    ``comment-column-unmatched``.

    Comments: ``Rating.comment`` is about the ratee; ``Rating.general_comment`` is the rater's
    comment about the whole team (see ``comment_columns`` for how a column's header decides).
    """

    file: str
    layout: str  # "long" | "google" | "msforms" | "qualtrics" | "members"
    scale: Scale
    ratings: list[Rating] = field(default_factory=list)  # cleaned, only confirmed people
    problems: Problems = field(default_factory=Problems)
    uncertain: list[UncertainMatch] = field(default_factory=list)
    respondents: set[str] = field(default_factory=set)
    non_respondents: list[str] = field(default_factory=list)
    raw_header: list[str] = field(default_factory=list)
    raw_rows: list[list[str]] = field(default_factory=list)


class SurveyOptions(TypedDict, total=False):
    """The keyword options of :func:`import_grid`, which :func:`import_survey` hands on."""

    scale: Scale | str | None
    layout: str | None
    confirmed: Mapping[str, str] | None
    drop_partial: bool


def import_survey(
    path: str | Path, roster: Roster, teams: TeamSet, **options: Unpack[SurveyOptions]
) -> SurveyImport:
    """Read a survey export (any layout) and clean it against the roster and the teams: the
    file's grid through :func:`import_grid`, with the same options.

    ``confirmed`` maps an uncertain text (as in :attr:`UncertainMatch.text`) to the student id
    the user chose, or to ``""`` for "not a student of the course: leave out".
    Only an unreadable file raises; every other problem is in ``problems``. An unfinished
    Qualtrics response keeps the ratings it holds, or is left out with ``drop_partial``.
    """
    return import_grid(read_grid(path), roster, teams, **options)


def import_grid(
    grid: Grid,
    roster: Roster,
    teams: TeamSet,
    *,
    scale: Scale | str | None = None,
    layout: str | None = None,
    confirmed: Mapping[str, str] | None = None,
    drop_partial: bool = False,
) -> SurveyImport:
    """:func:`import_survey` on a grid already read."""
    if layout is None:
        layout = detect_layout(grid)
    elif layout not in LAYOUTS:
        raise SurveyError(
            f'unknown layout "{layout}": use one of {", ".join(LAYOUTS)}',
            file=grid.file,
            code="unknown-layout",
        )
    problems = Problems(list(grid.problems))  # what reading met (rows not in UTF-8)
    people = PeopleResolver(roster, grid.file, problems, dict(confirmed or {}), teams=teams)
    if isinstance(scale, str):
        scale = get_scale(scale)
    extracted = _read(grid, layout, problems, people, scale, drop_partial)
    if scale is None:
        scale = _detect_scale(grid.file, extracted, problems)
    columns = resolve_columns(extracted, people) if layout not in CELL_RATEE_LAYOUTS else {}
    submissions = [identify(r, extracted, people, columns) for r in extracted.responses]
    kept = latest_submissions([s for s in submissions if s.rater], extracted, people)
    result = SurveyImport(
        grid.file, layout, scale, problems=problems, raw_header=list(grid.rows[0])
    )
    result.raw_rows = [list(r) for r in grid.rows[1:]]
    column_of: dict[str, str] = {}
    for column, sid in columns.items():
        if sid is not None:
            column_of.setdefault(sid, column)
    build_ratings(kept, teams, scale, people, result, column_of)
    check_team_share(result, teams.name)
    result.uncertain = people.uncertain
    return result


def _read(
    grid: Grid,
    layout: str,
    problems: Problems,
    people: PeopleResolver,
    scale: Scale | None,
    drop_partial: bool,
) -> Extracted:
    if layout == "long":
        return read_long(grid, problems)
    if layout == "google":
        return read_google(grid, problems)
    if layout == "qualtrics":
        return read_qualtrics(grid, problems, drop_partial=drop_partial)
    if layout == "members":
        return read_members(grid, problems, drop_partial=drop_partial)
    return read_msforms(grid, problems, lambda h: bool(people.match(h).candidates), scale)


def _detect_scale(file: str, extracted: Extracted, problems: Problems) -> Scale:
    """The preset that reads the most answers; ambiguity (different values) is a warning."""
    texts = {a.text.strip() for r in extracted.responses for a in r.answers if a.text.strip()}
    if not texts:
        return PRESETS["oakley9"]
    best = best_scale(texts)
    if best is None:
        shown = ", ".join(f'"{t}"' for t in sorted(texts)[:6])
        raise SurveyError(
            f"the answers ({shown} …) fit no preset scale; choose the scale or give a "
            "label,value scale file",
            file=file, code="unknown-scale",
        )  # fmt: skip
    others = ambiguous_values(best, candidate_scales(texts), texts)
    if others:
        problems.add(
            "ambiguous-scale",
            f"the answers fit several scales with different values; {best.describe()} is used "
            f"(also possible: {', '.join(s.name for s in others)}); choose the scale if this is wrong",
            file=file, severity="warning",
        )  # fmt: skip
    if best.numeric and "qualtrics" in (extracted.layout, extracted.tool):
        problems.add(
            "numeric-answers",
            f"the answers are numbers, read on the scale {best.describe()} with the higher number "
            "the better rating; Qualtrics numeric recodes often run the other way (1 = the first "
            "choice): export the choice text, or give a label,value scale file, if so",
            file=file, severity="warning",
        )  # fmt: skip
    return best
