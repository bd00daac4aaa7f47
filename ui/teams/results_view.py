"""The result tabs of the Teams page: the board of team cards, the balance chart, the summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from teamtool.model import TeamSet
from ui.teams.board_panel import BoardPanel
from ui.teams.evaluation import SetView

if TYPE_CHECKING:
    from ui.widgets.chart import BalanceChart


class ResultsView(QTabWidget):
    """Shows one evaluated team set; the chart (matplotlib) is built when its tab is first seen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: SetView | None = None
        self.chart: BalanceChart | None = None
        self.board_panel = BoardPanel()
        self.board, self.legend = self.board_panel.board, self.board_panel.legend
        self.summary = QLabel()
        self.summary.setObjectName("qualitySummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_scroll = QScrollArea()
        summary_scroll.setWidgetResizable(True)
        summary_scroll.setWidget(self.summary)
        self.chart_holder = QWidget()
        QVBoxLayout(self.chart_holder)
        self.addTab(self.board_panel, "Teams")
        self.addTab(self.chart_holder, "Balance chart")
        self.addTab(summary_scroll, "Quality summary")
        self.currentChanged.connect(lambda _i: self._draw_chart())

    def show_view(self, team_set: TeamSet | None, view: SetView | None) -> None:
        self.view = view
        if team_set is None or view is None:
            self.board.set_cards([], [], {}, {}, {})
            self.board_panel.show_view(None)
            self.summary.setText("No teams formed yet.")
            self.legend.setText("No teams yet: set the rules on the left, then click Form teams.")
            self._draw_chart()
            return
        self.board.set_cards(
            [(t.name, t.members, t.locked) for t in view.teams],
            view.key_attributes,
            {t.name: t.explanation for t in view.teams},
            {t.name: t.problems for t in view.teams},
            view.member_flags,
        )
        self.board_panel.show_view(view)
        keys = " · ".join(view.key_attributes)
        self.legend.setText(
            (f"Each line: name — {keys}." if keys else "Each line: a student's name.")
            + " Drag or right-click to move or swap."
        )
        self.legend.setToolTip(
            "Drag a student onto another team (anywhere on its card) to move them, onto a "
            "student to swap the two. Right-click a student, or select one and press Ctrl+M "
            "(Move to team…) or Ctrl+Shift+M (Swap with…)."
        )
        when = team_set.created[:16].replace("T", " ")
        lines = [f"<b>{team_set.name}</b> ({when})", *view.summary_lines]
        if view.hard_violations:
            lines.append("<b>Hard rules broken (after hand edits):</b>")
            lines += [f"• {x}" for x in view.hard_violations]
        self.summary.setText("<br>".join(lines))
        self._draw_chart()

    def _draw_chart(self) -> None:
        if self.currentWidget() is not self.chart_holder:
            return
        from ui.widgets.chart import BalanceChart  # matplotlib loads only when the chart is seen

        if self.chart is None:
            self.chart = BalanceChart(self.chart_holder)
            layout = self.chart_holder.layout()
            assert layout is not None
            layout.addWidget(self.chart)
        v = self.view
        teams = [t.name for t in v.teams] if v else []
        floors = v.chart_floors if v else {}
        self.chart.plot(teams, v.chart_means if v else {}, v.class_means if v else {}, floors)
