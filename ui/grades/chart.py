"""A matplotlib chart of the factor distribution of every milestone (box and points)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from teamtool.grading import MilestoneResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes
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

    def _axes(self) -> Axes:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(6, 3.2), layout="constrained"))
            self.canvas.figure.add_subplot()
            self._layout.addWidget(self.canvas)
        return self.canvas.figure.axes[0]

    def draw_idle(self) -> None:
        if self.canvas is not None:
            self.canvas.draw_idle()

    def show_results(self, results: Sequence[MilestoneResult]) -> None:
        self.shown = [(r.milestone, factors(r)) for r in results]
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
        for i, (_, values) in enumerate(data, start=1):
            spread = [i + ((k % 7) - 3) * 0.03 for k in range(len(values))]
            ax.scatter(spread, values, s=10, alpha=0.5, color="tab:blue", zorder=3)
        ax.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
        ax.set_xticks(range(1, len(data) + 1), [name for name, _ in data])
        ax.set_ylabel("factor")
        ax.set_title("Factor distribution per milestone", fontsize=10)
        ax.grid(axis="y", alpha=0.3)
        self.draw_idle()
