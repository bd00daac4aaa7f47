"""The adjusted grades written to files: the one writer behind ``teamtool adjust``, the window's
export and the demo. All the chosen files are written, or none (``all_or_nothing``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teamtool.canvas.grades_csv import export_canvas_grades
from teamtool.export.atomic import all_or_nothing
from teamtool.export.feedback import export_feedback
from teamtool.export.grade_csv import export_grades_csv
from teamtool.grading import AdjustOptions, MilestoneResult
from teamtool.model import Rating, Roster
from teamtool.problems import Problems
from teamtool.tokens.apply import TokenOutcome

Teams = Mapping[str, Sequence[str]] | Mapping[str, Mapping[str, Sequence[str]]]


@dataclass(frozen=True)
class GradeData:
    """What every grade file is written from: the results and what they were computed from.
    ``teams`` is team -> members for every milestone, or milestone -> (team -> members)."""

    results: Sequence[MilestoneResult]
    ratings: Mapping[str, Sequence[Rating]]
    teams: Teams
    roster: Roster
    options: Mapping[str, AdjustOptions]
    tokens: TokenOutcome | None = None


@dataclass(frozen=True)
class GradeTargets:
    """Where each file goes (None: not written); ``gradebook`` is a Canvas gradebook export
    whose students and column the Canvas file matches."""

    workbook: Path | None = None
    plain: Path | None = None
    canvas: Path | None = None
    feedback: Path | None = None
    gradebook: Path | None = None


@dataclass
class ExportDone:
    written: list[Path]
    problems: Problems = field(default_factory=Problems)


@all_or_nothing()
def write_grade_files(
    data: GradeData, targets: GradeTargets, progress: Callable[[Any], None] | None = None
) -> ExportDone:
    """Write the files ``targets`` names, in a fixed order; the callers check first that no
    output is an input or another output (``check_outputs``)."""
    done = ExportDone([])
    if targets.workbook is not None:
        # XlsxWriter is loaded when a workbook is written, not when the window opens
        from teamtool.export.grades_workbook import export_grades_workbook

        done.written.append(
            export_grades_workbook(
                data.results, data.ratings, data.teams, data.roster, data.options,
                targets.workbook, tokens=data.tokens,
            )
        )  # fmt: skip
        if progress:
            progress("workbook")
    if targets.plain is not None:
        done.written.append(
            export_grades_csv(data.results, data.roster, targets.plain, tokens=data.tokens)
        )
    if targets.canvas is not None:
        done.written.append(
            export_canvas_grades(
                data.results, data.roster, targets.canvas, targets.gradebook, done.problems
            )
        )
    if targets.feedback is not None:
        done.written.append(
            export_feedback(data.results, data.ratings, data.roster, targets.feedback)
        )
    return done
