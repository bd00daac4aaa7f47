"""The Teams page imports a Canvas group-set export whose students in no group have an empty
group name: the set is imported without them, and a note names them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from ui.main_window import MainWindow

HEADER = "name,canvas_user_id,user_id,login_id,sections,group_name,canvas_group_id,group_id\n"


def test_students_in_no_group_are_left_out_with_a_note(qtbot: QtBot, tmp_path: Path) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_course(create_sample_course(tmp_path / "course.teamtool"))
    w.show_step(1)
    page = w.teams_page
    export = tmp_path / "Project groups.csv"
    export.write_text(
        HEADER + '"Park, Ethan",,s1001,,L02,Blue,1,\n"Murphy, Liam",,s1002,,L01,Blue,1,\n'
        '"Adeyemi, Samuel",,s1003,,L02,,,\n',
        encoding="utf-8",
    )
    try:
        imported = page.set_actions.import_file(export)
        assert imported is not None
        assert imported.teams == {"Blue": ["s1001", "s1002"]}
        [note] = [b for b in page.findChildren(QMessageBox) if b.objectName() == "importWarnings"]
        assert "Adeyemi, Samuel (s1003) is in no group of the group set" in note.text()
        assert "row 4" in note.text()
        assert note.isVisible()  # shown by open(): import_file returned without waiting
    finally:
        page.stop_solving()
