"""The Grades page's "Preview page…" button writes the milestone's page."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from teamtool.demo.sample_course import create_sample_course
from teamtool.grading import PRESETS, AdjustOptions
from ui.context import AppContext
from ui.grades.page import GradesPage


@pytest.fixture
def ctx(qtbot: QtBot, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext()
    context.open(create_sample_course(tmp_path / "course.teamtool"))
    yield context
    QThreadPool.globalInstance().waitForDone(10000)
    context.close()


def test_the_button_saves_the_page_of_the_milestone_shown(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = ctx.require_course()
    m1 = next(m for m in course.milestones() if m.name == "M1 Proposal")
    assert m1.id is not None
    stored = dataclasses.replace(PRESETS["webpa"], weighting=0.25)
    course.set_milestone_settings(m1.id, stored.to_json())
    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.bar.select(m1.id)
    page.reload()
    target = tmp_path / "out" / "m1.html"
    target.parent.mkdir()
    asked: list[str] = []

    def fake_dialog(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return str(target), "Web page (*.html)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    assert page.preview_button.isEnabled()
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    assert asked == [str(course.path.parent / "m1-proposal-preview.html")]
    html = target.read_text(encoding="utf-8")
    found = re.search(r'id="teamtool-config">(.*?)</script>', html, re.DOTALL)
    assert found is not None
    config = json.loads(found.group(1))
    assert AdjustOptions.from_json(config["options"]) == stored
    assert config["max_points"] == m1.max_points
    saved = page.findChild(QMessageBox, "previewSaved")
    assert saved is not None
    assert str(target) in saved.text()
