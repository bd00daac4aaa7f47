"""The whole milestone flow on the sample course, driven through the real widgets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from teamtool.course.adjust_export import CANVAS, FEEDBACK, WORKBOOK
from teamtool.grading import PRESETS
from tests.ui.import_steps import import_sample_grades, open_survey_import
from ui.context import AppContext
from ui.grades.page import GradesPage
from ui.grades.results_model import COL_FACTOR, COL_FINAL, COL_GRADE, STUDENT_ROLE
from ui.ratings.page import RatingsPage

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
RYAN, RAVI = "s1011", "s1005"  # Ryan O'Connor and Ravi Patel, both in Team 1


def canvas_gradebook(path: Path, ctx: AppContext) -> Path:
    """A Canvas gradebook export of the sample course with the assignment "M1 Proposal"."""
    course = ctx.require_course()
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "M1 Proposal (221310)"]
    rows = [header, ["    Points Possible", "", "", "", "", "100.00"]]
    for i, s in enumerate(course.roster().students):
        rows.append([s.name, str(90000 + i), s.id, s.email.split("@")[0], s.section, ""])
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def row_of(page: GradesPage, student_id: str) -> int:
    for row in range(page.model.rowCount()):
        if page.model.data(page.model.index(row, 0), STUDENT_ROLE).student_id == student_id:
            return row
    raise AssertionError(student_id)


def text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def cell(page: GradesPage, student_id: str, column: int) -> str:
    return str(page.model.data(page.model.index(row_of(page, student_id), column)))


def test_whole_milestone_flow(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Hand-computed numbers of Team 1 (grade 84) in samples/surveys/m1_google_forms.csv, with
    the autorating formulas of Oakley et al. 2004 / Kaufman, Felder & Fuller 2000 (reference
    peer-adjustment.md §0): the 16 ratings sum to 1150, team mean 71.875; Ryan receives 37.5,
    75 (self), 50 and 25, mean 46.875, factor 0.6522, grade 84 × 0.6522 = 54.78; Ravi receives
    a mean of 78.125, factor 1.087 capped at 1.05, grade 88.2."""
    ratings_page, grades_page = RatingsPage(ctx), GradesPage(ctx)
    qtbot.addWidget(ratings_page)
    qtbot.addWidget(grades_page)
    ratings_page.show()
    grades_page.show()

    # 1. Add a milestone through the dialog.
    dialog = grades_page.bar.open_add()
    assert dialog is not None
    dialog.name.setText("M1 Proposal")
    dialog.max_points.setValue(100)
    dialog.accept()
    milestone = ctx.require_course().milestones()[0]
    assert (milestone.name, milestone.max_points) == ("M1 Proposal", 100)
    assert milestone.id is not None
    assert ratings_page.bar.current_id() == milestone.id == grades_page.bar.current_id()

    # 2. Type Team 1's grade, then import the others from the sample grades file.
    model = grades_page.team_grades.model
    assert model.setData(model.index(0, 2), "84")
    assert ctx.require_course().milestone(milestone.id).grades == {"Team 1": 84.0}
    import_sample_grades(grades_page.team_grades, "M1 Proposal")
    grades = ctx.require_course().milestone(milestone.id).grades
    assert len(grades) == 12
    assert grades["Team 2"] == 90.5

    # 3. Import the Google Forms export; "Chris Lee" must be confirmed before Import is allowed.
    survey = ratings_page.open_import()
    assert survey is not None
    survey.set_file(SAMPLES / "surveys" / "m1_google_forms.csv")
    assert survey.layout_combo.currentData() == "google"
    assert survey.matches.rowCount() == 1
    assert text(survey.matches, 0, 0).startswith("Chris Lee")
    assert not survey.import_button.isEnabled()
    combo = survey.match_combo(0)
    combo.setCurrentIndex(combo.findData("s1023"))  # Christopher Lee
    assert survey.import_button.isEnabled()
    kinds = {text(survey.report, r, 0) for r in range(survey.report.rowCount())}
    assert {"Duplicate submission", "Non-respondent"} <= kinds
    survey.accept()
    stored = ctx.require_course().ratings(milestone.id)
    assert len(stored) == 188
    assert any(r.rater == "s1023" for r in stored)

    # 4. See a flag: Ryan is a low performer in Team 1, with the rule and the numbers.
    ratings_page.select_team("Team 1")
    flags = ratings_page.flags
    rows = [[text(flags, r, c) for c in range(4)] for r in range(flags.rowCount())]
    assert ["Ryan O'Connor (s1011)", "low-performer", "factor from teammates' ratings <= 0.85",
            "37.5 / 70.833 = 0.529"] in rows  # fmt: skip
    matrix = ratings_page.matrix
    assert matrix.data(matrix.index(0, 1)) == "Deficient"  # Ravi rated Ryan 37.5
    assert matrix.data(matrix.index(0, 1), Qt.ItemDataRole.UserRole) == 37.5

    # The grades of the default method (autorating, cap 1.05).
    assert cell(grades_page, RYAN, COL_FACTOR) == "0.652"
    assert cell(grades_page, RYAN, COL_GRADE) == "54.78"
    assert cell(grades_page, RAVI, COL_GRADE) == "88.2"

    # 5. Switch to WebPA: the table changes at once. WebPA (reference §0): each rater's marks
    # are divided by the rater's total (275, 312.5, 300, 262.5): Ryan's score = 37.5/275 +
    # 75/312.5 + 50/300 + 25/262.5 = 0.6383; 50 % weighting: 42 + 42 × 0.6383 = 68.81.
    panel = grades_page.options
    panel.preset.setCurrentIndex(panel.preset.findData("webpa"))
    assert cell(grades_page, RYAN, COL_FACTOR) == "0.638"
    assert cell(grades_page, RYAN, COL_GRADE) == "68.81"
    assert ctx.require_course().milestone_settings(milestone.id) == PRESETS["webpa"].to_json()
    ctx.undo_stack.undo()  # back to autorating
    assert panel.preset.currentData() == "oakley"
    assert cell(grades_page, RYAN, COL_GRADE) == "54.78"

    # 6. Override Ravi's grade with a reason; undo it; redo it.
    grades_page.select_student(RAVI)
    override = grades_page.open_override()
    assert override is not None
    override.grade.setValue(90)
    assert not override.buttons.button(override.buttons.StandardButton.Ok).isEnabled()
    override.reason.setText("Carried the demo after a teammate's illness")
    override.accept()
    assert cell(grades_page, RAVI, COL_FINAL) == "90"
    assert ctx.require_course().overrides(milestone.id)[RAVI].reason.startswith("Carried")
    ctx.undo_stack.undo()
    assert cell(grades_page, RAVI, COL_FINAL) == "88.2"
    assert RAVI not in ctx.require_course().overrides(milestone.id)
    ctx.undo_stack.redo()
    assert cell(grades_page, RAVI, COL_FINAL) == "90"

    # 7. What-if: had Ravi rated Ryan "Excellent", Ryan's mean would be 62.5 and the team's
    # 1212.5 / 16 = 75.78: factor 0.8247, grade 69.28. Nothing is stored.
    grades_page.select_student(RYAN)
    whatif = grades_page.open_whatif()
    assert whatif is not None
    assert whatif.team.currentText() == "Team 1"
    whatif.set_rating(RAVI, RYAN, 100.0)
    members = whatif.members()
    assert whatif.result_text(members.index(RYAN), 1) == "0.825"
    assert whatif.result_text(members.index(RYAN), 2) == "69.28"
    whatif.reject()
    assert len(ctx.require_course().ratings(milestone.id)) == 188

    # 8. Export into a folder; the numbers in the files are the table's.
    gradebook = canvas_gradebook(tmp_path / "gradebook.csv", ctx)
    export = grades_page.open_export()
    assert export is not None
    export.open_folder = False
    export.folder.setText(str(tmp_path / "out"))
    export.gradebook.setText(str(gradebook))
    with qtbot.waitSignal(export.exported, timeout=10000) as done:
        export.export_button.click()
    assert len(done.args[0].written) == 3
    with (tmp_path / "out" / CANVAS).open(encoding="utf-8-sig") as f:
        canvas = list(csv.DictReader(f))
    by_sis = {r["SIS User ID"]: r for r in canvas}
    assert by_sis[RYAN]["M1 Proposal (221310)"] == "54.78"
    assert by_sis[RAVI]["M1 Proposal (221310)"] == "90.00"
    with (tmp_path / "out" / FEEDBACK).open(encoding="utf-8-sig") as f:
        feedback = {r["student_id"]: r for r in csv.DictReader(f)}
    assert float(feedback[RYAN]["factor"]) == pytest.approx(0.652, abs=5e-4)
    assert float(feedback[RYAN]["grade"]) == pytest.approx(54.78, abs=0.005)
    book = load_workbook(tmp_path / "out" / WORKBOOK)
    assert "M1 Proposal" in book.sheetnames

    # 9. The factor chart, computed in a worker, shows the milestone's 48 factors.
    with qtbot.waitSignal(grades_page.chart_ready, timeout=10000):
        grades_page.tabs.setCurrentWidget(grades_page.chart)
    [(name, factors)] = grades_page.chart.shown
    assert name == "M1 Proposal"
    assert len(factors) == 48
    assert min(factors) == pytest.approx(0.6522, abs=1e-4)


