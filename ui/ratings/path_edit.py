"""Fields of the survey import dialog: the file path, typed or pasted as well as filled by
Browse…, and the combo box that says who an uncertain name is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from teamtool.model import Roster, Student
from teamtool.ratings import UncertainMatch

CHOOSE = "— choose who this is —"
LEAVE_OUT = "Not a student of the course: leave out"
#: Quotes a file manager or a shell may put around a pasted path.
QUOTES = "\"'"


class PathEdit(QLineEdit):
    """``path_entered(text)`` when the user presses Enter or leaves the field with a path other
    than the one shown last by :meth:`show_path`; Enter never also presses the dialog's
    default button (it would import the file that was loaded before)."""

    path_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.editingFinished.connect(self._finished)

    def show_path(self, text: str) -> None:
        """Show the path of the file just read (typed, browsed or given)."""
        self._shown = text
        self.setText(text)

    def typed_path(self) -> str:
        """The text without stray spaces and surrounding quotes."""
        return self.text().strip().strip(QUOTES).strip()

    def _finished(self) -> None:
        typed = self.typed_path()
        if typed and typed != self._shown:
            self._shown = typed
            self.path_entered.emit(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


def person_combo(match: UncertainMatch, roster: Roster, students: list[Student]) -> QComboBox:
    """Choose who, then the likely students with their similarity, every student (``students``
    in the order shown), and leave out (data: None, a student id, "")."""
    combo = QComboBox()
    combo.setToolTip(f"Who “{match.text}” is: a student of the roster, or leave them out")
    combo.addItem(CHOOSE, None)
    labels = {s.id: s.label for s in roster.students}
    for sid, score in match.candidates:
        combo.addItem(f"{labels.get(sid, sid)} — similarity {score:.2f}", sid)
    combo.insertSeparator(combo.count())
    for s in students:
        combo.addItem(s.label, s.id)
    combo.insertSeparator(combo.count())
    combo.addItem(LEAVE_OUT, "")
    return combo
