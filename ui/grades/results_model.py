"""The adjusted grades of one milestone, one row per student, for a sortable table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from teamtool.grading import Method, StudentResult
from ui.grades import method_texts as mt
from ui.table_model import HeadedTableModel, Index

#: The numbers a user acts on come first, so they show without scrolling on a small screen;
#: two-word headers take two lines to stay narrow (the tooltips say what each column holds).
HEADERS = (
    "Student",
    "Team",
    "Team\ngrade",
    "Factor",
    "Adjusted",
    "Final",
    "Flags",
    "Received\navg",
    "Team\navg",
    "Override",
)
(
    COL_STUDENT,
    COL_TEAM,
    COL_TEAM_GRADE,
    COL_FACTOR,
    COL_GRADE,
    COL_FINAL,
    COL_FLAGS,
    COL_RECEIVED,
    COL_TEAM_AVG,
    COL_OVERRIDE,
) = range(len(HEADERS))
HEADER_TIPS = {
    COL_STUDENT: "Student: name (student id)",
    COL_TEAM: "Team: the student's team in this milestone",
    COL_TEAM_GRADE: "Team grade: the grade the team's work earned, before the adjustment",
    COL_FACTOR: "Factor: the method's multiplier, after its limits and rounding",
    COL_GRADE: "Adjusted grade: team grade × factor, with the options' limits",
    COL_FINAL: "Final grade, the one exported: the override if any, else the adjusted grade",
    COL_RECEIVED: "Received avg: the mean of the ratings the student received",
    COL_TEAM_AVG: "Team avg: the team mean the method divides by",
    COL_FLAGS: "Flags: rating patterns that need a human look (the cell's tooltip has the rule)",
    COL_OVERRIDE: "Override: the grade set by hand, with its reason in the cell's tooltip",
}
SORT_ROLE = Qt.ItemDataRole.UserRole
STUDENT_ROLE = Qt.ItemDataRole.UserRole + 1
FLAGGED = QColor("#fff1c2")
OVERRIDDEN = QColor("#dde8fb")
NUMERIC = (COL_TEAM_GRADE, COL_RECEIVED, COL_TEAM_AVG, COL_FACTOR, COL_GRADE, COL_OVERRIDE,
           COL_FINAL)  # fmt: skip


def _num(value: float | None, decimals: int) -> str:
    if value is None:
        return "—"
    return f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"


class ResultsModel(HeadedTableModel[StudentResult]):
    """Thin adapter over a list of ``StudentResult``; ``STUDENT_ROLE`` gives the result."""

    headers = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}
        self._values: list[tuple[Any, ...]] = []
        self._texts: list[tuple[str, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._method = Method.AUTORATING

    def set_method(self, method: Method) -> None:
        """Name the factor and averages columns as ``method`` does ("WebPA score")."""
        if method != self._method:
            self._method = method
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def heading(self, section: int) -> str:
        """The column's label for the method shown."""
        m = self._method
        if section == COL_FACTOR:
            return mt.FACTOR_HEADING[m]
        if section == COL_RECEIVED:
            return mt.RECEIVED_HEADING.get(m, HEADERS[section])
        if section == COL_TEAM_AVG:
            return mt.TEAM_HEADING.get(m, HEADERS[section])
        return HEADERS[section]

    def _heading_tip(self, section: int) -> str | None:
        m, label = self._method, self.heading(section).replace("\n", " ")
        tips = {COL_FACTOR: mt.FACTOR_TIP, COL_RECEIVED: mt.RECEIVED_TIP, COL_TEAM_AVG: mt.TEAM_TIP}
        if section in tips and m in tips[section]:
            return f"{label}: {tips[section][m]}"
        return HEADER_TIPS.get(section)

    def set_rows(self, rows: Sequence[StudentResult], names: Mapping[str, str]) -> None:
        """Show ``rows``; the cell texts and sort keys are computed once here, not per paint."""
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(names)
        self._fill()
        if self._sort is not None:
            self._order(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's value (numbers as numbers, "Team 2" before "Team 10"); the
        selection follows its rows."""
        if not 0 <= column < len(HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self._rows
        self._order(column, order)
        where = {id(r): i for i, r in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(where[id(before[p.row()])], p.column()) for p in persistent],
        )
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        keys = self._keys
        index = sorted(
            range(len(self._rows)),
            key=lambda i: (keys[i][column], keys[i][COL_TEAM], keys[i][COL_STUDENT]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._rows = [self._rows[i] for i in index]
        self._values = [self._values[i] for i in index]
        self._texts = [self._texts[i] for i in index]
        self._keys = [keys[i] for i in index]

    def _fill(self) -> None:
        self._values = [self._row_values(r) for r in self._rows]
        self._texts = [
            tuple(
                _num(v, 3 if c == COL_FACTOR else 2) if c in NUMERIC else v
                for c, v in enumerate(values)
            )
            for values in self._values
        ]
        self._keys = [
            tuple(
                _team_key(v) if c == COL_TEAM else (-1.0 if v is None and c in NUMERIC else v)
                for c, v in enumerate(values)
            )
            for values in self._values
        ]

    def rows(self) -> list[StudentResult]:
        return list(self._rows)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.heading(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._heading_tip(section)
        return None

    def _row_values(self, r: StudentResult) -> tuple[Any, ...]:
        values: dict[int, Any] = {
            COL_STUDENT: self._names.get(r.student_id, r.student_id),
            COL_TEAM: r.team,
            COL_TEAM_GRADE: r.team_grade,
            COL_FACTOR: r.factor,
            COL_GRADE: r.grade,
            COL_FINAL: r.final_grade,
            COL_FLAGS: flags_text([f.code for f in r.flags]),
            COL_RECEIVED: r.received_avg,
            COL_TEAM_AVG: r.team_avg,
            COL_OVERRIDE: r.override,
        }
        return tuple(values[c] for c in range(len(HEADERS)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.holds(index):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][col]
        if role == SORT_ROLE:
            return self._keys[index.row()][col]
        if role == STUDENT_ROLE:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if col in (COL_OVERRIDE, COL_FINAL) and r.override is not None:
                return OVERRIDDEN
            if col == COL_FLAGS and r.flags:
                return FLAGGED
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_STUDENT:
                return self._texts[index.row()][COL_STUDENT]
            if col == COL_FLAGS and r.flags:
                return "\n".join(f"{f.code}: {f.rule} ({f.detail})" for f in r.flags)
            if col in (COL_OVERRIDE, COL_FINAL) and r.override is not None:
                return f"Override: {r.override_reason}"
        return None


def _team_key(team: str) -> str:
    """``Team 2`` before ``Team 10``."""
    head, _, tail = team.rpartition(" ")
    return f"{head} {int(tail):06d}" if tail.isdigit() else team


def flags_text(codes: list[str]) -> str:
    """The Flags cell: the first flag whole and how many more ("low-performer +1"); the cell's
    tooltip lists them all. A narrow column never shows "low-performe…"."""
    return f"{codes[0]} +{len(codes) - 1}" if len(codes) > 1 else "".join(codes)
