"""Exporting a whole course: every milestone adjusted, then the workbook and the CSV files.

The window gathers on its thread and writes in a worker; the demo and scripts call it directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teamtool.export.atomic import all_or_nothing
from teamtool.export.feedback import export_feedback
from teamtool.export.grade_csv import export_canvas_grades, export_grades_csv
from teamtool.export.output_paths import check_outputs
from teamtool.grading import AdjustOptions, MilestoneResult
from teamtool.grading.repeated_low import add_repeated_low
from teamtool.milestone_inputs import MilestoneInputs, load_inputs
from teamtool.model import Rating, Roster
from teamtool.problems import Problems
from teamtool.store import Course
from teamtool.tokens.apply import TokenOutcome

WORKBOOK = "adjusted grades.xlsx"
CANVAS = "canvas grades import.csv"
FEEDBACK = "feedback mail merge.csv"
PLAIN = "adjusted grades.csv"


@dataclass
class ExportBundle:
    """Plain data (no course connection), safe to hand to a worker thread."""

    roster: Roster
    inputs: list[MilestoneInputs] = field(default_factory=list)

    @property
    def ratings(self) -> dict[str, list[Rating]]:
        return {i.milestone.name: i.ratings for i in self.inputs}

    @property
    def teams(self) -> dict[str, dict[str, list[str]]]:
        return {i.milestone.name: i.teams for i in self.inputs}

    @property
    def options(self) -> dict[str, AdjustOptions]:
        return {i.milestone.name: i.options for i in self.inputs}

    @property
    def tokens(self) -> TokenOutcome | None:
        """The course's token ledger (the same in every milestone's inputs), if it keeps one."""
        return next((i.tokens for i in self.inputs if i.tokens is not None), None)

    def results(self) -> list[MilestoneResult]:
        """Adjust every milestone (about 0.1 s per 1,000 students: call it in a worker); a
        student low on two milestones in a row is flagged ``repeated-low``."""
        return add_repeated_low([i.adjust() for i in self.inputs])


@dataclass
class ExportChoice:
    folder: Path
    workbook: bool = True
    canvas: bool = True
    feedback: bool = True
    plain: bool = False  # one row per student and milestone, for any other tool
    gradebook: Path | None = None  # a Canvas gradebook export to match


@dataclass
class ExportDone:
    written: list[Path]
    problems: Problems


def gather(course: Course) -> ExportBundle:
    """The inputs of every milestone that has teams (read on the GUI thread; fast)."""
    bundle = ExportBundle(course.roster())
    for m in course.milestones():
        assert m.id is not None
        inputs = load_inputs(course, m.id, previous=False)  # results() flags across all
        if inputs.team_set is not None:
            bundle.inputs.append(inputs)
    return bundle


def gather_file(path: Path) -> ExportBundle:
    """:func:`gather` over a connection of its own, so that a worker thread can read."""
    with Course.open(path) as course:
        return gather(course)


def results_of_file(path: Path, progress: Callable[[Any], None] | None = None) -> Any:
    """Worker function: every milestone's result (for the chart)."""
    return gather_file(path).results()


def export_file(
    path: Path, choice: ExportChoice, progress: Callable[[Any], None] | None = None
) -> ExportDone:
    """Worker function: read the course file and write the chosen exports."""
    return write_exports(gather_file(path), choice, progress)


@all_or_nothing()  # all the chosen files or none
def write_exports(
    bundle: ExportBundle, choice: ExportChoice, progress: Callable[[Any], None] | None = None
) -> ExportDone:
    """Write the chosen files into ``choice.folder``; runs in a worker (no Qt, no course)."""
    chosen = ((WORKBOOK, choice.workbook), (CANVAS, choice.canvas), (FEEDBACK, choice.feedback),
              (PLAIN, choice.plain))  # fmt: skip
    check_outputs(
        [("the Canvas gradebook export", choice.gradebook)],
        [(f'"{name}"', choice.folder / name) for name, wanted in chosen if wanted],
    )
    choice.folder.mkdir(parents=True, exist_ok=True)
    results = bundle.results()
    written: list[Path] = []
    problems = Problems()
    if choice.workbook:
        # XlsxWriter is loaded when a workbook is written, not when the window opens
        from teamtool.export.grades_workbook import export_grades_workbook

        written.append(
            export_grades_workbook(
                results,
                bundle.ratings,
                bundle.teams,
                bundle.roster,
                bundle.options,
                choice.folder / WORKBOOK,
                tokens=bundle.tokens,
            )
        )
        if progress:
            progress("workbook")
    if choice.canvas:
        written.append(
            export_canvas_grades(
                results, bundle.roster, choice.folder / CANVAS, choice.gradebook, problems
            )
        )
    if choice.feedback:
        written.append(
            export_feedback(results, bundle.ratings, bundle.roster, choice.folder / FEEDBACK)
        )
    if choice.plain:
        plain = choice.folder / PLAIN
        written.append(export_grades_csv(results, bundle.roster, plain, tokens=bundle.tokens))
    return ExportDone(written, problems)
