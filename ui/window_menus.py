"""The main window's menu bar (File, Edit, Go, Help), its recent-files menu and help boxes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ui import settings
from ui.debriefs.dialog import open_debriefs_dialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@dataclass(frozen=True)
class WindowMenus:
    """The menu items the window enables, tests or fills later."""

    recent_menu: QMenu
    close_action: QAction
    undo_action: QAction
    redo_action: QAction


def _action(
    window: QWidget,
    menu: QMenu,
    text: str,
    slot: Callable[..., object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow, titles: list[str]) -> WindowMenus:
    """Fill the menu bar of ``window``; the Go menu has one entry per step in ``titles``."""
    w = window
    bar = w.menuBar()
    file = bar.addMenu("&File")
    _action(w, file, "&New course…", w.ask_new_course, QKeySequence.StandardKey.New)
    _action(w, file, "&Open course…", w.ask_open_course, QKeySequence.StandardKey.Open)
    recent_menu = file.addMenu("Open &recent")
    recent_menu.aboutToShow.connect(lambda: fill_recent_menu(recent_menu, w.open_course))
    _action(w, file, "Open the &sample course…", w.ask_sample_course)
    file.addSeparator()
    close_action = _action(w, file, "&Close course", w.close_course, QKeySequence.StandardKey.Close)
    _action(w, file, "&Quit", w.close, QKeySequence.StandardKey.Quit)
    edit = bar.addMenu("&Edit")
    undo_action = w.ctx.undo_stack.createUndoAction(w, "&Undo")
    undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    redo_action = w.ctx.undo_stack.createRedoAction(w, "&Redo")
    redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    edit.addAction(undo_action)
    edit.addAction(redo_action)
    view = bar.addMenu("&Go")
    for i, title in enumerate(titles):
        _action(w, view, title, lambda _=False, i=i: w.show_step(i), f"Ctrl+{i + 1}")
    export = bar.addMenu("E&xport")
    _action(w, export, "Mentor &debriefs…", lambda: open_debriefs_dialog(w, w.ctx.course))
    help_menu = bar.addMenu("&Help")
    _action(w, help_menu, "&How to use teamtool", w.show_how_to, "F1")
    _action(w, help_menu, "&About teamtool", w.show_about)
    return WindowMenus(recent_menu, close_action, undo_action, redo_action)


def fill_recent_menu(menu: QMenu, open_course: Callable[[str], object]) -> None:
    """The recently opened course files, newest first; ``(none)`` when there is none."""
    menu.clear()
    files = settings.recent_files()
    for path in files:
        action = menu.addAction(path)
        action.triggered.connect(lambda _=False, p=path: open_course(p))
    if not files:
        menu.addAction("(none)").setEnabled(False)


def show_help(parent: QWidget, title: str, text: str) -> None:
    """A non-blocking information box (help, about)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("helpDialog")
    box.open()
