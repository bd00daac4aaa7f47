"""The menu-bar menus of the steps (Students, Teams, Ratings, Grades) with their shortcuts.

Each item mirrors a control of its page (a button or an action): it is enabled only while that
page is shown and the control is enabled, so one shortcut serves every page (Ctrl+I imports on
the page in use, Ctrl+E exports) without ambiguity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QToolButton, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow

IMPORT_KEYS = QKeySequence("Ctrl+I")
EXPORT_KEYS = QKeySequence("Ctrl+E")
FORM_KEYS = QKeySequence("F5")
CANCEL_KEYS = QKeySequence("Esc")

Control = QAbstractButton | QAction


class StepMenus(QObject):
    """Builds the step menus of ``window``; ``actions[name]`` holds each item (tests)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self._mirrors: list[tuple[QAction, Control, QWidget]] = []
        students, _, ratings, grades = window.step_pages[:4]
        bar, tp = window.menuBar(), window.teams_page
        first = bar.actions()[3] if len(bar.actions()) > 3 else None  # before Export, Help
        titles = {"Students": "&Students", "Teams": "&Teams", "Ratings": "&Ratings"}
        titles["Grades"] = "Gra&des"  # G is Go's key
        menus = {t: QMenu(title, bar) for t, title in titles.items()}
        for menu in menus.values():
            if first is not None:
                bar.insertMenu(first, menu)
            else:
                bar.addMenu(menu)
        add = self._mirror
        add("import roster", menus["Students"], "&Import roster…", students, "import_button")
        add("form", menus["Teams"], "&Form teams", tp, tp.solve_button, FORM_KEYS)
        add("cancel", menus["Teams"], "&Cancel forming", tp, tp.cancel_button, CANCEL_KEYS)
        menus["Teams"].addSeparator()
        add(
            "import team set",
            menus["Teams"],
            "&Import a team set…",
            tp,
            tp.set_actions.import_action,
        )
        add(
            "export teams",
            menus["Teams"],
            "&Export the team list…",
            tp,
            tp.export_button,
            EXPORT_KEYS,
        )
        add(
            "assign mentors", menus["Teams"], "Assign &mentors…", tp, tp.mentors.assign_action, None
        )
        add("import survey", menus["Ratings"], "&Import survey…", ratings, "import_button")
        add(
            "import grades",
            menus["Grades"],
            "&Import team grades…",
            grades,
            "team_grades.import_button",
        )
        add(
            "export grades",
            menus["Grades"],
            "&Export grades…",
            grades,
            "export_button",
            EXPORT_KEYS,
        )
        window.pages.currentChanged.connect(lambda _i: self.update())
        window.central.currentChanged.connect(lambda _i: self.update())
        self.update()

    def _mirror(
        self,
        name: str,
        menu: QMenu,
        text: str,
        page: QWidget,
        control: Control | str,
        keys: QKeySequence | None = IMPORT_KEYS,
    ) -> None:
        if isinstance(control, str):  # a path of attributes of the page, e.g. "panel.button"
            found: object = page
            for part in control.split("."):
                found = getattr(found, part)
            assert isinstance(found, QAbstractButton | QAction), control
            control = found
        action = QAction(text, self.window)
        action.setObjectName(f"menu:{name}")
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(lambda _=False, c=control: self._run(c))
        if isinstance(control, QAction):
            control.changed.connect(self.update)
        else:
            control.installEventFilter(self)
        menu.addAction(action)
        self.actions[name] = action
        self._mirrors.append((action, control, page))

    def _run(self, control: Control) -> None:
        if isinstance(control, QAction):
            control.trigger()
        elif isinstance(control, QToolButton) and control.menu() is not None:
            control.showMenu()
        else:
            control.click()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange:
            self.update()
        return False

    def update(self) -> None:
        """Each item is enabled while its page is shown and its control is enabled."""
        w = self.window
        on_steps = w.central.currentIndex() == 1
        for action, control, page in self._mirrors:
            shown = on_steps and w.pages.currentWidget() is page
            action.setEnabled(shown and control.isEnabled())
