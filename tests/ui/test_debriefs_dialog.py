"""Export ▸ Mentor debriefs: the menu action opens the dialog, which writes the HTML files."""

from __future__ import annotations

from pathlib import Path

from lxml import html
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from ui.debriefs.dialog import EVERY, DebriefsDialog
from ui.main_window import MainWindow


def test_export_menu_writes_the_debriefs_of_the_chosen_milestone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    course = create_sample_course(tmp_path / "sample.teamtool")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.open_course(course)
    export = next(a.menu() for a in w.menuBar().actions() if a.text() == "E&xport")
    action = next(a for a in export.actions() if a.text() == "Mentor &debriefs…")
    action.trigger()
    dialog = w.findChild(DebriefsDialog, "debriefsDialog")
    assert dialog is not None
    assert [dialog.milestone.itemText(i) for i in range(dialog.milestone.count())] == [
        EVERY, "M1 Proposal", "M2 Prototype",
    ]  # fmt: skip
    assert dialog.milestone.currentText() == "M2 Prototype"  # the latest by default
    dialog.open_folder = False
    dialog.milestone.setCurrentIndex(1)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.written, timeout=20000) as done:
        dialog.start()
    (path,) = done.args[0]
    assert path == tmp_path / "out" / "debriefs - M1 Proposal - all teams.html"
    teams = [s.findtext("h1") for s in html.parse(str(path)).getroot().iter("section")]
    assert teams == [f"Team {n}" for n in range(1, 13)]
    assert dialog.results.item(0).text() == f"wrote {path}"
    w.close_course()
