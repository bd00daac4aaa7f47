"""The "Compare methods" tab: what each published method would give every student."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from teamtool.grading import AdjustOptions, MilestoneResult
from teamtool.grading.compare import NOTABLE_POINTS, MethodComparison, compare_methods
from ui.errors import show_error
from ui.grades.compare_model import SORT_ROLE, CompareModel
from ui.workers import LatestRequest

Adjust = Callable[[AdjustOptions], MilestoneResult]
INTRO = (
    "Each student's factor → grade under this milestone's settings and under every published "
    "method, before overrides. Green: the method gives at least {n:g} point(s) more; red: less."
)


def _compare(adjust: Adjust, current: AdjustOptions, progress: object = None) -> MethodComparison:
    return compare_methods(adjust, current)


class ComparePanel(QWidget):
    """Computed in a worker when asked; a newer request wins over an older one."""

    ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.model = CompareModel()
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(proxy)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        intro = QLabel(INTRO.format(n=NOTABLE_POINTS))
        intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._names: dict[str, str] = {}
        self.latest = LatestRequest(self)
        self.latest.returned.connect(self._show)
        self.latest.errored.connect(lambda exc: show_error(self, exc))

    def request(self, adjust: Adjust, current: AdjustOptions, names: Mapping[str, str]) -> None:
        """Compare in a worker; the table shows the newest request's answer only."""
        self._names = dict(names)
        self.latest.request(_compare, adjust, current)

    def clear(self, why: str) -> None:
        self.latest.supersede()
        self.model.set_comparison(MethodComparison((), ()), {})
        self.summary.setText(why)

    def _show(self, table: MethodComparison) -> None:
        self.model.set_comparison(table, self._names)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the course's own order
        widest = table.widest()
        if widest is None:
            self.summary.setText("No team of this milestone has a grade yet: nothing to compare.")
        else:
            name = self._names.get(widest.student_id, widest.student_id)
            self.summary.setText(
                f"{table.notable()} of {len(table.students)} students get a grade that differs "
                f"by {NOTABLE_POINTS:g} point(s) or more between methods. The method matters "
                f"most for {name}: {widest.spread:.2f} points between the highest and the "
                "lowest grade."
            )
        self.ready.emit()
