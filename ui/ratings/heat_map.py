"""One team's ratings as a heat map (rows rate columns) with the scale's colour legend beside it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QTableView, QWidget

from teamtool.ratings import get_scale
from ui.ratings.legend import ScaleLegend
from ui.ratings.matrix_model import RatingsMatrixModel, TeamRatings


class HeatMap(QWidget):
    """``model`` (the cells), ``view`` (the table) and ``legend`` (label -> colour)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RatingsMatrixModel()
        self.view = QTableView()
        self.view.setObjectName("ratingsMatrix")
        self.view.setModel(self.model)
        self.view.setToolTip("Hover a cell for the rating's value and the comment")
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.legend = ScaleLegend()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

    def clear(self) -> None:
        self.model.set_team(TeamRatings([], {}, {}, get_scale("oakley9")))
        self.legend.hide()

    def show_team(self, team: TeamRatings, values: Sequence[float]) -> None:
        """The team's ratings on its scale; ``values``: every rating of the milestone, so a
        scale of plain numbers gets the same legend for every team."""
        self.model.set_team(team)
        self.legend.show_scale(team.scale, values)
        self.legend.show()
