"""The menus of one student on the board: Move to team…, Swap with… (context menu and keyboard)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui.teams.evaluation import TeamView
from ui.widgets.icons import lock_icon

MOVE_KEYS = QKeySequence("Ctrl+M")
SWAP_KEYS = QKeySequence("Ctrl+Shift+M")


def key_command(event: QKeyEvent) -> str:
    """ "move" (Ctrl+M), "swap" (Ctrl+Shift+M), "menu" (the Menu key, Shift+F10) or ""."""
    pressed = QKeySequence(event.keyCombination())
    if pressed.matches(MOVE_KEYS) == QKeySequence.SequenceMatch.ExactMatch:
        return "move"
    if pressed.matches(SWAP_KEYS) == QKeySequence.SequenceMatch.ExactMatch:
        return "swap"
    menu_key = event.key() == Qt.Key.Key_Menu
    shift_f10 = (
        event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
    )
    return "menu" if menu_key or shift_f10 else ""


def emit_key_command(event: QKeyEvent, student: str, signal: SignalInstance) -> bool:
    """Emit ``signal(command, student)`` for a command key with a student selected; True if
    emitted (the view then does not pass the key on)."""
    command = key_command(event)
    if command and student:
        signal.emit(command, student)
        return True
    return False


def fill_move_menu(
    menu: QMenu, teams: Sequence[TeamView], student_id: str, move: Callable[[str, str], None]
) -> None:
    """One item per other team; locked teams (and the student's own, if locked) disabled."""
    own = next((t for t in teams if any(s.id == student_id for s in t.members)), None)
    for team in teams:
        if team is own:
            continue
        action = menu.addAction(f"{team.name} ({len(team.members)})")
        action.setObjectName(f"move:{team.name}")
        if team.locked:
            action.setIcon(lock_icon(True))
        action.setEnabled(not team.locked and not (own is not None and own.locked))
        action.triggered.connect(lambda _=False, t=team.name: move(student_id, t))


def fill_swap_menu(
    menu: QMenu, teams: Sequence[TeamView], student_id: str, swap: Callable[[str, str], None]
) -> None:
    """A submenu per other team listing its members; locked teams disabled."""
    own = next((t for t in teams if any(s.id == student_id for s in t.members)), None)
    for team in teams:
        if team is own or not team.members:
            continue
        sub = menu.addMenu(team.name)
        sub.setObjectName(f"swapTeam:{team.name}")
        sub.setEnabled(not team.locked and own is not None and not own.locked)
        for s in team.members:
            action = sub.addAction(s.label)
            action.setObjectName(f"swap:{s.id}")
            action.triggered.connect(lambda _=False, other=s.id: swap(student_id, other))


def student_menu(
    parent: QWidget,
    teams: Sequence[TeamView],
    student_id: str,
    move: Callable[[str, str], None],
    swap: Callable[[str, str], None],
) -> QMenu:
    """The context menu of a student: "Move to team" and "Swap with" submenus."""
    menu = QMenu(parent)
    menu.setObjectName("studentMenu")
    fill_move_menu(menu.addMenu("Move to team"), teams, student_id, move)
    swap_menu = menu.addMenu("Swap with")
    fill_swap_menu(swap_menu, teams, student_id, swap)
    swap_menu.setEnabled(not swap_menu.isEmpty())
    return menu
