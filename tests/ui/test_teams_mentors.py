"""Mentors on the Teams teams_page: each card shows its team's mentor; the card menu changes it (a
known mentor, a typed one, none); dragging a chip onto another card swaps the two mentors;
"Assign mentors…" reads samples/mentors.csv and assigns in a worker. Every change is undoable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from teamtool.mentors import read_mentors
from teamtool.model import MentorRef
from tests.ui.windows import drop_on
from ui.teams.mentor_actions import typed_mentor
from ui.teams.page import TeamsPage

ROOT = Path(__file__).resolve().parents[2]
MENTORS_CSV = ROOT / "samples" / "mentors.csv"
PRIYA = MentorRef("Priya Raman", "priya.raman@example.edu")
MEI = MentorRef("Mei Chen", "mei.chen@example.edu")


def stored(teams_page: TeamsPage) -> dict[str, MentorRef]:
    ts = teams_page.current
    assert ts is not None
    assert ts.id is not None
    return teams_page.ctx.require_course().team_mentors(ts.id)


def chip_text(teams_page: TeamsPage, team: str) -> str:
    """The chip of ``team``'s card, once the board (rebuilt after each change) is complete."""
    QtBot(teams_page).waitUntil(lambda: teams_page.board.complete)
    return teams_page.board.card(team).mentor_chip.text()


def assign_sample(teams_page: TeamsPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(teams_page.mentors.assigned, timeout=30000):
        assert teams_page.mentors.assign_file(str(MENTORS_CSV)) is not None


def test_assign_mentors_from_the_sample_list_then_undo(teams_page: TeamsPage, qtbot: QtBot) -> None:
    assert stored(teams_page) == {}
    assert chip_text(teams_page, "Team 1") == "No mentor"
    assert teams_page.mentors.assign_action.isEnabled()
    assign_sample(teams_page, qtbot)
    mentors = stored(teams_page)
    assert set(mentors) == set(teams_page.current.teams)  # type: ignore[union-attr]
    listed = {m.ref for m in read_mentors(MENTORS_CSV)}
    assert set(mentors.values()) <= listed
    loads = [list(mentors.values()).count(m) for m in listed]
    capacity = {m.ref: m.capacity for m in read_mentors(MENTORS_CSV)}
    assert all(list(mentors.values()).count(m) <= (capacity[m] or 99) for m in listed)
    assert sum(loads) == len(teams_page.current.teams)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: teams_page.board.complete)
    for team, mentor in mentors.items():
        chip = teams_page.board.card(team).mentor_chip
        assert chip.text() == f"Mentor: {mentor.name}"
        assert mentor.email in chip.toolTip()
    box = teams_page.mentors.result_box
    assert box is not None
    assert box.objectName() == "mentorResult"
    assert "Team 1: " in box.detailedText()
    teams_page.ctx.undo_stack.undo()
    assert stored(teams_page) == {}
    assert chip_text(teams_page, "Team 1") == "No mentor"
    teams_page.ctx.undo_stack.redo()
    assert stored(teams_page) == mentors


def test_a_bad_mentor_list_names_the_file_and_stores_nothing(
    teams_page: TeamsPage, tmp_path: Path
) -> None:
    bad = tmp_path / "mentors.csv"
    bad.write_text("name,email,capacity\nAna,ana@example.edu,lots\n", encoding="utf-8")
    assert teams_page.mentors.assign_file(str(bad)) is None
    texts = [
        b.text() for b in teams_page.findChildren(QMessageBox) if b.objectName() == "errorDialog"
    ]
    assert texts
    assert "mentors.csv" in texts[-1]
    assert stored(teams_page) == {}


def test_card_menu_chooses_a_known_mentor_types_one_and_removes_one(
    teams_page: TeamsPage, qtbot: QtBot
) -> None:
    assign_sample(teams_page, qtbot)
    before = stored(teams_page)
    other = next(m for m in teams_page.mentors.known() if m != before["Team 2"])
    menu = teams_page.mentors.open_menu("Team 2", QPoint(0, 0))
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == [f"{before['Team 2'].name} <{before['Team 2'].email}>"]
    item = next(a for a in menu.actions() if a.objectName() == f"mentor:{other.name}")
    item.trigger()
    assert stored(teams_page)["Team 2"] == other
    assert chip_text(teams_page, "Team 2") == f"Mentor: {other.name}"
    assert teams_page.mentors.choose_typed("Team 3", "Lea Vogel <lea.vogel@example.edu>")
    assert stored(teams_page)["Team 3"] == MentorRef("Lea Vogel", "lea.vogel@example.edu")
    long_name = "Maximiliane Alexandra von Hohenberg-Wittgenstein"
    assert teams_page.mentors.choose_typed("Team 1", long_name)
    chip = (chip_text(teams_page, "Team 1"), teams_page.board.card("Team 1").mentor_chip)[1]
    assert chip.text().endswith("…")  # elided on the card, whole in the tooltip
    assert long_name in chip.toolTip()
    menu = teams_page.mentors.open_menu("Team 4", QPoint(0, 0))
    next(a for a in menu.actions() if a.objectName() == "mentorNone").trigger()
    assert "Team 4" not in stored(teams_page)
    assert chip_text(teams_page, "Team 4") == "No mentor"
    for _ in range(4):
        teams_page.ctx.undo_stack.undo()
    assert stored(teams_page) == before


def test_typed_text_matches_a_known_mentor_or_reads_name_and_email() -> None:
    known = [PRIYA, MEI]
    assert typed_mentor("  mei.CHEN@example.edu ", known) == MEI
    assert typed_mentor("priya raman", known) == PRIYA
    assert typed_mentor("Ana Ruiz <ana@example.edu>", known) == MentorRef(
        "Ana Ruiz", "ana@example.edu"
    )
    assert typed_mentor("ana@example.edu", known) == MentorRef("ana@example.edu", "ana@example.edu")
    assert typed_mentor("Ana   Ruiz", known) == MentorRef("Ana Ruiz", "")
    assert typed_mentor("   ", known) is None


def test_dropping_a_mentor_chip_on_another_card_swaps_the_mentors(
    teams_page: TeamsPage, qtbot: QtBot
) -> None:
    course, set_id = teams_page.ctx.require_course(), teams_page.current.id  # type: ignore[union-attr]
    course.save_team_set(teams_page.current.with_lock("Team 5", True))  # type: ignore[union-attr]
    course.set_team_mentors(set_id, {"Team 1": PRIYA, "Team 2": MEI})
    teams_page.ctx.team_sets_changed.emit()
    qtbot.waitUntil(lambda: teams_page.board.complete)
    target = teams_page.board.card("Team 5")
    assert target.model.locked  # a locked team keeps its members, not its mentor
    data = teams_page.board.card("Team 1").mentor_chip.mime()
    with qtbot.waitSignal(teams_page.ctx.team_sets_changed):
        assert drop_on(target, target.mentor_chip.geometry().center(), data)
    assert stored(teams_page) == {"Team 5": PRIYA, "Team 2": MEI}
    assert chip_text(teams_page, "Team 5") == "Mentor: Priya Raman"
    assert chip_text(teams_page, "Team 1") == "No mentor"
    own = teams_page.board.card("Team 5")
    assert not drop_on(own, own.mentor_chip.geometry().center(), own.mentor_chip.mime())
    teams_page.mentors.swap("Team 5", "Team 2")
    assert stored(teams_page) == {"Team 5": MEI, "Team 2": PRIYA}
    teams_page.ctx.undo_stack.undo()
    teams_page.ctx.undo_stack.undo()
    assert stored(teams_page) == {"Team 1": PRIYA, "Team 2": MEI}