def test_hidden_pages_reload_when_shown(qtbot: QtBot, ctx: AppContext) -> None:
    """A change made while a page is hidden appears when it is shown again."""
    from teamtool.model import Milestone
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand

    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    page.hide()
    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100, grades={"Team 1": 84})))
    assert page.model.rowCount() == 0
    page.show()
    assert page.model.rowCount() == 48


def test_results_table_sorts_by_number(qtbot: QtBot, ctx: AppContext) -> None:
    """Sorting the factor column orders numbers, not text (0.652 before 1.05)."""
    from teamtool.model import Milestone
    from teamtool.ratings import import_survey
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand, ImportSurveyCommand

    course = ctx.require_course()
    command = AddMilestoneCommand(ctx, Milestone("M1", 100, grades={"Team 1": 84}))
    execute(ctx, command)
    survey = import_survey(
        SAMPLES / "surveys" / "m1_long.csv", course.roster(), course.team_sets()[0]
    )
    assert command.milestone.id is not None
    execute(ctx, ImportSurveyCommand(ctx, command.milestone.id, survey))
    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.view.sortByColumn(COL_FACTOR, Qt.SortOrder.AscendingOrder)
    values = [
        page.model.data(page.model.index(r, COL_FACTOR), Qt.ItemDataRole.UserRole)
        for r in range(page.model.rowCount())
    ]
    assert values == sorted(values)
    assert len(values) == 48


