"""The start page: the sample course first (for a first run), New, Open, the recent courses with
their paths, and a three-step "how this works" panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.recent_courses import RecentCourses

#: The panel "How this works": (step, what the instructor does there).
HOW_IT_WORKS = (
    (
        "Students",
        (
            "Import the class list: a CSV or Excel file, or a Canvas gradebook export. Every "
            "problem is listed with its row and column."
        ),
    ),
    (
        "Teams",
        (
            "Say what to balance (GPA, skills), what to mix and who must not be alone; "
            "teamtool forms the teams and tells you how close to the best they are."
        ),
    ),
    (
        "Ratings and grades",
        (
            "After each milestone, import the teammates' peer-rating survey. The adjusted "
            "grades go to Excel (with formulas you can check) and to Canvas."
        ),
    ),
)
SAMPLE_TEXT = (
    "New to teamtool? Open the sample course: 48 invented students, their teams and two "
    "milestones with ratings, saved as a new course file you can change freely."
)


class StartPage(QWidget):
    """Asks what to open; the main window does the opening."""

    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.recent = RecentCourses()
        self.recent.chosen.connect(self.recent_requested)
        intro = _wrapped(
            "Form balanced student teams, import the teammates' peer ratings after each "
            "milestone, and adjust the milestone grades. A course lives in one file; every "
            "change is saved at once."
        )
        left = QVBoxLayout()
        left.addWidget(self._sample_box())
        buttons = QHBoxLayout()
        buttons.addWidget(self._button("new", "New course…", "Create an empty course file"))
        buttons.addWidget(self._button("open", "Open course…", "Open a course file (*.teamtool)"))
        left.addLayout(buttons)
        left.addSpacing(8)
        left.addWidget(QLabel("<b>Recent courses</b> (double-click to open)"))
        left.addWidget(self.recent, 1)

        row = QHBoxLayout()
        row.addLayout(left, 3)
        row.addSpacing(24)
        row.addWidget(self._how_it_works(), 2, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addWidget(QLabel("<h1>teamtool</h1>"))
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(row, 1)
        self.buttons["new"].clicked.connect(self.new_requested.emit)
        self.buttons["open"].clicked.connect(self.open_requested.emit)
        self.buttons["sample"].clicked.connect(self.sample_requested.emit)
        self.refresh()

    def _button(self, key: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"start:{key}")
        button.setToolTip(tip)
        button.setMinimumHeight(36)
        self.buttons[key] = button
        return button

    def _sample_box(self) -> QFrame:
        box = _panel("sampleCourse")
        column = QVBoxLayout(box)
        column.addWidget(_wrapped(SAMPLE_TEXT))
        button = self._button(
            "sample",
            "Open the sample course…",
            "A new course file with the bundled sample course, to try teamtool",
        )
        button.setDefault(True)
        column.addWidget(button)
        return box

    def _how_it_works(self) -> QFrame:
        panel = _panel("howItWorks")
        grid = QGridLayout(panel)
        grid.addWidget(QLabel("<b>How this works</b>"), 0, 0, 1, 2)
        for number, (step, text) in enumerate(HOW_IT_WORKS, start=1):
            badge = QLabel(f"<h2>{number}</h2>")
            badge.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(badge, number, 0)
            label = _wrapped(f"<b>{step}</b><br>{text}")
            label.setObjectName(f"howStep{number}")
            grid.addWidget(label, number, 1)
        grid.setColumnStretch(1, 1)
        return panel

    def refresh(self) -> None:
        """List the recent courses that still exist, newest first: the name, then the path."""
        self.recent.refresh()


def _panel(name: str) -> QFrame:
    """A framed panel of the page (the sample course, "How this works")."""
    panel = QFrame()
    panel.setObjectName(name)
    panel.setFrameShape(QFrame.Shape.StyledPanel)
    return panel


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label
