"""Every adjustment option of a milestone, with the presets; emits the new options at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import GradingError
from teamtool.grading import PRESETS, AdjustOptions, Method, SelfMode
from teamtool.grading.options import with_method
from ui.grades.method_texts import METHOD_NAME
from ui.grades.option_groups import (
    MISSING,
    RULE_CODE,
    RULE_TEXT,
    FlagRulesBox,
    NonRespondentsBox,
    item_combo,
)
from ui.grades.option_widgets import OptionalNumber, double_spin
from ui.milestones.data import PRESET_NAMES, preset_of

__all__ = ["CUSTOM", "METHODS", "METHOD_HELP", "MISSING", "RULE_CODE", "RULE_TEXT", "OptionsPanel"]

CUSTOM = "custom"
METHODS = METHOD_NAME
METHOD_HELP = {
    Method.AUTORATING: "factor = mean rating received / mean of all ratings in the team",
    Method.CATME: "factor = mean rating received / mean of the members' received means",
    Method.WEBPA: "score from each rater's normalised shares × members / submitters",
    Method.SPARK: "SPA = square root of (ratings received / team mean received)",
}


class OptionsPanel(QWidget):
    """``options_changed(AdjustOptions, what)`` after a valid edit; an invalid combination is
    explained under the panel and nothing is emitted."""

    options_changed = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = item_combo({})
        self.preset.setObjectName("presetCombo")
        for key, name in PRESET_NAMES.items():
            self.preset.addItem(name, key)
            self.preset.setItemData(self.preset.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.preset.addItem("Custom settings", CUSTOM)
        self.method = item_combo({str(k): v for k, v in METHODS.items()})
        self.method.setObjectName("methodCombo")
        for i, key in enumerate(METHODS):
            self.method.setItemData(i, METHOD_HELP[key], Qt.ItemDataRole.ToolTipRole)
        self.self_mode = item_combo({SelfMode.INCLUDE: "Included", SelfMode.EXCLUDE: "Excluded"})
        self.cap = OptionalNumber("Cap the factor at", double_spin(0.5, 5, 0.01, 2), 1.05)
        self.floor = OptionalNumber("Floor the factor at", double_spin(0, 1, 0.05, 2), 0.5)
        self.snap = OptionalNumber(
            "Snap factors above to 1.0", double_spin(0.5, 1.5, 0.01, 2), 0.95
        )
        self.round_factor = OptionalNumber("Round factor, decimals", double_spin(0, 10, 1, 0), 2)
        self.round_grade = OptionalNumber("Round grade, decimals", double_spin(0, 10, 1, 0), 1)
        self.cap_at_max = QCheckBox("Grade at most the maximum")
        self.cap_at_max.setToolTip("An adjusted grade never goes above the milestone maximum")
        self.weighting = double_spin(0, 100, 5, 1)
        self.weighting.setSuffix(" %")
        self.non_respondents = NonRespondentsBox()
        self.missing = self.non_respondents.missing
        self.impute_self = self.non_respondents.impute_self
        self.impute_others = self.non_respondents.impute_others
        self.penalty = self.non_respondents.penalty
        self.penalty_unit = self.non_respondents.penalty_unit
        self.flag_box = FlagRulesBox()
        self.rules = self.flag_box.spins
        method_box = QGroupBox("Method")
        form = QFormLayout(method_box)
        form.addRow("Preset", self.preset)
        form.addRow("Method", self.method)
        form.addRow("Self-rating", self.self_mode)
        form.addRow(self.cap)
        form.addRow(self.floor)
        form.addRow(self.snap)
        form.addRow(self.round_factor)
        form.addRow(self.round_grade)
        form.addRow(self.cap_at_max)
        form.addRow("PA weighting", self.weighting)
        self.message = QLabel()
        self.message.setObjectName("optionsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (method_box, self.non_respondents, self.flag_box, self.message):
            layout.addWidget(w)
        layout.addStretch(1)
        self._tooltips()
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.method.currentIndexChanged.connect(self._method_chosen)
        self.self_mode.currentIndexChanged.connect(lambda _i: self._edited("Self-rating"))
        for opt, what in (
            (self.cap, "Cap"),
            (self.floor, "Floor"),
            (self.snap, "Snap"),
            (self.round_factor, "Rounding"),
            (self.round_grade, "Rounding"),
        ):
            opt.changed.connect(lambda w=what: self._edited(w))  # fmt: skip
        self.cap_at_max.toggled.connect(lambda _c: self._edited("Maximum"))
        self.weighting.valueChanged.connect(lambda _v: self._edited("PA weighting"))
        self.non_respondents.edited.connect(self._edited)
        self.flag_box.edited.connect(self._edited)
        self.set_options(AdjustOptions())

    def _tooltips(self) -> None:
        self.preset.setToolTip("Published variants; any change below makes the settings custom")
        self.cap.setToolTip("Nobody's factor goes above this (Oakley et al.: 1.05)")
        self.floor.setToolTip("Nobody's factor goes below this")
        self.snap.setToolTip("CATME shows factors above 0.95 as 1.0")
        self.method.setToolTip("How a factor is computed from the ratings (F1: each method)")
        self.self_mode.setToolTip("Whether a student's rating of themself counts")
        self.round_factor.setToolTip("Round each factor to this many decimals (CMU: 2)")
        self.round_grade.setToolTip("Round each adjusted grade to this many decimals")
        self.weighting.setToolTip(
            "WebPA: the share of the team grade that the ratings adjust (100 % = all of it)"
        )

    def set_options(self, options: AdjustOptions) -> None:
        """Show ``options`` without emitting anything."""
        widgets = [self, self.preset, self.method, self.self_mode, self.cap_at_max,
                   self.weighting, *self.non_respondents.inputs(), *self.rules.values()]  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        key = preset_of(options)
        self.preset.setCurrentIndex(self.preset.findData(key or CUSTOM))
        self.method.setCurrentIndex(self.method.findData(str(options.method)))
        self.self_mode.setCurrentIndex(self.self_mode.findData(str(options.self_mode)))
        self.cap.set_value(options.cap)
        self.floor.set_value(options.floor)
        self.snap.set_value(options.snap)
        self.round_factor.set_value(options.round_factor)
        self.round_grade.set_value(options.round_grade)
        self.cap_at_max.setChecked(options.cap_at_max)
        self.weighting.setValue(options.weighting * 100)
        self.non_respondents.set_values(
            options.missing,
            options.impute_self,
            options.impute_others,
            options.penalty,
            options.penalty_percent,
        )
        self.flag_box.set_rules(options.flag_rules)
        self._enable(options)
        self.message.clear()
        for w in widgets:
            w.blockSignals(False)

    def _enable(self, options: AdjustOptions) -> None:
        self.non_respondents.enable_for(options.missing)

    def options(self) -> AdjustOptions:
        """The options shown; a GradingError when they do not fit together."""
        rules = self.flag_box.rules()
        return AdjustOptions(
            method=self.method.currentData(),
            self_mode=self.self_mode.currentData(),
            cap=self.cap.value(),
            floor=self.floor.value(),
            snap=self.snap.value(),
            round_factor=self.round_factor.int_value(),
            round_grade=self.round_grade.int_value(),
            cap_at_max=self.cap_at_max.isChecked(),
            weighting=round(float(self.weighting.value()) / 100, 6),
            flag_rules=rules,
            **self.non_respondents.values(),
        )

    def _preset_chosen(self, _index: int) -> None:
        key = self.preset.currentData()
        if key not in PRESETS:
            return
        self.set_options(PRESETS[key])
        self.options_changed.emit(PRESETS[key], "Method preset")

    def _method_chosen(self, _index: int) -> None:
        """Another method starts from its own settings (WebPA: no cap, 50 % weighting), keeping
        the non-respondent policy and the flag rules."""
        try:
            current = self.options()
        except GradingError:  # an invalid edit elsewhere: the method's settings replace it
            current = AdjustOptions()
        options = with_method(current, self.method.currentData())
        self.set_options(options)
        self.options_changed.emit(options, "Method")

    def _edited(self, what: str) -> None:
        try:
            options = self.options()
        except GradingError as exc:
            self.message.setText(str(exc))
            return
        self.message.clear()
        self._enable(options)
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData(preset_of(options) or CUSTOM))
        self.preset.blockSignals(False)
        self.options_changed.emit(options, what)