def test_large_classes_are_adjusted_in_a_worker(qtbot: QtBot, ctx: AppContext) -> None:
    """Above the page's limit the adjustment runs off the GUI thread; the table and the flags
    follow when it is done, with the same numbers (Ryan: 0.652 × 84 = 54.78, as above)."""
    from teamtool.model import Milestone
    from teamtool.ratings import import_survey
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand, ImportSurveyCommand

    course = ctx.require_course()
    command = AddMilestoneCommand(ctx, Milestone("M1", 100, grades={"Team 1": 84}))
    execute(ctx, command)
    survey = import_survey(
        SAMPLES / "surveys" / "m1_long.csv", course.roster(), course.team_sets()[0]
    )
    grades_page, ratings_page = GradesPage(ctx), RatingsPage(ctx)
    for page in (grades_page, ratings_page):
        qtbot.addWidget(page)
        page.recomputer.sync_limit = 0
    with qtbot.waitSignal(grades_page.results_ready, timeout=10000):
        grades_page.show()
    with qtbot.waitSignal(ratings_page.ready, timeout=10000):
        ratings_page.show()
    assert command.milestone.id is not None
    with (
        qtbot.waitSignal(grades_page.results_ready, timeout=10000),
        qtbot.waitSignal(ratings_page.ready, timeout=10000),
    ):
        execute(ctx, ImportSurveyCommand(ctx, command.milestone.id, survey))
    assert cell(grades_page, RYAN, COL_GRADE) == "54.78"
    ratings_page.select_team("Team 1")
    codes = [text(ratings_page.flags, r, 1) for r in range(ratings_page.flags.rowCount())]
    assert "low-performer" in codes
    with qtbot.waitSignal(grades_page.results_ready, timeout=10000):
        grades_page.options.preset.setCurrentIndex(grades_page.options.preset.findData("webpa"))
    assert cell(grades_page, RYAN, COL_GRADE) == "68.81"


def test_undoing_a_survey_import_clears_the_ratings_page(qtbot: QtBot, ctx: AppContext) -> None:
    from teamtool.model import Milestone
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand

    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100)))
    page, dialog = open_survey_import(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    assert dialog.import_button.isEnabled()
    dialog.accept()
    page.select_team("Team 1")
    assert page.matrix.data(page.matrix.index(0, 1)) == "Deficient"
    assert page.summary.text().startswith("188 ratings; latest import m1_long.csv")
    ctx.undo_stack.undo()
    assert page.matrix.data(page.matrix.index(0, 1)) == "—"
    assert page.summary.text().startswith("0 ratings.")


def test_a_typed_grade_above_the_maximum_is_refused_with_a_message(
    qtbot: QtBot, ctx: AppContext
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from teamtool.model import Milestone
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand

    command = AddMilestoneCommand(ctx, Milestone("M1", 20))
    execute(ctx, command)
    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    model = page.team_grades.model
    assert not model.setData(model.index(0, 2), "84")
    box = page.findChild(QMessageBox, "errorDialog")
    assert box is not None
    assert "between 0 and 20" in box.text()
    assert command.milestone.id is not None
    assert ctx.require_course().milestone(command.milestone.id).grades == {}
    assert ctx.undo_stack.count() == 1
