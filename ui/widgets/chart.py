"""A matplotlib canvas (QtAgg backend) with the balance chart: team means against the class mean."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QWidget


class BalanceChart(FigureCanvasQTAgg):
    """One panel per balanced attribute: a bar per team, a line at the class mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.figure = Figure(figsize=(6, 4), layout="constrained")
        super().__init__(self.figure)
        self.setParent(parent)
        self.setObjectName("balanceChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 200)
        self.plotted: dict[str, list[float]] = {}  # attribute -> team means, as drawn

    def plot(
        self,
        teams: list[str],
        means: dict[str, list[float | None]],
        class_means: dict[str, float],
    ) -> None:
        """``means[attribute][i]`` is team ``i``'s mean (None when no member has a value)."""
        self.figure.clear()
        self.plotted = {}
        attributes = [a for a in means if a in class_means]
        if not attributes or not teams:
            ax = self.figure.add_subplot()
            ax.axis("off")
            ax.text(0.5, 0.5, "Balance a numeric attribute to see its chart", ha="center")
            self.draw_idle()
            return
        axes = self.figure.subplots(len(attributes), 1, sharex=True, squeeze=False)[:, 0]
        positions = list(range(len(teams)))
        for ax, attribute in zip(axes, attributes, strict=True):
            values = [m if m is not None else 0.0 for m in means[attribute]]
            self.plotted[attribute] = values
            mean = class_means[attribute]
            colors = ["#4c72b0" if v >= mean else "#dd8452" for v in values]
            ax.bar(positions, values, color=colors, width=0.7)
            ax.axhline(mean, color="black", linewidth=1, linestyle="--")
            ax.set_ylabel(attribute)
            spread = max((abs(v - mean) for v in values), default=0.0) or 1.0
            ax.set_ylim(min([*values, mean]) - spread * 0.5, max([*values, mean]) + spread * 0.5)
            ax.set_title(
                f"{attribute}: team means; dashed line = class mean {mean:.2f}", fontsize=9
            )
            ax.tick_params(labelsize=8)
        axes[-1].set_xticks(positions, [t.removeprefix("Team ") for t in teams], fontsize=8)
        axes[-1].set_xlabel("team")
        self.draw_idle()
