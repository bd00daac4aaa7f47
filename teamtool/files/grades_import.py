"""Team grades of one milestone from a file: a team,grade table or a Canvas gradebook column."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from teamtool.canvas import gradebook
from teamtool.canvas.grade_column import canvas_assignment_columns, load_canvas_column
from teamtool.files.gradesfile import load_team_grades
from teamtool.files.tables import read_grid
from teamtool.problems import Problems
from teamtool.store.token_store import TokenEntry


@dataclass
class GradesFromFile:
    """The team grades read, and every problem found."""

    grades: dict[str, float] = field(default_factory=dict)
    max_points: float | None = None
    problems: Problems = field(default_factory=Problems)
    #: team -> late days, resubmissions and original grade, when the file has token columns
    tokens: dict[str, TokenEntry] = field(default_factory=dict)


def is_canvas_gradebook(path: str | Path) -> bool:
    """A Canvas gradebook export starts with the columns Student and ID."""
    return gradebook.is_canvas_gradebook(read_grid(path))


def gradebook_columns(path: str | Path) -> list[str]:
    return canvas_assignment_columns(path)


def team_grade_milestones(path: str | Path) -> list[str]:
    """The milestones named in a team,grade file (its file name when it has no such column)."""
    return list(load_team_grades(path, raise_on_error=False))


def from_team_file(path: str | Path, teams: Sequence[str], milestone: str | None) -> GradesFromFile:
    """The grades of ``milestone`` (or of the only milestone in the file) for known teams."""
    loaded = load_team_grades(path, teams, milestone=None, raise_on_error=False)
    out = GradesFromFile(problems=loaded.problems)
    names = list(loaded)
    chosen = milestone if milestone in loaded else (names[0] if len(names) == 1 else None)
    if chosen is None:
        out.problems.add(
            "choose-milestone",
            f"the file has grades for {', '.join(names) or 'no milestone'}; choose one",
            file=Path(path).name,
        )
        return out
    out.grades = dict(loaded[chosen])
    out.max_points = loaded.max_points.get(chosen)
    originals = loaded.original_grades.get(chosen, {})
    for team, use in loaded.token_uses.get(chosen, {}).items():
        out.tokens[team] = TokenEntry(use.days_late, use.resubmissions, originals.get(team))
    return out


def from_canvas_column(
    path: str | Path, column: str, teams: Mapping[str, Sequence[str]]
) -> GradesFromFile:
    """A team's grade is its members' common score; members who disagree are reported and the
    team is left without a grade, never averaged silently."""
    scores = load_canvas_column(path, column, raise_on_error=False)
    out = GradesFromFile(max_points=scores.points_possible, problems=scores.problems)
    file = Path(path).name
    for team, members in teams.items():
        values = [scores[s] for s in members if s in scores]
        if not values:
            out.problems.add(
                "no-grade", f"no member of {team} has a score in this column",
                file=file, column=scores.column, severity="warning",
            )  # fmt: skip
            continue
        counts = Counter(values)
        if len(counts) > 1:
            shown = ", ".join(f"{v:g} ({n}×)" for v, n in counts.most_common())
            out.problems.add(
                "members-disagree", f"the members of {team} have different scores ({shown}); "
                "type the team grade by hand",
                file=file, column=scores.column,
            )  # fmt: skip
            continue
        out.grades[team] = values[0]
    return out
