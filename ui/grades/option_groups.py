"""The options panel's group boxes: students who rated nobody, and the flag thresholds."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QSpinBox

from teamtool.grading import FlagRules, MissingPolicy
from ui.grades.option_widgets import double_spin

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


def item_combo(items: dict[str, str]) -> QComboBox:
    """A combo box of ``key -> text`` items, the key as each item's data."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    for key, text in items.items():
        box.addItem(text, key)
    return box


class NonRespondentsBox(QGroupBox):
    """What happens to a student who rated nobody; ``edited(what)`` after every change."""

    edited = Signal(str)

    def __init__(self) -> None:
        super().__init__("Students who rated nobody")
        self.missing = item_combo({str(k): v for k, v in MISSING.items()})
        self.impute_self = double_spin(0, 1000, 12.5, 2)
        self.impute_others = double_spin(0, 1000, 12.5, 2)
        self.impute_self.setToolTip(
            "The rating a student who rated nobody is taken to give themself"
        )
        self.impute_others.setToolTip("Cornell: a non-voter's rating of each teammate is 25")
        self.penalty = double_spin(0, 1000, 1, 2)
        self.penalty_unit = item_combo({"percent": "% of the grade", "points": "points"})
        self.missing.setToolTip("What the grade of a student who rated nobody is computed from")
        self.penalty.setToolTip("Taken off the grade of a student who rated nobody")
        self.penalty_unit.setToolTip("The penalty in percent of the grade, or in points")
        form = QFormLayout(self)
        form.addRow("Policy", self.missing)
        form.addRow("Rates self", self.impute_self)  # short: Student … Flags fit at 1024 px
        form.addRow("Rates others", self.impute_others)
        form.addRow("Penalty", self.penalty)
        form.addRow("Penalty in", self.penalty_unit)
        self.missing.currentIndexChanged.connect(lambda _i: self.edited.emit("Non-respondents"))
        self.penalty_unit.currentIndexChanged.connect(lambda _i: self.edited.emit("Penalty"))
        for spin, what in (
            (self.impute_self, "Imputed ratings"),
            (self.impute_others, "Imputed ratings"),
            (self.penalty, "Penalty"),
        ):
            spin.valueChanged.connect(lambda _v, w=what: self.edited.emit(w))  # fmt: skip

    def inputs(self) -> list[QComboBox | QDoubleSpinBox]:
        return [self.missing, self.impute_self, self.impute_others, self.penalty, self.penalty_unit]

    def set_values(
        self,
        missing: MissingPolicy,
        impute_self: float,
        impute_others: float,
        penalty: float,
        penalty_percent: bool,
    ) -> None:
        """Show the settings without emitting anything."""
        blocked = [w.blockSignals(True) for w in self.inputs()]
        self.missing.setCurrentIndex(self.missing.findData(str(missing)))
        self.impute_self.setValue(impute_self)
        self.impute_others.setValue(impute_others)
        self.penalty.setValue(penalty)
        self.penalty_unit.setCurrentIndex(0 if penalty_percent else 1)
        for w, was in zip(self.inputs(), blocked, strict=True):
            w.blockSignals(was)

    def values(self) -> dict[str, Any]:
        """The settings shown, as keyword arguments of ``AdjustOptions``."""
        return {
            "missing": self.missing.currentData(),
            "impute_self": float(self.impute_self.value()),
            "impute_others": float(self.impute_others.value()),
            "penalty": float(self.penalty.value()),
            "penalty_percent": self.penalty_unit.currentData() == "percent",
        }

    def enable_for(self, missing: MissingPolicy) -> None:
        """Only the inputs that the policy uses are enabled."""
        self.impute_self.setEnabled(missing == MissingPolicy.IMPUTE)
        self.impute_others.setEnabled(missing == MissingPolicy.IMPUTE)
        self.penalty.setEnabled(missing == MissingPolicy.PENALTY)
        self.penalty_unit.setEnabled(missing == MissingPolicy.PENALTY)


class FlagRulesBox(QGroupBox):
    """One spin box per flag threshold; ``edited(what)`` after every change."""

    edited = Signal(str)

    def __init__(self) -> None:
        super().__init__("Flags for a human look")
        self.spins: dict[str, QDoubleSpinBox | QSpinBox] = {}
        form = QFormLayout(self)
        for f in fields(FlagRules):
            spin: QDoubleSpinBox | QSpinBox
            if f.type in (int, "int"):
                spin = QSpinBox()
                spin.setRange(0, 50)
            else:
                spin = double_spin(0, 1000, 0.05 if "performer" in f.name else 2.5, 3)
            self.spins[f.name] = spin
            form.addRow(RULE_TEXT.get(f.name, f.name), spin)
            spin.setToolTip("Flagged when: " + FlagRules().describe()[RULE_CODE[f.name]])
            what = RULE_TEXT.get(f.name, f.name)
            spin.valueChanged.connect(lambda _v, w=what: self.edited.emit(w))

    def set_rules(self, rules: FlagRules) -> None:
        """Show ``rules`` without emitting anything."""
        for name, spin in self.spins.items():
            was = spin.blockSignals(True)
            spin.setValue(getattr(rules, name))
            spin.blockSignals(was)

    def rules(self) -> FlagRules:
        """The thresholds shown; a GradingError when one is out of bounds."""
        values: dict[str, Any] = {
            n: (int(s.value()) if isinstance(s, QSpinBox) else float(s.value()))
            for n, s in self.spins.items()
        }
        return FlagRules(**values)
