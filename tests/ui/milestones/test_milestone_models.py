"""The Qt models of the milestone steps: qtmodeltester, roles, colours and edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from teamtool.grading import AdjustOptions, adjust_milestone
from teamtool.model import Rating
from teamtool.ratings import get_scale
from ui.grades.results_model import COL_FACTOR, COL_FINAL, COL_FLAGS, ResultsModel
from ui.milestones.grades_model import TeamGradesModel
from ui.ratings.matrix_model import RatingsMatrixModel, TeamRatings, heat

TEAMS = {"T1": ["a", "b", "c"], "T2": ["d", "e"]}
RATINGS = [
    Rating("a", "a", 100), Rating("a", "b", 75), Rating("a", "c", 50, comment="late"),
    Rating("b", "a", 87.5), Rating("b", "b", 87.5), Rating("b", "c", 50),
    Rating("c", "a", 100), Rating("c", "b", 75), Rating("c", "c", 75),
]  # fmt: skip
NAMES = {"a": "Ann (a)", "b": "Bo (b)", "c": "Cy (c)"}


def test_team_grades_model_passes_the_tester_and_validates(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    model = TeamGradesModel()
    model.set_rows(TEAMS, {"T1": 84.0}, 100)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "84"
    assert model.data(model.index(1, 2)) == "—"
    with qtbot.waitSignal(model.grade_edited) as edited:
        assert model.setData(model.index(1, 2), "90,5")  # a decimal comma is read
    assert edited.args == ["T2", 90.5]
    with qtbot.waitSignal(model.invalid_grade):
        assert not model.setData(model.index(1, 2), "120")
    with qtbot.waitSignal(model.grade_edited) as cleared:
        assert model.setData(model.index(0, 2), "")
    assert cleared.args == ["T1", None]


def test_matrix_model_shows_values_means_and_heat(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    """Received mean from teammates only: Cy gets 50 and 50 -> 50; Ann 87.5 and 100 -> 93.75."""
    model = RatingsMatrixModel()
    pairs = {(r.rater, r.ratee): r for r in RATINGS}
    model.set_team(TeamRatings(TEAMS["T1"], pairs, NAMES, get_scale("oakley9")))
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    assert model.data(model.index(0, 2)) == "Marginal"  # the label of 50 on oakley9
    assert model.data(model.index(0, 2), Qt.ItemDataRole.UserRole) == 50
    assert model.data(model.index(3, 0)) == "93.75"
    assert model.data(model.index(3, 2)) == "50"
    assert "late" in model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert "Marginal" in model.data(model.index(0, 2), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).italic()
    top = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert top == heat(1.0)
    assert heat(1.0).green() > heat(1.0).red()
    assert heat(0.0).red() > heat(0.0).green()


def test_results_model_passes_the_tester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    result = adjust_milestone(
        "M1", TEAMS, RATINGS, {"T1": 80}, 100, AdjustOptions(), {"a": (95.0, "re-marked")}
    )
    model = ResultsModel()
    model.set_rows(result.students, NAMES)
    qtmodeltester.check(model)
    by_row = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    ann = by_row["Ann (a)"]
    assert model.data(model.index(ann, COL_FINAL)) == "95"
    assert "re-marked" in model.data(model.index(ann, COL_FINAL), Qt.ItemDataRole.ToolTipRole)
    d = model.rowCount() - 2  # team T2 has no ratings: factor unknown, shown as a dash
    assert model.data(model.index(d, COL_FACTOR)) == "—"
    assert model.data(model.index(d, COL_FACTOR), Qt.ItemDataRole.UserRole) == -1.0
    assert "non-respondent" in model.data(model.index(d, COL_FLAGS))
