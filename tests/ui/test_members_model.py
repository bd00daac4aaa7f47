"""The team members model: a correct Qt model whose drops ask for a move or a swap."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from teamtool.roster import import_roster
from ui.teams.members_model import MIME, TeamMembersModel

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def models(locked: bool = False) -> tuple[TeamMembersModel, TeamMembersModel]:
    roster = import_roster(SAMPLES / "roster.csv").roster
    by_id = roster.by_id()
    a = TeamMembersModel("Team 1", [by_id["s1001"], by_id["s1002"]], ["GPA", "Gender"])
    b = TeamMembersModel("Team 2", [by_id["s1003"], by_id["s1004"]], ["GPA"], locked=locked)
    return a, b


def test_members_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    a, _ = models()
    qtmodeltester.check(a)
    assert a.index(0).data() == "Ethan Park  —  3.41 · M"  # samples/roster.csv row 2
    assert a.index(1).data(Qt.ItemDataRole.UserRole) == "s1002"


def test_drop_between_rows_asks_for_a_move(qtbot: QtBot) -> None:
    a, b = models()
    data = a.mimeData([a.index(0)])
    assert data.hasFormat(MIME)
    with qtbot.waitSignal(b.move_requested) as blocker:
        b.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert blocker.args == ["s1001", "Team 2"]
    assert [s.id for s in b.members] == ["s1003", "s1004"]  # the rows change only by command


def test_drop_on_a_member_asks_for_a_swap(qtbot: QtBot) -> None:
    a, b = models()
    data = a.mimeData([a.index(1)])
    with qtbot.waitSignal(b.swap_requested) as blocker:
        b.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, b.index(0))
    assert blocker.args == ["s1002", "s1003"]


def test_locked_team_accepts_no_drop_and_drags_nothing(qtbot: QtBot) -> None:
    a, b = models(locked=True)
    data = a.mimeData([a.index(0)])
    with qtbot.assertNotEmitted(b.move_requested), qtbot.assertNotEmitted(b.swap_requested):
        assert not b.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not b.flags(b.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_drop_within_the_same_team_between_rows_does_nothing(qtbot: QtBot) -> None:
    a, _ = models()
    data = a.mimeData([a.index(0)])
    with qtbot.assertNotEmitted(a.move_requested):
        a.dropMimeData(data, Qt.DropAction.MoveAction, 2, 0, QModelIndex())
