"""The main window: the start page, then the steps Students, Teams, Ratings, Grades; the menus."""

from __future__ import annotations

import gc
import tempfile
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from teamtool.store import SUFFIX, Course
from ui import settings
from ui.context import AppContext
from ui.errors import show_error
from ui.help.page import HelpPage
from ui.pages import later_steps
from ui.start_page import StartPage
from ui.step_menus import StepMenus
from ui.students.page import StudentsPage
from ui.teams.page import TeamsPage
from ui.widgets.boxes import pane
from ui.widgets.help_text import ABOUT
from ui.widgets.screen_fit import keep_frame_on_screen, place_window
from ui.window_menus import build_menus, show_help

FILTER = f"teamtool courses (*{SUFFIX});;All files (*)"


class MainWindow(QMainWindow):
    """One window. ``ctx`` holds the open course; the pages follow its signals."""

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._placed: QRect | None = None  # where the window was put, until it is shown
        self.ctx = ctx or AppContext(self)
        self.start = StartPage()
        self.start.new_requested.connect(self.ask_new_course)
        self.start.open_requested.connect(self.ask_open_course)
        self.start.sample_requested.connect(self.ask_sample_course)
        self.start.recent_requested.connect(self.open_course)

        self.steps = QListWidget()
        self.steps.setObjectName("stepList")
        self.pages = QStackedWidget()
        self.students_page = StudentsPage(self.ctx)
        self.teams_page = TeamsPage(self.ctx)
        self.step_pages: list[QWidget] = [self.students_page, self.teams_page]
        titles = ["Students", "Teams"]
        for title, page_class in later_steps():
            make = cast(Callable[[AppContext], QWidget], page_class)
            self.step_pages.append(make(self.ctx))
            titles.append(title)
        for page in self.step_pages:
            self.pages.addWidget(page)
        self.steps.addItems([f"{i + 1}. {t}" for i, t in enumerate(titles)])
        self.steps.setFixedWidth(step_list_width(self.steps))
        self.steps.currentRowChanged.connect(self._step_changed)
        work = pane(QHBoxLayout(), self.steps, (self.pages, 1))
        self.central = QStackedWidget()
        self.central.addWidget(self.start)
        self.central.addWidget(work)
        self.help_page = HelpPage()
        self.help_page.back.connect(self._leave_help)
        self._before_help = 0
        self.central.addWidget(self.help_page)
        self.setCentralWidget(self.central)
        menus = build_menus(self, titles)
        self.recent_menu, self.close_action = menus.recent_menu, menus.close_action
        self.undo_action, self.redo_action = menus.undo_action, menus.redo_action
        self.step_menus = StepMenus(self)
        self.ctx.course_opened.connect(self._course_changed)
        self.setMinimumSize(760, 520)
        self.restore_geometry()
        self._course_changed(None)
        QTimer.singleShot(300, preload_solver)

    # -- geometry --------------------------------------------------------------------------
    def restore_geometry(self, available: QRect | None = None) -> None:
        """Open within ``available`` (the screen's available geometry by default): the last
        geometry clamped to it, else the preferred size centred in it."""
        last = settings.get_rect(settings.GEOMETRY)
        if last.isValid():
            self.setGeometry(last)
        place_window(self, last.isValid(), available)
        self._placed = self.geometry()
        if settings.get_bool(settings.MAXIMIZED):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        placed, self._placed = self._placed, None
        if placed is not None:  # the frame is known once shown: keep the title bar on the screen
            QTimer.singleShot(0, lambda: self._keep_on_screen(placed))

    def _keep_on_screen(self, placed: QRect) -> None:
        if self.geometry() == placed:  # unless the window was moved or resized meanwhile
            keep_frame_on_screen(self)

    # -- help ------------------------------------------------------------------------------
    def show_how_to(self) -> None:
        """The Help page, at the section of the page in use (F1)."""
        if self.central.currentWidget() is self.help_page:
            return
        self._before_help = self.central.currentIndex()
        topics = ("students", "teams", "ratings", "grades", "tokens")
        step = self.pages.currentIndex()
        on_steps = self._before_help == 1 and 0 <= step < len(topics)
        self.help_page.show_topic(topics[step] if on_steps else "start")
        self.central.setCurrentWidget(self.help_page)

    def _leave_help(self) -> None:
        self.central.setCurrentIndex(self._before_help)

    def show_about(self) -> None:
        show_help(self, "About teamtool", ABOUT)

    # -- the course ------------------------------------------------------------------------
    def show_step(self, index: int) -> None:
        if self.ctx.course is not None:
            self.steps.setCurrentRow(index)

    def _step_changed(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index >= 0:
            settings.put(settings.LAST_STEP, index)

    def _course_changed(self, course: Course | None) -> None:
        self.close_action.setEnabled(course is not None)
        if course is None:
            self.setWindowTitle("teamtool")
            self.start.refresh()
            self.central.setCurrentIndex(0)
            return
        self.setWindowTitle(f"{course.name} — {course.path} — teamtool")
        self.central.setCurrentIndex(1)
        last = settings.get_int(settings.LAST_STEP) if len(course.roster()) else 0
        self.steps.setCurrentRow(last if 0 <= last < len(self.step_pages) else 0)

    def open_course(self, path: str | Path) -> bool:
        try:
            self.ctx.open(path)
        except Exception as exc:  # noqa: BLE001 - every error ends in the one dialog
            show_error(self, exc)
            return False
        settings.add_recent(path)
        settings.put(settings.LAST_DIR, str(Path(path).parent))
        return True

    def new_course(self, path: str | Path) -> bool:
        path = Path(path)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        try:
            self.ctx.new(path, path.stem)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return False
        settings.add_recent(path)
        settings.put(settings.LAST_DIR, str(path.parent))
        return True

    def create_sample_course(self, path: str | Path) -> bool:
        """A new course file at ``path`` with the sample students, teams and milestones."""
        from teamtool.demo.sample_course import create_sample_course  # pulls in the import code

        try:
            create_sample_course(path)
        except Exception as exc:  # noqa: BLE001 - every failure ends in the one error dialog
            show_error(self, exc)
            return False
        return self.open_course(path)

    def close_course(self) -> None:
        self.teams_page.stop_solving()
        self.ctx.close()

    def ask_new_course(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New course", self._dir("course"), FILTER)
        if path:
            self.new_course(path)

    def ask_open_course(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open course", self._dir(), FILTER)
        if path:
            self.open_course(path)

    def ask_sample_course(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the sample course as", self._sample_default(), FILTER
        )
        if path:
            self.create_sample_course(path if path.endswith(SUFFIX) else path + SUFFIX)

    def _dir(self, name: str = "") -> str:
        folder = settings.get_str(settings.LAST_DIR) or str(Path.home())
        return str(Path(folder) / f"{name}{SUFFIX}") if name else folder

    @staticmethod
    def _sample_default() -> str:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return str(Path(tempfile.gettempdir()) / f"sample-course-{stamp}{SUFFIX}")

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.put(settings.GEOMETRY, self.normalGeometry())
        settings.put(settings.MAXIMIZED, self.isMaximized())
        self.teams_page.stop_solving()
        if self.ctx.course is not None:
            self.ctx.close()
        super().closeEvent(event)


def step_list_width(steps: QListWidget) -> int:
    """As wide as the longest step title in the user's font, and a little air."""
    metrics = steps.fontMetrics()
    widest = max(metrics.horizontalAdvance(steps.item(i).text()) for i in range(steps.count()))
    return widest + 2 * steps.frameWidth() + 3 * metrics.averageCharWidth()


def preload_solver() -> threading.Thread:
    """Load OR-Tools in a background thread once the window shows, so that neither showing a
    team set nor the first solve waits for it on the GUI thread.

    What is loaded by then lives as long as the window (modules, widgets, OR-Tools), so it is
    moved out of the garbage collector's sight (``gc.freeze``): a full collection then walks
    only the objects made since, instead of stopping the window for ~40 ms (it did so while
    the 75 cards of a 300-student class were being shown)."""
    from teamtool.formation import preload

    def load() -> None:
        preload()
        gc.freeze()

    gc.freeze()
    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    return thread
