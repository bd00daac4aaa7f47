"""The Grades page's "Compare methods" tab: every preset side by side, moves highlighted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_grades_method_texts import page_with

from ui.context import AppContext
from ui.grades.compare_model import COL_CURRENT, HIGHER, LOWER

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def test_ryan_under_every_method(qtbot: QtBot, ctx: AppContext) -> None:
    """Team 1 of samples m1_long.csv (grade 84): autorating gives Ryan 84 x 0.652 = 54.78;
    WebPA at 50 % gives him 42 + 42 x 0.638 = 68.81 (see test_milestone_flow)."""
    page = page_with(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    with qtbot.waitSignal(page.compare.ready, timeout=10000):
        page.tabs.setCurrentWidget(page.compare)
    model = page.compare.model
    headers = model.headers()
    webpa = headers.index("WebPA")
    oakley = headers.index("Oakley")
    rows = {str(model.data(model.index(r, 0))): r for r in range(model.rowCount())}
    ryan = rows["Ryan O'Connor (s1011)"]
    assert model.data(model.index(ryan, COL_CURRENT)) == "0.652 → 54.78"
    assert model.data(model.index(ryan, oakley)) == "0.652 → 54.78"
    assert str(model.data(model.index(ryan, webpa))).endswith("→ 68.81")
    assert model.data(model.index(ryan, webpa), Qt.ItemDataRole.BackgroundRole) == HIGHER
    assert model.data(model.index(ryan, oakley), Qt.ItemDataRole.BackgroundRole) is None
    spread = float(model.data(model.index(ryan, len(headers) - 1)))
    assert spread >= 68.81 - 54.78 - 1e-9
    assert "Ryan O'Connor" in page.compare.summary.text() or "points between" in (
        page.compare.summary.text()
    )
    # the milestone's own settings change: the comparison follows (WebPA now current)
    with qtbot.waitSignal(page.compare.ready, timeout=10000):
        page.options.preset.setCurrentIndex(page.options.preset.findData("webpa"))
    assert str(model.data(model.index(ryan, COL_CURRENT))).endswith("→ 68.81")
    assert model.data(model.index(ryan, oakley), Qt.ItemDataRole.BackgroundRole) == LOWER
