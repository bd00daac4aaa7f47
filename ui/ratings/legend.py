"""The colour legend beside the ratings heat map: each label of the milestone's scale, best first,
on the colour its cells have."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from teamtool.ratings import Scale
from teamtool.ratings.rating_scale import format_number
from ui.ratings.matrix_model import MISSING, legend_entries


class ScaleLegend(QWidget):
    """One coloured line per label (its value in the tooltip), then the colour of no rating."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleLegend")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.title = QLabel()
        self._layout.addWidget(self.title)
        self._rows = QVBoxLayout()
        self._rows.setSpacing(2)
        self._layout.addLayout(self._rows)
        self._layout.addStretch(1)
        self.entries: list[QLabel] = []

    def show_scale(self, scale: Scale, values: Sequence[float] = ()) -> None:
        """Show the labels of ``scale`` (of ``values`` for a scale of plain numbers)."""
        for label in self.entries:
            self._rows.removeWidget(label)
            label.deleteLater()
        self.title.setText(f"<b>Scale {scale.name}</b>")
        self.title.setToolTip(scale.describe())
        values_of = dict(scale.levels)
        rows = [(text, colour.name()) for text, colour in legend_entries(scale, values)]
        rows.append(("no rating", MISSING.name()))
        self.entries = []
        for text, colour in rows:
            label = QLabel(text)
            label.setObjectName("legendEntry")
            label.setStyleSheet(f"background: {colour}; color: black; padding: 2px 6px;")
            value = values_of.get(text)
            label.setToolTip(
                f"{text} = {format_number(value)} on the scale {scale.name}"
                if value is not None
                else ("A teammate this rater did not rate" if text == "no rating" else text)
            )
            self.entries.append(label)
            self._rows.addWidget(label)
