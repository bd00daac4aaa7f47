"""A matplotlib chart of the factor distribution of every milestone (box and points)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from teamtool.grading import MilestoneResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import Event
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg


def factors(result: MilestoneResult) -> list[float]:
    return [r.factor for r in result.students if r.factor is not None]


class FactorChart(QWidget):
    """One box per milestone with every student's factor as a dot; 1.0 is marked.

    matplotlib is loaded when the first chart is drawn, not when the window opens.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factorChart")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.canvas: FigureCanvasQTAgg | None = None
        self.shown: list[tuple[str, list[float]]] = []
        #: Every dot drawn: (x, factor, "Name (id), milestone: factor …") for the hover text.
        self.points: list[tuple[float, float, str]] = []

    def _axes(self) -> Axes:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(6, 3.2), layout="constrained"))
            self.canvas.figure.add_subplot()
            self.canvas.mpl_connect("motion_notify_event", self._hover)
            self._layout.addWidget(self.canvas)
        return self.canvas.figure.axes[0]

    def draw_idle(self) -> None:
        if self.canvas is not None:
            self.canvas.draw_idle()

    def show_results(
        self, results: Sequence[MilestoneResult], names: Mapping[str, str] | None = None
    ) -> None:
        """Draw ``results``; hovering a dot names its student (``names``: id -> "Name (id)")."""
        self.shown = [(r.milestone, factors(r)) for r in results]
        self.points = []
        names = names or {}
        ax = self._axes()
        ax.clear()
        data = [(name, values) for name, values in self.shown if values]
        if not data:
            ax.text(0.5, 0.5, "No factors yet: import ratings first", ha="center", va="center",
                    transform=ax.transAxes)  # fmt: skip
            ax.set_axis_off()
            self.draw_idle()
            return
        ax.set_axis_on()
        ax.boxplot([v for _, v in data], showfliers=False, widths=0.5)
        shown = [r for r in results if factors(r)]
        for i, result in enumerate(shown, start=1):
            rated = [s for s in result.students if s.factor is not None]
            spread = [i + ((k % 7) - 3) * 0.03 for k in range(len(rated))]
            values = [s.factor for s in rated if s.factor is not None]
            ax.scatter(spread, values, s=10, alpha=0.5, color="tab:blue", zorder=3)
            milestone = result.milestone
            self.points.extend(
                (x, v, f"{names.get(s.student_id, s.student_id)}, {milestone}: factor {v:.3f}")
                for x, v, s in zip(spread, values, rated, strict=True)
            )
        ax.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
        ax.set_xticks(range(1, len(data) + 1), [name for name, _ in data])
        ax.set_ylabel("factor")
        ax.set_title("Factor distribution per milestone", fontsize=10)
        ax.grid(axis="y", alpha=0.3)
        self.draw_idle()

    def point_at(self, x: float, y: float, radius: float = 6.0) -> str | None:
        """The label of the dot nearest to display point (``x``, ``y``) within ``radius``
        pixels (matplotlib's display coordinates), or None."""
        if self.canvas is None or not self.points:
            return None
        to_display = self.canvas.figure.axes[0].transData.transform
        best: tuple[float, str] | None = None
        for px, py, label in self.points:
            dx, dy = to_display((px, py))
            distance = ((dx - x) ** 2 + (dy - y) ** 2) ** 0.5
            if distance <= radius and (best is None or distance < best[0]):
                best = (distance, label)
        return best[1] if best else None

    def _hover(self, event: Event) -> None:
        x, y = getattr(event, "x", None), getattr(event, "y", None)
        label = None if x is None or y is None else self.point_at(x, y)
        if label:
            QToolTip.showText(QCursor.pos(), label, self.canvas)
        else:
            QToolTip.hideText()
