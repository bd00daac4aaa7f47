"""The survey import dialog keeps the ratings of an unfinished Qualtrics response, and leaves
the response out when "Leave out unfinished responses" is ticked."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teamtool.files.teamfile import load_team_set
from teamtool.roster import import_roster
from ui.ratings.import_dialog import SurveyImportDialog

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
IVAN = "s1041"  # left the sample Qualtrics survey unfinished


def test_the_dialog_keeps_a_partial_response_unless_told_to_leave_it_out(qtbot: QtBot) -> None:
    roster = import_roster(SAMPLES / "roster.csv").roster
    dialog = SurveyImportDialog(roster, load_team_set(SAMPLES / "teams.csv", roster))
    qtbot.addWidget(dialog)
    dialog.set_file(SAMPLES / "surveys" / "m1_qualtrics.csv")
    assert dialog.survey is not None
    assert IVAN in {r.rater for r in dialog.survey.ratings}
    assert "0 non-respondent(s)" in dialog.summary.text()
    kinds = [dialog.report.item(r, 0).text() for r in range(dialog.report.rowCount())]
    assert "Unfinished response" in kinds
    dialog.drop_partial.setChecked(True)  # re-reads at once
    assert IVAN not in {r.rater for r in dialog.survey.ratings}
    assert dialog.survey.non_respondents == [IVAN]
    assert "1 non-respondent(s)" in dialog.summary.text()
