"""The dialog to add a student or edit one: identity fields and every attribute as text."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import RosterError
from teamtool.model import AttributeKind, Roster, Student
from teamtool.roster.summary import cell_text
from teamtool.roster.values import PeopleIndex, parse_value
from ui.widgets.dialog_buttons import ok_cancel_buttons


class StudentDialog(QDialog):
    """Add (``student`` None) or edit a student. ``result_student()`` reads the fields."""

    def __init__(self, roster: Roster, student: Student | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("studentDialog")
        self.roster, self.original = roster, student
        self.setWindowTitle("Edit student" if student else "Add a student")
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        s = student or Student(id="")
        for key, label, value in (
            ("id", "Student ID", s.id),
            ("name", "Name", s.name),
            ("email", "Email", s.email),
            ("section", "Section", s.section),
        ):
            self.fields[key] = QLineEdit(value)
            form.addRow(label, self.fields[key])
        self.fields["id"].setReadOnly(student is not None)
        self.fields["id"].setToolTip("The instructor's student id; it cannot change once added.")
        for spec in roster.attributes:
            edit = QLineEdit(s.raw.get(spec.name, cell_text(s.get(spec.name))))
            edit.setToolTip(f"Read as {spec.kind.value}")
            self.fields["attr:" + spec.name] = edit
            form.addRow(f"{spec.name} ({spec.kind.value})", edit)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = ok_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def result_student(self) -> Student:
        """The student as typed; raises RosterError naming the field that is wrong."""
        text = {k: e.text().strip() for k, e in self.fields.items()}
        sid = text["id"]
        if not sid:
            raise RosterError("a student needs an id", column="Student ID", code="empty-id")
        if self.original is None and self.roster.get(sid) is not None:
            raise RosterError(
                f'a student with id "{sid}" exists already',
                column="Student ID",
                code="duplicate-id",
            )
        attributes = dict(self.original.attributes) if self.original else {}
        raw = dict(self.original.raw) if self.original else {}
        for spec in self.roster.attributes:
            cell = text["attr:" + spec.name]
            value, bad = parse_value(spec.kind, cell)
            if bad:
                raise RosterError(
                    f"cannot read {', '.join(bad)} as {spec.kind.value}",
                    column=spec.name,
                    code="bad-value",
                )
            if spec.kind is AttributeKind.PREFERENCE and isinstance(value, tuple):
                people = PeopleIndex(self.roster.students)
                ids = [i for i in (people.find(t) for t in value) if i and i != sid]
                value = tuple(dict.fromkeys(ids)) or None
            if raw.get(spec.name, "") != cell or spec.name not in attributes:
                attributes[spec.name], raw[spec.name] = value, cell
        base = self.original or Student(id=sid)
        return replace(
            base,
            name=text["name"],
            email=text["email"],
            section=text["section"],
            attributes=attributes,
            raw=raw,
        )

    def accept(self) -> None:
        try:
            self.result_student()
        except RosterError as exc:
            self.message.setText(str(exc))
            return
        super().accept()
