"""The Students step: the roster table with filter, the attributes panel, import, add, edit, drop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamtool.model import AttributeKind, Roster, Student
from ui import settings
from ui.commands import (
    AddStudentCommand,
    CourseCommand,
    EditStudentCommand,
    ImportRosterCommand,
    SetAttributeKindCommand,
    SetDroppedCommand,
    execute,
)
from ui.context import AppContext
from ui.errors import show_error
from ui.students.attributes_panel import AttributesPanel
from ui.students.filter_model import StudentFilterModel
from ui.students.import_dialog import ImportDialog
from ui.students.replace_confirm import confirm_replace
from ui.students.student_dialog import StudentDialog
from ui.students.table_model import STUDENT_ROLE, StudentTableModel


class StudentsPage(QWidget):
    """Reads the roster from the course on every ``roster_changed``; edits go through commands."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = StudentTableModel(parent=self)
        self.proxy = StudentFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.dialog: QWidget | None = None  # the open import / student dialog, for tests

        self.import_button = QPushButton("Import roster…")
        self.import_button.setToolTip("Read the class list from a CSV or XLSX file")
        self.import_button.clicked.connect(self.open_import_dialog)
        self.add_button = QPushButton("Add student…")
        self.add_button.setToolTip("Add a late student by hand")
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.setToolTip("Change the selected student's details (or double-click a row)")
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.drop_button = QPushButton("Drop")
        self.drop_button.setToolTip(
            "Drop the selected student from the course: kept in earlier teams and grades, "
            "left out of new teams. Click again to restore."
        )
        self.drop_button.setShortcut(QKeySequence.StandardKey.Delete)
        self.drop_button.clicked.connect(self.toggle_dropped)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("studentFilter")
        self.filter_edit.setPlaceholderText("Filter: any text in any column")
        self.filter_edit.setToolTip("Show only the students with this text in any column")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        bar = QHBoxLayout()
        for button in (self.import_button, self.add_button, self.edit_button, self.drop_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.filter_edit, 1)

        self.table = QTableView()
        self.table.setObjectName("studentTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.table.horizontalHeader().setResizeContentsPrecision(100)  # fast on 1,000 rows
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.doubleClicked.connect(lambda _i: self.open_edit_dialog())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.attributes = AttributesPanel()
        self.attributes.kind_changed.connect(self.set_kind)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.attributes)
        self.count_label = QLabel()
        self.count_label.setObjectName("studentCount")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.count_label)
        ctx.course_opened.connect(lambda _c: self.refresh())
        ctx.roster_changed.connect(self.refresh)
        self.refresh()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        roster = self.ctx.course.roster() if self.ctx.course is not None else Roster()
        selected = self.selected_student()
        self.model.set_roster(roster)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.attributes.set_roster(roster)
        active = len(roster.active())
        dropped = len(roster) - active
        self.count_label.setText(
            f"{active} active students" + (f", {dropped} dropped" if dropped else "")
        )
        if selected is not None:
            self.select(selected.id)
        self._update_buttons()

    def selected_student(self) -> Student | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        value = rows[0].data(STUDENT_ROLE)
        return value if isinstance(value, Student) else None

    def select(self, student_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data() == student_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        has_course = self.ctx.course is not None
        student = self.selected_student()
        for button in (self.import_button, self.add_button):
            button.setEnabled(has_course)
        self.edit_button.setEnabled(student is not None)
        self.drop_button.setEnabled(student is not None)
        self.drop_button.setText("Restore" if student and student.dropped else "Drop")

    # -- changing (always through an undo command) ------------------------------------------
    def open_import_dialog(self) -> ImportDialog:
        dialog = ImportDialog(self, settings.get_str(settings.LAST_DIR))
        dialog.accepted.connect(lambda: self._import(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _import(self, dialog: ImportDialog) -> None:
        result = dialog.result_import
        if result is None:
            return
        losses = self.ctx.require_course().roster_losses(result.roster)
        if not losses:
            self._push(lambda: ImportRosterCommand(self.ctx, result.roster, result.file))
            return
        self.dialog = confirm_replace(  # ask; import only if the user keeps them as dropped
            self,
            losses,
            result.file,
            lambda: self._push(
                lambda: ImportRosterCommand(self.ctx, result.roster, result.file, drop_missing=True)
            ),
        )

    def open_add_dialog(self) -> StudentDialog:
        return self._open_student_dialog(None)

    def open_edit_dialog(self) -> StudentDialog | None:
        student = self.selected_student()
        return None if student is None else self._open_student_dialog(student)

    def _open_student_dialog(self, student: Student | None) -> StudentDialog:
        """The student dialog, empty (None) or holding ``student``; OK adds or edits, undoably."""
        command = AddStudentCommand if student is None else EditStudentCommand
        dialog = StudentDialog(self.model.roster, student, self)
        dialog.accepted.connect(
            lambda: self._push(lambda: command(self.ctx, dialog.result_student()))
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_dropped(self) -> None:
        student = self.selected_student()
        if student is not None:
            self._push(lambda: SetDroppedCommand(self.ctx, student, not student.dropped))

    def set_kind(self, attribute: str, kind: AttributeKind) -> None:
        spec = self.model.roster.attribute(attribute)
        if spec is not None and spec.kind is not kind:
            self._push(lambda: SetAttributeKindCommand(self.ctx, attribute, kind))

    def _push(self, make: Callable[[], CourseCommand]) -> None:
        try:
            execute(self.ctx, make())
        except Exception as exc:  # noqa: BLE001 - every error ends in the one dialog
            show_error(self, exc)
            self.refresh()

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
