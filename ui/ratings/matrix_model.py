"""One team's ratings as a heat map: rater rows × ratee columns, and a row of received means.

A cell shows the rating's label on the milestone's scale (``Very good``), coloured by its place
on the scale; the number is in the tooltip. :func:`legend_entries` gives the colour of each
label for the legend beside the matrix."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from teamtool.model import Rating
from teamtool.ratings import Scale

Index = QModelIndex | QPersistentModelIndex
MISSING = QColor("#e6e6e6")


@dataclass(frozen=True)
class TeamRatings:
    """One team as the heat map shows it: the members in order, their ratings by (rater,
    ratee), display names by student id, and the milestone's scale."""

    members: Sequence[str]
    ratings: Mapping[tuple[str, str], Rating]
    names: Mapping[str, str]
    scale: Scale


def heat(fraction: float) -> QColor:
    """Red (0) through amber (0.5) to green (1), light enough for black text."""
    f = min(1.0, max(0.0, fraction))
    low, mid, high = (244, 163, 160), (250, 222, 140), (150, 214, 150)
    a, b, t = (low, mid, f * 2) if f < 0.5 else (mid, high, (f - 0.5) * 2)
    return QColor(*(round(x + (y - x) * t) for x, y in zip(a, b, strict=True)))


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def scale_bounds(scale: Scale, values: Sequence[float] = ()) -> tuple[float, float]:
    """The lowest and highest value of the scale (its levels and bounds) and of ``values``."""
    points = [v for _, v in scale.levels] + list(values)
    points += [b for b in (scale.minimum, scale.maximum) if b is not None]
    return min(points, default=0.0), max(points, default=100.0)


def fraction_of(value: float, low: float, high: float) -> float:
    """The place of ``value`` between ``low`` (0) and ``high`` (1); 1 when they are equal."""
    return (value - low) / (high - low) if high > low else 1.0


def legend_entries(scale: Scale, values: Sequence[float] = ()) -> list[tuple[str, QColor]]:
    """(label, colour) for each level of ``scale``, best first; a scale of plain numbers without
    levels gets five evenly spaced numbers between its bounds (or those of ``values``)."""
    low, high = scale_bounds(scale, values)
    levels = list(scale.levels)
    if not levels:
        levels = [
            (_num(high - (high - low) * i / 4), high - (high - low) * i / 4) for i in range(5)
        ]
    return [(label, heat(fraction_of(value, low, high))) for label, value in levels]


class RatingsMatrixModel(QAbstractTableModel):
    """Cell (rater, ratee) shows the rating's label, coloured by its place on the scale; the
    tooltip gives the label, the value and the comment about the ratee (UserRole: the value). A rater's row header tooltip gives
    their general comment about the team. The last row is each member's mean received."""

    def __init__(self) -> None:
        super().__init__()
        self._members: list[str] = []
        self._names: dict[str, str] = {}
        self._ratings: dict[tuple[str, str], Rating] = {}
        self._low, self._high = 0.0, 100.0
        self._scale: Scale | None = None

    def set_team(self, team: TeamRatings) -> None:
        self.beginResetModel()
        self._members = list(team.members)
        self._names = dict(team.names)
        self._ratings = dict(team.ratings)
        self._scale = team.scale
        self._low, self._high = scale_bounds(team.scale, [r.value for r in team.ratings.values()])
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._members else len(self._members) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._members)

    def _short(self, sid: str) -> str:
        return self._names.get(sid, sid) or sid

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._members):
                name = self._short(self._members[section])
                return name if role == Qt.ItemDataRole.ToolTipRole else name.replace(" (", "\n(")
            return None
        if 0 <= section < len(self._members):
            rater = self._members[section]
            if role == Qt.ItemDataRole.DisplayRole:  # the name only: the columns show the ids
                return f"{self._names.get(rater, rater).removesuffix(f' ({rater})')} rated"
            text = f"{self._short(rater)} rated"
            general = self.general_comment(rater)
            return f"{text}\nGeneral comment about the team: “{general}”" if general else text
        return "Mean from teammates" if section == len(self._members) else None

    def general_comment(self, rater: str) -> str:
        """The rater's general comment about the whole team ("" if none)."""
        return "\n".join(
            r.general_comment
            for (a, _), r in self._ratings.items()
            if a == rater and r.general_comment
        )

    def received_mean(self, ratee: str) -> float | None:
        values = [r.value for (a, b), r in self._ratings.items() if b == ratee and a != ratee]
        return sum(values) / len(values) if values else None

    def _fraction(self, value: float) -> float:
        return fraction_of(value, self._low, self._high)

    def label(self, rating: Rating) -> str:
        """The rating's label as answered, else its value's label on the milestone's scale."""
        return rating.label or (self._scale.label_of(rating.value) if self._scale else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row <= len(self._members) and 0 <= col < len(self._members)):
            return None
        ratee = self._members[col]
        if row == len(self._members):
            return self._mean_cell(ratee, role)
        rater = self._members[row]
        rating = self._ratings.get((rater, ratee))
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.label(rating) or _num(rating.value)) if rating else "—"
        if role == Qt.ItemDataRole.UserRole:
            return rating.value if rating else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat(self._fraction(rating.value)) if rating else MISSING
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("black")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and rater == ratee:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            who = f"{self._short(rater)} → {self._short(ratee)}"
            if rating is None:
                return f"{who}: no rating"
            text = f"{who}: {self.label(rating)} ({_num(rating.value)})"
            if rater == ratee:
                text += " — self-rating"
            return f"{text}\n“{rating.comment}”" if rating.comment else text
        return None

    def _mean_cell(self, ratee: str, role: int) -> Any:
        mean = self.received_mean(ratee)
        if role == Qt.ItemDataRole.DisplayRole:
            return _num(mean) if mean is not None else "—"
        if role == Qt.ItemDataRole.UserRole:
            return mean
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Mean of the ratings received from teammates (self-rating not counted)"
        return None
