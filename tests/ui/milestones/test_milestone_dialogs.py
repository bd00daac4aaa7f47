"""The dialogs and panels of the milestone steps, driven directly (never blocking on exec)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from teamtool.course.milestone_inputs import MilestoneInputs
from teamtool.grading import PRESETS, AdjustOptions, Method
from teamtool.model import Milestone, Rating, TeamSet
from teamtool.ratings import get_scale
from ui.context import AppContext
from ui.grades.options_panel import OptionsPanel
from ui.grades.whatif_dialog import WhatIfDialog
from ui.milestones.dialog import MilestoneDialog
from ui.milestones.grades_import_dialog import GradesImportDialog
from ui.ratings.import_dialog import SurveyImportDialog
from ui.ratings.path_edit import LEAVE_OUT

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def test_whatif_reproduces_the_cornell_three_person_example(qtbot: QtBot) -> None:
    """Cornell CS 2112 FA22 / CS 5740 SP21 peer-evaluation page, "Calculation of Scores"
    (the matrix as in tests/grading/data/cornell_cs2112_three_person.csv): team mean 87.5;
    factors 91.667/87.5 = 1.048, 95.833/87.5 = 1.095 -> capped 1.05, 75/87.5 = 0.857; on the
    page's 20-point teamwork score, not capped at 20 and rounded: 21, 21, 17."""
    path = Path(__file__).resolve().parents[2] / "grading/data/cornell_cs2112_three_person.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.reader(line for line in f if not line.startswith("#")))[1:]
    ratings = [Rating(a, b, float(v)) for a, b, v in rows]
    options = AdjustOptions(cap=1.05, cap_at_max=False, round_grade=0)
    members = ["David", "Anne", "Michael"]
    teamwork = Milestone("Teamwork", 20, grades={"T": 20.0})
    inputs = MilestoneInputs(teamwork, TeamSet("Teams", {"T": members}), ratings, {}, options)
    dialog = WhatIfDialog(inputs, get_scale("oakley9"), options)
    qtbot.addWidget(dialog)
    assert [dialog.result_text(i, 1) for i in range(3)] == ["1.048", "1.050", "0.857"]
    assert [dialog.result_text(i, 2) for i in range(3)] == ["21.00", "21.00", "17.00"]
    # Michael rates himself "Excellent" instead of 75: he is no longer below the others.
    dialog.set_rating("Michael", "Michael", 100.0)
    assert dialog.picked()[("Michael", "Michael")] == 100.0
    assert float(dialog.result_text(2, 1)) > 0.857


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_options_panel_shows_every_option_of_each_preset(qtbot: QtBot, key: str) -> None:
    """Reading the widgets back gives the preset itself: no option is lost or rounded."""
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    panel.set_options(PRESETS[key])
    assert panel.options() == PRESETS[key]
    assert panel.preset.currentData() == key


def test_options_panel_emits_valid_options_and_explains_invalid_ones(qtbot: QtBot) -> None:
    panel = OptionsPanel()
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.options_changed) as changed:
        panel.method.setCurrentIndex(panel.method.findData("spark"))
    assert changed.args[0].method == Method.SPARK
    assert changed.args[0] == PRESETS["spark"]  # SPARK's own settings: no autorating cap
    assert panel.preset.currentData() == "spark"
    panel.cap.spin.setValue(0.9)
    panel.cap.check.setChecked(True)
    panel.floor.spin.setValue(1.0)
    with qtbot.assertNotEmitted(panel.options_changed):
        panel.floor.check.setChecked(True)  # floor 1.0 above cap 0.9
    assert "floor" in panel.message.text()


def test_milestone_dialog_refuses_a_taken_name(qtbot: QtBot) -> None:
    dialog = MilestoneDialog([], {"M1 Proposal"})
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.message.text() == ""  # nothing typed yet: no reproach
    dialog.name.setText("M")
    dialog.name.setText("")
    assert dialog.message.text() == "A milestone needs a name."
    dialog.name.setText(" m1 proposal ")
    assert not ok.isEnabled()
    assert "exists already" in dialog.message.text()
    dialog.name.setText("M2  Prototype")
    assert ok.isEnabled()
    assert dialog.milestone().name == "M2 Prototype"


