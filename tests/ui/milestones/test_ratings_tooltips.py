"""Every control of the Ratings page and of its dialogs (the survey import, the people to
confirm, the wrong-teams and the replace questions) has a tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from teamtool.model import Milestone, TeamSet
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand
from ui.context import AppContext
from ui.ratings.page import RatingsPage

SURVEYS = Path(__file__).resolve().parents[3] / "samples" / "surveys"


def controls(root: QWidget) -> list[QWidget]:
    """The buttons, combo boxes and line edits a user works with under ``root`` (not the parts
    Qt builds inside other widgets: a combo box's line edit, a tab bar's scroll arrows, a
    table's corner button)."""
    found: list[QWidget] = []
    for kind in (QAbstractButton, QComboBox, QLineEdit):
        for widget in root.findChildren(kind):
            parent = widget.parentWidget()
            if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar):
                continue
            if widget.objectName().startswith("qt_"):  # a table's corner button, …
                continue
            found.append(widget)
    return found


def without_tooltip(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}"
        for w in controls(root)
        if not w.toolTip().strip()
    ]


def test_the_page_and_its_dialogs_have_tooltips(qtbot: QtBot, ctx: AppContext) -> None:
    course = ctx.require_course()
    teams = course.team_sets()[0].teams
    names = list(teams)  # "Other teams": each team's second member moved to the next team
    other: dict[str, list[str]] = {t: [] for t in names}
    for i, team in enumerate(names):
        for j, sid in enumerate(teams[team]):
            other[names[(i + 1) % len(names)] if j == 1 else team].append(sid)
    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100)))
    page = RatingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    assert len(controls(page)) == 6  # milestone combo, Use other teams, Add, Edit, Delete, Import
    assert without_tooltip(page) == []

    dialog = page.open_import()
    assert dialog is not None
    dialog.set_file(SURVEYS / "m1_google_forms.csv")
    assert dialog.matches.rowCount() == 1  # "Chris Lee": a combo box to say who
    assert len(controls(dialog)) >= 6
    assert without_tooltip(dialog) == []
    combo = dialog.match_combo(0)
    combo.setCurrentIndex(combo.findData("s1023"))
    dialog.accept()
    assert without_tooltip(page) == []

    dialog = page.open_import()
    assert dialog is not None
    dialog.set_file(SURVEYS / "m1_long.csv")
    dialog.accept()
    assert page.question is not None  # replace the ratings of the Google Forms export?
    assert without_tooltip(page.question) == []
    page.question.reject()

    other_id = course.add_team_set(TeamSet("Other teams", other))
    command = AddMilestoneCommand(ctx, Milestone("M2", 100, other_id))
    execute(ctx, command)
    assert command.milestone.id is not None
    page.bar.select(command.milestone.id)
    dialog = page.open_import()
    assert dialog is not None
    dialog.set_file(SURVEYS / "m1_long.csv")
    dialog.accept()
    assert dialog.question is not None  # most ratings between different teams: asked first
    assert without_tooltip(dialog.question) == []
    dialog.question.reject()
