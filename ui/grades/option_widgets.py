"""Small editors of the adjustment options: an optional number (check box and spin box)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QWidget


class OptionalNumber(QWidget):
    """A check box saying whether the setting is used and the number (``spin``, from
    :func:`double_spin`; decimals 0: a whole number), ``default`` while it is off; ``value()``
    is None when it is off. ``changed`` fires on either."""

    changed = Signal()

    def __init__(
        self, text: str, spin: QDoubleSpinBox, default: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.spin = spin
        self.default = default
        self.spin.setValue(default)
        self.spin.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check, 1)
        layout.addWidget(self.spin)
        self.check.toggled.connect(self._toggled)
        self.spin.valueChanged.connect(lambda _v: self.changed.emit())

    def setToolTip(self, text: str) -> None:
        """The tip shows on the check box and on the number too."""
        super().setToolTip(text)
        self.check.setToolTip(text)
        self.spin.setToolTip(text)

    def _toggled(self, on: bool) -> None:
        self.spin.setEnabled(on)
        self.changed.emit()

    def value(self) -> float | None:
        return float(self.spin.value()) if self.check.isChecked() else None

    def int_value(self) -> int | None:
        return round(self.spin.value()) if self.check.isChecked() else None

    def set_value(self, value: float | None) -> None:
        self.blockSignals(True)
        self.check.blockSignals(True)
        self.spin.blockSignals(True)
        self.check.setChecked(value is not None)
        self.spin.setEnabled(value is not None)
        self.spin.setValue(self.default if value is None else value)
        self.spin.blockSignals(False)
        self.check.blockSignals(False)
        self.blockSignals(False)


def double_spin(low: float, high: float, step: float, decimals: int) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    return spin
