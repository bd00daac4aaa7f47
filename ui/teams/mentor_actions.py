"""Mentors on the Teams page: each card's mentor, the card menu to change it, the swap by drag,
and "Assign mentors…" (the core's assignment in a worker). Every change is an undo command."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from teamtool.errors import TeamtoolError
from teamtool.mentors import MentorResult, assign_mentors, read_mentors
from teamtool.mentors.previous import previous_in_course
from teamtool.model import MentorRef
from ui.commands import SetMentorsCommand, execute, set_mentor, swap_mentors
from ui.errors import show_error
from ui.teams.mentor_assign import AssignMentorsDialog, result_text
from ui.teams.mentor_chip import mentor_label
from ui.workers import Worker

if TYPE_CHECKING:
    from ui.teams.page import TeamsPage


def typed_mentor(text: str, known: list[MentorRef]) -> MentorRef | None:
    """A mentor from typed text: a known mentor's name or email (any case), "Name <email>", an
    email, or a name; None for blank text."""
    text = " ".join(text.split())
    if not text:
        return None
    for mentor in known:
        if text.casefold() in (mentor.name.casefold(), mentor.email.casefold()):
            return mentor
    if text.endswith(">") and "<" in text:
        name, _, email = text[:-1].rpartition("<")
        return MentorRef(name.strip() or email.strip(), email.strip())
    return MentorRef(text, text) if "@" in text else MentorRef(text, "")


class MentorActions(QObject):
    """``assigned(result)`` after an assignment is stored, ``assign_failed(error)`` otherwise."""

    assigned = Signal(object)
    assign_failed = Signal(object)

    def __init__(self, page: TeamsPage) -> None:
        super().__init__(page)
        self.page = page
        self.menu: QMenu | None = None  # the last card menu opened (tests trigger its items)
        self.worker: Worker | None = None
        self.dialog: AssignMentorsDialog | None = None
        self.result_box: QMessageBox | None = None
        self.listed: list[MentorRef] = []  # the mentors of the last list read
        page.board.mentor_menu_requested.connect(self.open_menu)
        page.board.mentor_swap_requested.connect(self.swap)
        sets_menu = page.set_actions.button.menu()
        sets_menu.addSeparator()
        self.assign_action = sets_menu.addAction("Assign mentors…", self.ask_assign)
        self.assign_action.setObjectName("assignMentors")
        self.assign_action.setToolTip(
            "Read a mentor list and give every team of this set a mentor (balanced loads, "
            "capacities, shared free slots)"
        )

    # -- showing -------------------------------------------------------------------------------
    def mentors(self) -> dict[str, MentorRef]:
        """The shown set's mentors (team -> mentor)."""
        course, ts = self.page.ctx.course, self.page.current
        if course is None or ts is None or ts.id is None:
            return {}
        return course.team_mentors(ts.id)

    def refresh(self) -> None:
        self.page.board.set_mentors(self.mentors())
        self.assign_action.setEnabled(self.page.current is not None and not self.running)

    def known(self) -> list[MentorRef]:
        """Every mentor of the course's team sets and of the last list read, by name."""
        course, found = self.page.ctx.course, dict.fromkeys(self.listed)
        for ts in self.page.team_sets if course is not None else []:
            if ts.id is not None:
                found.update(dict.fromkeys(course.team_mentors(ts.id).values()))  # type: ignore[union-attr]
        return sorted(found, key=lambda m: (m.name.casefold(), m.email))

    # -- changing one team's mentor ------------------------------------------------------------
    def _push(self, make: Callable[[int], SetMentorsCommand]) -> bool:
        ts = self.page.current
        if ts is None or ts.id is None:
            return False
        try:
            command = make(ts.id)
        except TeamtoolError as exc:  # e.g. no mentor to swap
            show_error(self.page, exc)
            return False
        return execute(self.page.ctx, command, self.page)

    def choose(self, team: str, mentor: MentorRef | None) -> bool:
        return self._push(lambda set_id: set_mentor(self.page.ctx, set_id, team, mentor))

    def swap(self, from_team: str, to_team: str) -> bool:
        return self._push(lambda set_id: swap_mentors(self.page.ctx, set_id, from_team, to_team))

    def choose_typed(self, team: str, text: str) -> bool:
        mentor = typed_mentor(text, self.known())
        return mentor is not None and self.choose(team, mentor)

    def ask_typed(self, team: str) -> None:
        text, ok = QInputDialog.getText(
            self.page, f"Mentor of {team}", "Name, email, or Name <email>:"
        )
        if ok:
            self.choose_typed(team, text)

    def open_menu(self, team: str, pos: QPoint) -> QMenu:
        """The card menu: one item per known mentor (the current one checked), Other…, None."""
        current = self.mentors().get(team)
        menu = QMenu(self.page)
        menu.setObjectName("mentorMenu")
        menu.addSection(f"Mentor of {team}")
        for mentor in self.known():
            action = menu.addAction(mentor_label(mentor))
            action.setObjectName(f"mentor:{mentor.name}")
            action.setCheckable(True)
            action.setChecked(mentor == current)
            action.triggered.connect(lambda _=False, m=mentor: self.choose(team, m))
        other = menu.addAction("Other mentor…", lambda: self.ask_typed(team))
        other.setObjectName("mentorOther")
        none = menu.addAction("No mentor", lambda: self.choose(team, None))
        none.setObjectName("mentorNone")
        none.setEnabled(current is not None)
        self.menu = menu
        menu.popup(pos)
        return menu

    # -- assigning every team ------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.worker is not None

    def ask_assign(self) -> None:
        ts = self.page.current
        if ts is None or self.running:
            return
        self.dialog = AssignMentorsDialog(ts.name, self.page)
        self.dialog.accepted.connect(
            lambda d=self.dialog: self.assign_file(
                d.path,
                same_section=d.same_section.isChecked(),
                keep_previous=d.keep_previous.isChecked(),
            )
        )
        self.dialog.open()

    def assign_file(
        self, path: str, *, same_section: bool = False, keep_previous: bool = False
    ) -> Worker | None:
        """Read the mentor list now (a bad file: one error dialog naming file, row and column);
        assign in a worker; store the result as one undoable command."""
        page, ts, course = self.page, self.page.current, self.page.ctx.course
        if ts is None or ts.id is None or course is None or self.running:
            return None
        try:
            mentors = read_mentors(path, page.roster)
        except TeamtoolError as exc:
            show_error(page, exc)
            return None
        self.listed = [m.ref for m in mentors]
        previous = previous_in_course(course, ts) if keep_previous else None
        set_id, name = ts.id, ts.name

        def work(progress: object) -> MentorResult:
            return assign_mentors(
                ts, mentors, page.roster, same_section=same_section, previous=previous
            )

        self.worker = Worker(work)
        self.worker.signals.returned.connect(lambda r: self._assigned(course, set_id, name, r))
        self.worker.signals.errored.connect(self._failed)
        page.status.setText(f"Assigning mentors to {name}…")
        self.assign_action.setEnabled(False)
        self.worker.start()
        return self.worker

    def _assigned(self, course: object, set_id: int, name: str, result: MentorResult) -> None:
        self.worker = None
        if course is not self.page.ctx.course:
            return  # the course was closed meanwhile
        command = SetMentorsCommand(
            self.page.ctx, set_id, result.refs(), f"Assign mentors to {name}"
        )
        if not execute(self.page.ctx, command, self.page):
            return
        summary, why = result_text(result)
        self.page.status.setText(f"Mentors assigned to {name}. " + " ".join(result.summary[:1]))
        self.result_box = QMessageBox(QMessageBox.Icon.Information, "Mentors assigned", summary)
        self.result_box.setParent(self.page, self.result_box.windowFlags())
        self.result_box.setObjectName("mentorResult")
        self.result_box.setDetailedText(why)
        self.result_box.open()
        self.refresh()
        self.assigned.emit(result)

    def _failed(self, error: object) -> None:
        self.worker = None
        self.page.status.setText("Mentors not assigned.")
        self.refresh()
        exc = error if isinstance(error, BaseException) else RuntimeError(str(error))
        show_error(self.page, exc)
        self.assign_failed.emit(exc)
