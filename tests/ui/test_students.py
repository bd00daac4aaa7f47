"""The Students step: the roster table model, filtering, import with a mapping change, edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from teamtool.model import AttributeKind, Roster
from teamtool.roster import RosterImport, import_roster
from ui.main_window import MainWindow
from ui.students.attributes_panel import AttributesPanel
from ui.students.filter_model import StudentFilterModel
from ui.students.import_dialog import ImportDialog
from ui.students.table_model import COL_ID, SORT_ROLE, STUDENT_ROLE, StudentTableModel

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def sample_roster() -> Roster:
    return import_roster(SAMPLES / "roster.csv").roster


def test_table_model_passes_modeltester_and_shows_kinds(qtmodeltester: ModelTester) -> None:
    """One row per student; attribute headers name the kind; the model is a correct Qt model."""
    model = StudentTableModel(sample_roster())
    qtmodeltester.check(model)
    assert model.rowCount() == 48
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["Student ID", "Name", "Email", "Section", "Status"]
    assert "GPA\n(numeric)" in headers
    assert "Availability\n(availability)" in headers
    gpa = headers.index("GPA\n(numeric)")
    assert model.index(0, gpa).data() == "3.41"  # s1001 Ethan Park, GPA 3.41 in samples/roster.csv
    assert model.index(0, gpa).data(SORT_ROLE) == 3.41
    assert model.index(0, 0).data(STUDENT_ROLE).name == "Ethan Park"


def test_proxy_sorts_numbers_as_numbers_and_filters_any_column(qtmodeltester: ModelTester) -> None:
    """GPA sorts numerically (2.03 lowest, 3.97 highest in the sample); the filter finds text."""
    model = StudentTableModel(sample_roster())
    proxy = StudentFilterModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    gpa = next(c for c in range(model.columnCount()) if model.attribute_of_column(c) == "GPA")
    proxy.sort(gpa, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, gpa).data() == "2.03"
    assert proxy.index(proxy.rowCount() - 1, gpa).data() == "3.97"
    proxy.setFilterFixedString("murphy")
    assert proxy.rowCount() == 1
    assert proxy.index(0, COL_ID).data() == "s1002"


def imported(dialog: ImportDialog) -> RosterImport:
    assert dialog.result_import is not None
    return dialog.result_import


def kind_of(roster: Roster, name: str) -> AttributeKind:
    spec = roster.attribute(name)
    assert spec is not None
    return spec.kind


def write_roster(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_with_a_mapping_change_then_undo_and_redo(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """An unknown id column is an error until the user maps it; import is one undoable change."""
    page = window.students_page
    f = write_roster(
        tmp_path / "class.csv",
        "Matrikel,Name,Score\nA1,Ana Silva,3.5\nB2,Ben Ito,2.5\nC3,Cy Ode,4\n",
    )
    dialog = page.open_import_dialog()
    assert dialog.load(f)
    assert "missing-id-column" in imported(dialog).problems.codes()
    assert not dialog.ok_button.isEnabled()
    assert dialog.problems.rowCount() >= 1
    with qtbot.waitSignal(dialog.file_read):
        dialog.set_choice("Matrikel", "id")
    assert dialog.ok_button.isEnabled()
    assert [s.id for s in imported(dialog).roster] == ["A1", "B2", "C3"]
    assert kind_of(imported(dialog).roster, "Score") is AttributeKind.NUMERIC
    with qtbot.waitSignal(window.ctx.roster_changed):
        dialog.ok_button.click()
    assert [s.id for s in window.ctx.require_course().roster()] == ["A1", "B2", "C3"]
    assert page.model.rowCount() == 3
    window.undo_action.trigger()
    assert len(window.ctx.require_course().roster()) == 48
    assert page.model.rowCount() == 48
    window.redo_action.trigger()
    assert page.model.rowCount() == 3


def test_import_dialog_lists_every_problem_with_row_and_column(
    window: MainWindow, tmp_path: Path
) -> None:
    """A duplicate id and an empty id are both listed, each with its row and column."""
    f = write_roster(
        tmp_path / "bad.csv",
        "Student ID,Name,GPA\ns1,Ann,3.0\ns1,Bob,2.0\n,Cat,3.1\ns4,Dan,3.3\n",
    )
    dialog = window.students_page.open_import_dialog()
    assert dialog.load(f)
    rows = [
        [cell.text() for c in range(4) if (cell := dialog.problems.item(r, c))]
        for r in range(dialog.problems.rowCount())
    ]
    assert rows[0][:3] == ["error", "3", "Student ID"]
    assert "also on row 2" in rows[0][3]
    assert rows[1][:3] == ["error", "4", "Student ID"]
    assert "empty" in rows[1][3]
    assert not dialog.ok_button.isEnabled()
    assert "2 error(s)" in dialog.summary.text()


def test_unreadable_file_ends_in_the_error_dialog(window: MainWindow, tmp_path: Path) -> None:
    """An empty file cannot be read: a clear dialog, nothing imported."""
    f = write_roster(tmp_path / "empty.csv", "")
    dialog = window.students_page.open_import_dialog()
    assert not dialog.load(f)
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.objectName() == "errorDialog"]
    assert boxes
    assert "empty" in boxes[-1].text()
    assert not dialog.ok_button.isEnabled()


def test_add_edit_drop_student_each_undoable(window: MainWindow, qtbot: QtBot) -> None:
    """Add, edit and drop go into the course file at once and undo one by one."""
    page = window.students_page
    course = window.ctx.require_course()
    dialog = page.open_add_dialog()
    dialog.fields["id"].setText("s2000")
    dialog.fields["name"].setText("Late Student")
    dialog.fields["attr:GPA"].setText("3.25")
    dialog.fields["attr:Gender"].setText("F")
    dialog.accept()
    added = course.student("s2000")
    assert added.name == "Late Student"
    assert added.get("GPA") == 3.25
    assert added.get("Gender") == "F"
    assert page.model.rowCount() == 49

    page.select("s2000")
    edit = page.open_edit_dialog()
    assert edit is not None
    edit.fields["attr:GPA"].setText("not a number")
    edit.accept()
    assert "cannot read not a number as numeric" in edit.message.text()
    edit.fields["attr:GPA"].setText("3.5")
    edit.accept()
    assert course.student("s2000").get("GPA") == 3.5

    page.select("s2000")
    page.toggle_dropped()
    assert course.student("s2000").dropped
    assert page.count_label.text() == "48 active students, 1 dropped"

    window.undo_action.trigger()
    assert not course.student("s2000").dropped
    window.undo_action.trigger()
    assert course.student("s2000").get("GPA") == 3.25
    window.undo_action.trigger()
    assert course.roster().get("s2000") is None
    window.redo_action.trigger()
    assert course.student("s2000").name == "Late Student"


def test_duplicate_id_is_refused_in_the_dialog(window: MainWindow) -> None:
    """Adding a student whose id exists says so and adds nothing."""
    dialog = window.students_page.open_add_dialog()
    dialog.fields["id"].setText("s1001")
    dialog.accept()
    assert "exists already" in dialog.message.text()
    assert len(window.ctx.require_course().roster()) == 48


def test_changing_an_attribute_kind_is_undoable(window: MainWindow) -> None:
    """Reading GPA as text, then undo: the kind and the numbers come back."""
    page = window.students_page
    combo = page.attributes.combos["GPA"]
    combo.setCurrentIndex(list(AttributeKind).index(AttributeKind.TEXT))
    roster = window.ctx.require_course().roster()
    assert kind_of(roster, "GPA") is AttributeKind.TEXT
    assert roster.by_id()["s1001"].get("GPA") == "3.41"
    assert "GPA\n(text)" in [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    window.undo_action.trigger()
    roster = window.ctx.require_course().roster()
    assert kind_of(roster, "GPA") is AttributeKind.NUMERIC
    assert roster.by_id()["s1001"].get("GPA") == 3.41
    assert page.attributes.combos["GPA"].currentText() == "numeric"


def test_a_canvas_roster_without_attributes_says_what_to_do(qtbot: QtBot) -> None:
    """A Canvas gradebook roster has names and IDs only: the panel says so, not "import a
    roster first" (a roster was just imported)."""

    roster = import_roster(Path(__file__).resolve().parents[1] / "data/canvas_gradebook_17.csv")
    assert roster.roster.students
    assert not roster.roster.attributes
    panel = AttributesPanel()
    qtbot.addWidget(panel)
    panel.set_roster(roster.roster)
    texts = " ".join(label.text() for label in panel.findChildren(QLabel))
    assert "import a roster first" not in texts
    assert "names and IDs only" in texts
    panel.set_roster(Roster())
    texts = " ".join(
        label.text() for label in panel.findChildren(QLabel) if label.isVisibleTo(panel)
    )
    assert "import a roster first" in texts
