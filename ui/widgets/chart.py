"""A matplotlib canvas (QtAgg backend) with the balance chart: team means against the class mean."""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QWidget


class BalanceChart(FigureCanvasQTAgg):
    """One panel per balanced attribute: a bar per team, a line at the class mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.figure = Figure(figsize=(6, 4), layout="constrained")
        super().__init__(self.figure)  # type: ignore[no-untyped-call]  # matplotlib
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
        floors: dict[str, float] | None = None,
    ) -> None:
        """``means[attribute][i]`` is team ``i``'s mean (None when no member has a value);
        each y-axis starts at ``floors[attribute]`` (zero or the scale's bottom, see
        ``chart_scale.scale_floor``), never just under the lowest bar, which would make a
        small difference look large."""
        self.figure.clear()
        self.plotted = {}
        attributes = [a for a in means if a in class_means]
        if not attributes or not teams:
            ax = self.figure.add_subplot()
            ax.axis("off")
            ax.text(0.5, 0.5, "Balance a numeric attribute to see its chart", ha="center")
            self.draw_idle()  # type: ignore[no-untyped-call]
            return
        axes = self.figure.subplots(len(attributes), 1, sharex=True, squeeze=False)[:, 0]
        positions = list(range(len(teams)))
        for ax, attribute in zip(axes, attributes, strict=True):
            floor = (floors or {}).get(attribute, 0.0)
            values = [m if m is not None else floor for m in means[attribute]]
            self.plotted[attribute] = values
            mean = class_means[attribute]
            colors = ["#4c72b0" if v >= mean else "#dd8452" for v in values]
            heights = [v - floor for v in values]
            ax.bar(positions, heights, bottom=floor, color=colors, width=0.7)
            ax.axhline(mean, color="black", linewidth=1, linestyle="--")
            ax.annotate(
                f"class mean {mean:.2f}",
                (1.0, mean),
                xycoords=("axes fraction", "data"),
                xytext=(-4, 3),
                textcoords="offset points",
                ha="right",
                va="bottom",
                fontsize=8,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.8},
            )
            top = max([*values, mean])
            ax.set_ylim(floor, top + 0.12 * ((top - floor) or 1.0))
            ax.set_ylabel(attribute)
            ax.set_title(f"{attribute}: team means (axis from {floor:g})", fontsize=9)
            ax.tick_params(labelsize=8)
        axes[-1].set_xticks(positions, [t.removeprefix("Team ") for t in teams], fontsize=8)
        axes[-1].set_xlabel("team")
        self.draw_idle()  # type: ignore[no-untyped-call]
