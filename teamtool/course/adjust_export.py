"""Exporting a whole course: every milestone adjusted, then the workbook and the CSV files.

The window gathers on its thread and writes in a worker; the demo and scripts call it directly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from teamtool.course.grade_files import ExportDone, GradeData, GradeTargets, write_grade_files
from teamtool.course.milestone_inputs import MilestoneInputs, load_inputs
from teamtool.export.output_paths import check_outputs
from teamtool.grading import AdjustOptions, MilestoneResult
from teamtool.grading.repeated_low import add_repeated_low
from teamtool.model import Rating, Roster
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


def write_exports(
    bundle: ExportBundle, choice: ExportChoice, progress: Callable[[Any], None] | None = None
) -> ExportDone:
    """Write the chosen files into ``choice.folder``, all or none; runs in a worker (no Qt, no
    course)."""
    folder = choice.folder
    targets = GradeTargets(
        workbook=folder / WORKBOOK if choice.workbook else None,
        plain=folder / PLAIN if choice.plain else None,
        canvas=folder / CANVAS if choice.canvas else None,
        feedback=folder / FEEDBACK if choice.feedback else None,
        gradebook=choice.gradebook,
    )
    chosen = [(f'"{p.name}"', p) for p in (targets.workbook, targets.canvas, targets.feedback,
                                           targets.plain) if p is not None]  # fmt: skip
    check_outputs([("the Canvas gradebook export", choice.gradebook)], chosen)
    folder.mkdir(parents=True, exist_ok=True)
    data = GradeData(
        bundle.results(), bundle.ratings, bundle.teams, bundle.roster, bundle.options,
        bundle.tokens,
    )  # fmt: skip
    return write_grade_files(data, targets, progress)
