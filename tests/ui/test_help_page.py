"""The Help page: every section renders, the worked example's numbers are right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamtool.grading.flag_rules import FlagRules
from ui.help.page import HelpPage
from ui.help.sections import TITLES


@pytest.fixture
def page(qtbot: QtBot) -> HelpPage:
    help_page = HelpPage()
    qtbot.addWidget(help_page)
    return help_page


def test_every_section_opens_and_says_something(page: HelpPage) -> None:
    for key, title in TITLES.items():
        page.show_topic(key)
        assert page.topic == key
        text = page.text.toPlainText()
        assert text.startswith(title)
        assert len(text) > 200, key


def test_the_worked_example_is_computed_right(page: HelpPage) -> None:
    """Hand computation (Oakley): all 16 ratings sum to 1350, team mean 84.375. Ana receives
    87.5, 87.5, 100, 87.5 (mean 90.625): 1.074, capped at 1.05, grade 84. Cy receives 75, 62.5,
    87.5, 50 (mean 68.75): 68.75 / 84.375 = 0.815, grade 80 x 0.8148 = 65.19."""
    page.show_topic("grades")
    text = page.text.toPlainText()
    assert "1.05 → 84" in text
    assert "0.815 → 65.19" in text
    assert "lower is better" not in text  # that is the scores section's
    page.show_topic("scores")
    assert "Lower is better" in page.text.toPlainText()


def test_every_flag_and_rule_is_explained(page: HelpPage) -> None:
    page.show_topic("flags")
    text = page.text.toPlainText()
    for code, rule in FlagRules().describe().items():
        assert code in text
        assert rule in text
    page.show_topic("teams")
    assert "no-isolation" in page.text.toPlainText()


def test_back_by_button_and_escape(qtbot: QtBot, page: HelpPage) -> None:
    page.show()
    with qtbot.waitSignal(page.back, timeout=1000):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.back, timeout=1000):
        qtbot.keyClick(page.text, Qt.Key.Key_Escape)
    page.show_topic("no-such-topic")
    assert page.topic == "start"


def test_the_tokens_section_says_the_course_defaults(page: HelpPage) -> None:
    page.show_topic("tokens")
    text = page.text.toPlainText()
    assert "8 tokens" in text
    assert "1 token per day late" in text
    assert "resubmission 3 tokens" in text
    assert "late-no-tokens" in text
    assert "resubmission-refused" in text
