"""The Teams step starts from the criteria of the last set formed, or from sensible defaults."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from teamtool.model import TeamSet
from ui.main_window import MainWindow


def rules_of(window: MainWindow) -> dict[str, tuple[str, int]]:
    return {
        r["attribute"]: (r["rule"], r["priority"])
        for r in window.teams_page.criteria_panel.criteria()["rules"]
    }


def test_imported_teams_without_criteria_give_the_defaults(tmp_path: Path, qtbot: QtBot) -> None:
    """The sample course's "Project teams" came from a file: the panel proposes the defaults."""
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.create_sample_course(tmp_path / "s.teamtool")
    rules = rules_of(w)
    assert rules["Availability"] == ("schedule", 1)
    assert rules["GPA"] == ("balance", 2)
    assert rules["Programming"] == ("balance", 2)


def test_the_criteria_of_the_last_formed_set_come_back(tmp_path: Path, qtbot: QtBot) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    path = tmp_path / "s.teamtool"
    assert w.create_sample_course(path)
    course = w.ctx.require_course()
    formed = {"rules": [{"attribute": "Major", "rule": "mix", "priority": 1, "weight": 3,
                         "value": None, "min_common": 1, "hard": False}]}  # fmt: skip
    course.add_team_set(TeamSet("Formed", {"T": ["s1001", "s1002", "s1003"]}, criteria=formed))
    w.close_course()
    assert w.open_course(path)
    assert rules_of(w) == {"Major": ("mix", 1)}
