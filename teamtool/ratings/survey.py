"""Import a peer-rating survey export: read the layout, match people, clean and report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from teamtool.errors import SurveyError
from teamtool.model import Rating, Roster, TeamSet
from teamtool.problems import Problems, Severity
from teamtool.ratings.cleaning import Submission, build_ratings, latest_submissions
from teamtool.ratings.layouts import LAYOUTS, Extracted, Response, detect_layout
from teamtool.ratings.longformat import read_long, read_ratings_csv, write_ratings_csv
from teamtool.ratings.resolve import PeopleResolver, UncertainMatch
from teamtool.ratings.scales import (
    PRESETS,
    Scale,
    ambiguous_values,
    best_scale,
    candidate_scales,
    get_scale,
)
from teamtool.ratings.wide import read_google, read_msforms, read_qualtrics, who_role
from teamtool.tables import Grid, read_grid

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
    ``rater-not-in-team``, ``ambiguous-scale``, ``numeric-answers`` (Qualtrics recodes), ``unknown-person`` for an empty column. Notes:
    ``duplicate-submission`` (the latest wins), ``preview-response``, ``partial-response``,
    ``ignored-column``.
    """

    file: str
    layout: str  # "long" | "google" | "msforms" | "qualtrics"
    scale: Scale
    ratings: list[Rating] = field(default_factory=list)  # cleaned, only confirmed people
    problems: Problems = field(default_factory=Problems)
    uncertain: list[UncertainMatch] = field(default_factory=list)
    respondents: set[str] = field(default_factory=set)
    non_respondents: list[str] = field(default_factory=list)
    raw_header: list[str] = field(default_factory=list)
    raw_rows: list[list[str]] = field(default_factory=list)


def import_survey(
    path: str | Path,
    roster: Roster,
    teams: TeamSet,
    *,
    scale: Scale | str | None = None,
    layout: str | None = None,
    confirmed: Mapping[str, str] | None = None,
) -> SurveyImport:
    """Read a survey export (any layout) and clean it against the roster and the teams.

    ``confirmed`` maps an uncertain text (as in :attr:`UncertainMatch.text`) to the student id
    the user chose, or to ``""`` for "not a student of the course: leave out".
    Only an unreadable file raises; every other problem is in ``problems``.
    """
    return import_grid(
        read_grid(path), roster, teams, scale=scale, layout=layout, confirmed=confirmed
    )


def import_grid(
    grid: Grid,
    roster: Roster,
    teams: TeamSet,
    *,
    scale: Scale | str | None = None,
    layout: str | None = None,
    confirmed: Mapping[str, str] | None = None,
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
    problems = Problems()
    people = PeopleResolver(roster, grid.file, problems, dict(confirmed or {}))
    if isinstance(scale, str):
        scale = get_scale(scale)
    extracted = _read(grid, layout, problems, people, scale)
    if scale is None:
        scale = _detect_scale(grid.file, extracted, problems)
    columns = _resolve_columns(extracted, people) if layout != "long" else {}
    submissions = [_submission(r, extracted, people, columns) for r in extracted.responses]
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
    result.uncertain = people.uncertain
    return result


def _read(
    grid: Grid, layout: str, problems: Problems, people: PeopleResolver, scale: Scale | None
) -> Extracted:
    if layout == "long":
        return read_long(grid, problems)
    if layout == "google":
        return read_google(grid, problems)
    if layout == "qualtrics":
        return read_qualtrics(grid, problems)
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
    if best.numeric and extracted.layout == "qualtrics":
        problems.add(
            "numeric-answers",
            f"the answers are numbers, read on the scale {best.describe()} with the higher number "
            "the better rating; Qualtrics numeric recodes often run the other way (1 = the first "
            "choice): export the choice text, or give a label,value scale file, if so",
            file=file, severity="warning",
        )  # fmt: skip
    return best


def _submission(
    response: Response, extracted: Extracted, people: PeopleResolver, columns: dict[str, str | None]
) -> Submission:
    """Identify the rater of one response and the ratee of each answer."""
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
        if extracted.layout != "long":
            sub.ratees.append(columns.get(answer.column))
            continue
        match = people.match(answer.ratee_text)
        sub.ratees.append(match.student_id if match.certain else None)
        if not match.certain:
            people.report(match, "ratee", response.row, answer.ratee_column)
    return sub


def _resolve_columns(extracted: Extracted, people: PeopleResolver) -> dict[str, str | None]:
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
