"""The Tokens step: the course's token setting and one team's ledger, edited in a table.

Every edit is an undo command (``commands.py``); the grades of the milestones follow the
ledger (a late milestone the team cannot pay for, a refused resubmission), with their flags.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import TeamtoolError
from teamtool.store import TokenEntry
from teamtool.tokens import TokenSettings
from teamtool.tokens.course import team_ledger_rows
from ui.commands import execute
from ui.context import AppContext
from ui.errors import show_error
from ui.tokens.commands import SetTokenEntryCommand, SetTokenSettingsCommand
from ui.tokens.ledger_model import TokenLedgerModel
from ui.widgets.forms import form_layout, spin_box, with_tip

NO_CREDIT, PERCENT = 0, 1


class TokensPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        title = QLabel("<h2>Team tokens</h2>")
        self.explain = QLabel(
            "Each team spends its tokens milestone by milestone: late days first, then "
            "resubmissions. Type a team's late days and resubmissions below; a late milestone "
            "the team cannot pay for, and a resubmission it cannot pay for, are flagged on "
            "every member in the Grades step (override a grade there, with a reason)."
        )
        self.explain.setWordWrap(True)
        self.tokens = spin_box(0, 99, "Tokens each team has for the whole course")
        self.per_day = spin_box(0, 99, "Tokens a late milestone costs per day late")
        self.per_resub = spin_box(0, 99, "Tokens a resubmission costs")
        late_tip = "What a late milestone gets when the team cannot pay for it"
        self.policy = with_tip(QComboBox(), late_tip)
        self.policy.addItems(["No credit (feedback only)", "Deduct a percentage per day"])
        self.percent = with_tip(QDoubleSpinBox(), "Taken off the grade for each unpaid late day")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" % per day")
        for spin in (self.tokens, self.per_day, self.per_resub):
            spin.valueChanged.connect(self._settings_edited)
        self.policy.currentIndexChanged.connect(self._settings_edited)
        self.percent.valueChanged.connect(self._settings_edited)
        policy_row = QHBoxLayout()
        policy_row.addWidget(self.policy)
        policy_row.addWidget(self.percent)
        policy_row.addStretch(1)
        form = form_layout(
            [
                ("Tokens per team", self.tokens),
                ("Tokens per late day", self.per_day),
                ("Tokens per resubmission", self.per_resub),
                ("Late without tokens", policy_row),
            ]
        )
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.team = QComboBox()
        self.team.setObjectName("tokenTeam")
        self.team.setToolTip("The team whose ledger the table shows")
        self.team.currentTextChanged.connect(lambda _t: self._show_team())
        self.summary = QLabel()
        team_row = QHBoxLayout()
        team_row.addWidget(QLabel("Team"))
        team_row.addWidget(self.team)
        team_row.addWidget(self.summary, 1)
        self.model = TokenLedgerModel()
        self.model.entry_edited.connect(self._entry_edited)
        self.model.invalid_value.connect(lambda text: show_error(self, TeamtoolError(text)))
        self.table = QTableView()
        self.table.setObjectName("tokenLedger")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        for widget in (title, self.explain):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addLayout(team_row)
        layout.addWidget(self.table, 1)
        ctx.milestones_changed.connect(self.reload)
        ctx.team_sets_changed.connect(self.reload)
        ctx.course_opened.connect(lambda _c: self.reload())
        self.reload()

    def reload(self) -> None:
        course = self.ctx.course
        self._loading = True
        try:
            settings = course.token_settings() if course else TokenSettings()
            self.tokens.setValue(settings.tokens_per_team)
            self.per_day.setValue(settings.cost_per_late_day)
            self.per_resub.setValue(settings.cost_per_resubmission)
            percent = settings.late_percent_per_day
            self.policy.setCurrentIndex(NO_CREDIT if percent is None else PERCENT)
            self.percent.setValue(percent or 0.0)
            self.percent.setEnabled(percent is not None)
            current = self.team.currentText()
            teams = self._teams()
            self.team.clear()
            self.team.addItems(teams)
            if current in teams:
                self.team.setCurrentText(current)
        finally:
            self._loading = False
        self._show_team()

    def _teams(self) -> list[str]:
        """The teams of every team set the milestones grade, in order, each once."""
        course = self.ctx.course
        if course is None:
            return []
        names: dict[str, None] = {}
        for milestone in course.milestones():
            if milestone.team_set_id is not None:
                names.update(dict.fromkeys(course.team_set(milestone.team_set_id).teams))
        return list(names)

    def _show_team(self) -> None:
        course, team = self.ctx.course, self.team.currentText()
        if self._loading:
            return
        if course is None or not team:
            self.model.replace_rows([])
            self.summary.setText("Add a milestone (Ratings step) to keep the teams' tokens.")
            return
        rows = team_ledger_rows(course, team)
        self.model.replace_rows(rows)
        total = course.token_settings().tokens_per_team
        left = rows[-1][1].left if rows else total
        self.summary.setText(f"{team}: {total} tokens, {total - left} spent, {left} left")

    def _settings_edited(self) -> None:
        if self._loading or self.ctx.course is None:
            return
        self.percent.setEnabled(self.policy.currentIndex() == PERCENT)
        try:
            settings = TokenSettings(
                tokens_per_team=self.tokens.value(),
                cost_per_late_day=self.per_day.value(),
                cost_per_resubmission=self.per_resub.value(),
                late_percent_per_day=(
                    self.percent.value() if self.policy.currentIndex() == PERCENT else None
                ),
            )
            if settings != self.ctx.course.token_settings():
                execute(self.ctx, SetTokenSettingsCommand(self.ctx, settings))
        except TeamtoolError as error:
            show_error(self, error)

    def _entry_edited(self, milestone_id: int, milestone: str, entry: TokenEntry) -> None:
        team = self.team.currentText()
        execute(
            self.ctx, SetTokenEntryCommand(self.ctx, milestone_id, milestone, team, entry), self
        )