def test_grades_from_a_canvas_column_never_average_disagreeing_members(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path
) -> None:
    """Team 1's members all have 84: its grade is 84. Team 2's members have 90 and 70: it is
    reported and left without a grade."""
    course = ctx.require_course()
    teams = course.team_sets()[0].teams
    header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Proposal (5)", "Quiz (6)"]
    rows = [header, ["    Points Possible", "", "", "", "", "100.00", "10.00"]]
    score = dict.fromkeys(teams["Team 1"], "84") | dict.fromkeys(teams["Team 2"], "90")
    score[teams["Team 2"][0]] = "70"
    for i, s in enumerate(course.roster().students):
        rows.append([s.name, str(500 + i), s.id, "", s.section, score.get(s.id, ""), "9"])
    path = tmp_path / "gradebook.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    dialog = GradesImportDialog(teams, Milestone("M1 Proposal", 100))
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    assert dialog.source_label.text() == "Gradebook column"
    assert [dialog.source.itemText(i) for i in range(dialog.source.count())] == [
        "Proposal (5)",
        "Quiz (6)",
    ]
    assert dialog.grades() == {"Team 1": 84.0}
    texts = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("Team 2" in t and "different scores" in t for t in texts)
    assert dialog.import_button.isEnabled()


def test_survey_dialog_layout_override_and_leave_out(qtbot: QtBot, ctx: AppContext) -> None:
    """A wrong layout chosen by hand is explained; "leave out" is a valid answer for a person."""
    course = ctx.require_course()
    dialog = SurveyImportDialog(course.roster(), course.team_sets()[0])
    qtbot.addWidget(dialog)
    dialog.set_file(SAMPLES / "surveys" / "m1_google_forms.csv")
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("long"))
    assert not dialog.import_button.isEnabled()
    assert dialog.summary.text()
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("google"))
    combo = dialog.match_combo(0)
    combo.setCurrentIndex(combo.findText(LEAVE_OUT))
    assert dialog.confirmed == {"Chris Lee": ""}
    assert dialog.import_button.isEnabled()
    assert dialog.survey is not None
    assert not any(r.rater == "s1023" for r in dialog.survey.ratings)


def test_edit_milestone_through_the_bar(qtbot: QtBot, ctx: AppContext) -> None:
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand
    from ui.milestones.bar import MilestoneBar

    execute(ctx, AddMilestoneCommand(ctx, Milestone("M1", 100, grades={"Team 1": 70})))
    bar = MilestoneBar(ctx)
    qtbot.addWidget(bar)
    dialog = bar.open_edit()
    assert dialog is not None
    dialog.max_points.setValue(80)
    dialog.accept()
    milestone = ctx.require_course().milestones()[0]
    assert (milestone.max_points, milestone.grades) == (80, {"Team 1": 70})
    assert bar.combo.currentText().startswith("M1")


def test_every_milestone_bar_shows_the_same_milestone(qtbot: QtBot, ctx: AppContext) -> None:
    """Choosing M2 on the Ratings step also opens M2 on the Grades step."""
    from ui.commands import execute
    from ui.commands.milestones import AddMilestoneCommand
    from ui.milestones.bar import MilestoneBar

    for name in ("M1", "M2"):
        execute(ctx, AddMilestoneCommand(ctx, Milestone(name, 100)))
    first, second = MilestoneBar(ctx), MilestoneBar(ctx)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    m2 = ctx.require_course().milestones()[1].id
    with qtbot.waitSignal(second.milestone_changed) as changed:
        first.combo.setCurrentIndex(1)
    assert changed.args == [m2]
    assert second.current_id() == m2
