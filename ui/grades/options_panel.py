"""Every adjustment option of a milestone, with the presets; emits the new options at once."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from teamtool.errors import GradingError
from teamtool.grading import PRESETS, AdjustOptions, FlagRules, Method, MissingPolicy, SelfMode
from ui.grades.option_widgets import OptionalNumber, double_spin
from ui.milestones.data import PRESET_NAMES, preset_of

CUSTOM = "custom"
METHODS = {
    Method.AUTORATING: "Autorating",
    Method.CATME: "CATME factor",
    Method.WEBPA: "WebPA score",
    Method.SPARK: "SPARKPLUS SPA",
}
METHOD_HELP = {
    Method.AUTORATING: "factor = mean rating received / mean of all ratings in the team",
    Method.CATME: "factor = mean rating received / mean of the members' received means",
    Method.WEBPA: "score from each rater's normalised shares × members / submitters",
    Method.SPARK: "SPA = square root of (ratings received / team mean received)",
}
MISSING = {
    MissingPolicy.IGNORE: "Average what exists",
    MissingPolicy.IMPUTE: "Impute fixed ratings",
    MissingPolicy.PENALTY: "Grade penalty",
}
RULE_TEXT = {
    "low_performer": "Low performer: factor ≤",
    "high_performer": "High performer: factor ≥",
    "confidence_gap": "Self vs peers gap ≥",
    "conflict_range": "Conflict: peer span ≥",
    "clique_gap": "Clique gap ≥",
    "manipulator_gap": "Manipulator gap ≥",
    "small_team": "Small team: raters ≤",
    "non_discriminating_min": "All-equal rater: ratings ≥",
}

RULE_CODE = {
    "low_performer": "low-performer",
    "high_performer": "high-performer",
    "confidence_gap": "overconfident",
    "conflict_range": "conflict",
    "clique_gap": "clique",
    "manipulator_gap": "manipulator",
    "small_team": "small-team",
    "non_discriminating_min": "non-discriminating",
}


class OptionsPanel(QWidget):
    """``options_changed(AdjustOptions, what)`` after a valid edit; an invalid combination is
    explained under the panel and nothing is emitted."""

    options_changed = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = _combo({})
        self.preset.setObjectName("presetCombo")
        for key, name in PRESET_NAMES.items():
            self.preset.addItem(name, key)
            self.preset.setItemData(self.preset.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.preset.addItem("Custom settings", CUSTOM)
        self.method = _combo({str(k): v for k, v in METHODS.items()})
        self.method.setObjectName("methodCombo")
        for i, key in enumerate(METHODS):
            self.method.setItemData(i, METHOD_HELP[key], Qt.ItemDataRole.ToolTipRole)
        self.self_mode = _combo({SelfMode.INCLUDE: "Included", SelfMode.EXCLUDE: "Excluded"})
        self.cap = OptionalNumber("Cap the factor at", 0.5, 5, 0.01, 2, 1.05)
        self.floor = OptionalNumber("Floor the factor at", 0, 1, 0.05, 2, 0.5)
        self.snap = OptionalNumber("Snap factors above to 1.0", 0.5, 1.5, 0.01, 2, 0.95)
        self.round_factor = OptionalNumber("Round factor, decimals", 0, 10, 1, 0, 2)
        self.round_grade = OptionalNumber("Round grade, decimals", 0, 10, 1, 0, 1)
        self.cap_at_max = QCheckBox("Grade at most the maximum")
        self.cap_at_max.setToolTip("An adjusted grade never goes above the milestone maximum")
        self.missing = _combo({str(k): v for k, v in MISSING.items()})
        self.impute_self = double_spin(0, 1000, 12.5, 2)
        self.impute_others = double_spin(0, 1000, 12.5, 2)
        self.weighting = double_spin(0, 100, 5, 1)
        self.weighting.setSuffix(" %")
        self.penalty = double_spin(0, 1000, 1, 2)
        self.penalty_unit = _combo({"percent": "% of the grade", "points": "points"})
        self.rules: dict[str, QDoubleSpinBox | QSpinBox] = {}
        rules_box = QGroupBox("Flags for a human look")
        rules_form = QFormLayout(rules_box)
        for f in fields(FlagRules):
            spin: QDoubleSpinBox | QSpinBox
            if f.type in (int, "int"):
                spin = QSpinBox()
                spin.setRange(0, 50)
            else:
                spin = double_spin(0, 1000, 0.05 if "performer" in f.name else 2.5, 3)
            self.rules[f.name] = spin
            rules_form.addRow(RULE_TEXT.get(f.name, f.name), spin)
            spin.setToolTip("Flagged when: " + FlagRules().describe()[RULE_CODE[f.name]])
            what = RULE_TEXT.get(f.name, f.name)
            spin.valueChanged.connect(lambda _v, w=what: self._edited(w))
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
        missing_box = QGroupBox("Students who rated nobody")
        mform = QFormLayout(missing_box)
        mform.addRow("Policy", self.missing)
        mform.addRow("Imputed, of self", self.impute_self)
        mform.addRow("Imputed, of others", self.impute_others)
        mform.addRow("Penalty", self.penalty)
        mform.addRow("Penalty in", self.penalty_unit)
        self.message = QLabel()
        self.message.setObjectName("optionsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (method_box, missing_box, rules_box, self.message):
            layout.addWidget(w)
        layout.addStretch(1)
        self._tooltips()
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        for combo, what in (
            (self.method, "Method"),
            (self.self_mode, "Self-rating"),
            (self.missing, "Non-respondents"),
            (self.penalty_unit, "Penalty"),
        ):
            combo.currentIndexChanged.connect(lambda _i, w=what: self._edited(w))  # fmt: skip
        for opt, what in (
            (self.cap, "Cap"),
            (self.floor, "Floor"),
            (self.snap, "Snap"),
            (self.round_factor, "Rounding"),
            (self.round_grade, "Rounding"),
        ):
            opt.changed.connect(lambda w=what: self._edited(w))  # fmt: skip
        self.cap_at_max.toggled.connect(lambda _c: self._edited("Maximum"))
        for spin, what in (
            (self.impute_self, "Imputed ratings"),
            (self.impute_others, "Imputed ratings"),
            (self.weighting, "PA weighting"),
            (self.penalty, "Penalty"),
        ):
            spin.valueChanged.connect(lambda _v, w=what: self._edited(w))  # fmt: skip
        self.set_options(AdjustOptions())

    def _tooltips(self) -> None:
        self.preset.setToolTip("Published variants; any change below makes the settings custom")
        self.cap.setToolTip("Nobody's factor goes above this (Oakley et al.: 1.05)")
        self.floor.setToolTip("Nobody's factor goes below this")
        self.snap.setToolTip("CATME shows factors above 0.95 as 1.0")
        self.weighting.setToolTip(
            "WebPA: the share of the team grade that the ratings adjust (100 % = all of it)"
        )
        self.impute_others.setToolTip("Cornell: a non-voter's rating of each teammate is 25")

    def set_options(self, options: AdjustOptions) -> None:
        """Show ``options`` without emitting anything."""
        widgets = [self, self.preset, self.method, self.self_mode, self.missing, self.cap_at_max,
                   self.impute_self, self.impute_others, self.weighting, self.penalty,
                   self.penalty_unit, *self.rules.values()]  # fmt: skip
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
        self.missing.setCurrentIndex(self.missing.findData(str(options.missing)))
        self.impute_self.setValue(options.impute_self)
        self.impute_others.setValue(options.impute_others)
        self.weighting.setValue(options.weighting * 100)
        self.penalty.setValue(options.penalty)
        self.penalty_unit.setCurrentIndex(0 if options.penalty_percent else 1)
        for name, spin in self.rules.items():
            spin.setValue(getattr(options.flag_rules, name))
        self._enable(options)
        self.message.clear()
        for w in widgets:
            w.blockSignals(False)

    def _enable(self, options: AdjustOptions) -> None:
        self.impute_self.setEnabled(options.missing == MissingPolicy.IMPUTE)
        self.impute_others.setEnabled(options.missing == MissingPolicy.IMPUTE)
        self.penalty.setEnabled(options.missing == MissingPolicy.PENALTY)
        self.penalty_unit.setEnabled(options.missing == MissingPolicy.PENALTY)

    def options(self) -> AdjustOptions:
        """The options shown; a GradingError when they do not fit together."""
        values: dict[str, Any] = {
            n: (int(s.value()) if isinstance(s, QSpinBox) else float(s.value()))
            for n, s in self.rules.items()
        }
        rules = FlagRules(**values)
        return AdjustOptions(
            method=self.method.currentData(),
            self_mode=self.self_mode.currentData(),
            cap=self.cap.value(),
            floor=self.floor.value(),
            snap=self.snap.value(),
            round_factor=self.round_factor.int_value(),
            round_grade=self.round_grade.int_value(),
            cap_at_max=self.cap_at_max.isChecked(),
            missing=self.missing.currentData(),
            impute_self=float(self.impute_self.value()),
            impute_others=float(self.impute_others.value()),
            weighting=round(float(self.weighting.value()) / 100, 6),
            penalty=float(self.penalty.value()),
            penalty_percent=self.penalty_unit.currentData() == "percent",
            flag_rules=rules,
        )

    def _preset_chosen(self, _index: int) -> None:
        key = self.preset.currentData()
        if key not in PRESETS:
            return
        self.set_options(PRESETS[key])
        self.options_changed.emit(PRESETS[key], "Method preset")

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


def _combo(items: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    for key, text in items.items():
        combo.addItem(text, key)
    return combo
