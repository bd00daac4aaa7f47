"""The Grades page names the method: column headings, the status line, the method's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teamtool.grading import PRESETS, Method
from teamtool.model import Milestone
from teamtool.ratings import import_survey
from ui.commands import execute
from ui.commands.milestones import AddMilestoneCommand, ImportSurveyCommand
from ui.context import AppContext
from ui.grades.page import GradesPage
from ui.grades.results_model import COL_FACTOR, COL_FLAGS, COL_GRADE, COL_TEAM_AVG, STUDENT_ROLE

SAMPLES = Path(__file__).resolve().parents[3] / "samples"
TEAM_1 = ["s1005", "s1011", "s1022", "s1025"]  # Ravi, Ryan, ... (samples/teams.csv)


def page_with(qtbot: QtBot, ctx: AppContext, survey_file: Path) -> GradesPage:
    """The Grades page of a milestone "M1" (Team 1's grade 84) with ``survey_file`` imported."""
    course = ctx.require_course()
    command = AddMilestoneCommand(ctx, Milestone("M1", 100, grades={"Team 1": 84}))
    execute(ctx, command)
    assert command.milestone.id is not None
    survey = import_survey(survey_file, course.roster(), course.team_sets()[0])
    execute(ctx, ImportSurveyCommand(ctx, command.milestone.id, survey))
    page = GradesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.results_ready, timeout=10000):
        page.show()
    return page


def heading(page: GradesPage, column: int) -> str:
    return str(page.model.headerData(column, Qt.Orientation.Horizontal))


def cells(page: GradesPage, student_id: str) -> tuple[str, str, str]:
    for row in range(page.model.rowCount()):
        if page.model.data(page.model.index(row, 0), STUDENT_ROLE).student_id == student_id:
            return tuple(  # type: ignore[return-value]
                str(page.model.data(page.model.index(row, c)))
                for c in (COL_FACTOR, COL_GRADE, COL_FLAGS)
            )
    raise AssertionError(student_id)


def test_switching_the_preset_renames_the_columns_and_the_status_line(
    qtbot: QtBot, ctx: AppContext
) -> None:
    """Team 1 of samples m1_long.csv (grade 84): autorating gives Ryan 84 x 0.652 = 54.78, the
    largest change; WebPA at 50 % gives him 42 + 42 x 0.638 = 68.81 (see test_milestone_flow)."""
    page = page_with(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    assert heading(page, COL_FACTOR) == "Factor"
    summary = page.summary.text()
    assert "Method: Autorating, factor cap 1.05: 84 → 54.78 for Ryan O'Connor" in summary
    with qtbot.waitSignal(page.results_ready, timeout=10000):
        page.options.preset.setCurrentIndex(page.options.preset.findData("webpa"))
    assert heading(page, COL_FACTOR) == "WebPA\nscore"
    assert heading(page, COL_TEAM_AVG) == "Submitters\n÷ members"
    tip = page.model.headerData(COL_FACTOR, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert str(tip).startswith("WebPA score: ")
    summary = page.summary.text()
    assert "Method: WebPA score, PA weighting 50 %: 84 → 68.81 for Ryan O'Connor" in summary
    with qtbot.waitSignal(page.results_ready, timeout=10000):
        page.options.preset.setCurrentIndex(page.options.preset.findData("spark"))
    assert heading(page, COL_FACTOR) == "SPA"
    assert "Method: SPARKPLUS SPA, no cap" in page.summary.text()


def test_choosing_a_method_starts_from_its_own_settings(qtbot: QtBot, ctx: AppContext) -> None:
    """Choosing WebPA in the Method box (not the preset) used to keep autorating's 1.05 cap and
    100 % weighting; now it gives WebPA's own, as the webpa preset, and 68.81 for Ryan."""
    page = page_with(qtbot, ctx, SAMPLES / "surveys" / "m1_long.csv")
    panel = page.options
    with qtbot.waitSignal(page.results_ready, timeout=10000):
        panel.method.setCurrentIndex(panel.method.findData(str(Method.WEBPA)))
    assert panel.cap.value() is None
    assert panel.weighting.value() == 50
    assert panel.preset.currentData() == "webpa"
    assert cells(page, "s1011")[1] == "68.81"
    milestone = ctx.require_course().milestones()[0]
    assert milestone.id is not None
    assert ctx.require_course().milestone_settings(milestone.id) == PRESETS["webpa"].to_json()


def test_self_ratings_alone_show_no_factor(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    """Team 1 rated only themselves: no factor ("—"), the team grade 84, the flag."""
    survey = tmp_path / "self_only.csv"
    rows = [f"{s},{s},{v}\n" for s, v in zip(TEAM_1, (100, 87.5, 75, 87.5), strict=True)]
    survey.write_text("rater,ratee,rating\n" + "".join(rows), encoding="utf-8")
    page = page_with(qtbot, ctx, survey)
    for sid in TEAM_1:
        factor, grade, flags = cells(page, sid)
        assert (factor, grade) == ("—", "84"), sid
        assert "not-rated-by-peers" in flags, sid
