"""The per-attribute part of the criteria panel: a rule, its priority, weight, hard/soft, value."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QWidget,
)

from teamtool.model import AttributeKind, Roster
from ui.teams.criteria import RULES_BY_KIND, SECTION, rule
from ui.widgets.forms import clear_layout, spin_box, with_tip
from ui.widgets.help_text import HARD_HELP, PRIORITY_HELP, RULE_HELP, WEIGHT_HELP


class RuleRow:
    """The widgets of one attribute's rule (two grid lines)."""

    def __init__(self, name: str, kind: AttributeKind, values: list[str]) -> None:
        self.name = name
        self.label = QLabel(f"<b>{name}</b>")
        self.rule = QComboBox()
        self.rule.setObjectName(f"rule:{name}")
        for option in RULES_BY_KIND[kind]:
            self.rule.addItem(option, option)
            self.rule.setItemData(self.rule.count() - 1, RULE_HELP[option], 3)  # tooltip
        self.priority = spin_box(1, 5, PRIORITY_HELP, prefix="priority ")
        self.weight = spin_box(1, 10, WEIGHT_HELP, prefix="weight ")
        self.hard = with_tip(QCheckBox("hard"), HARD_HELP)
        self.value = with_tip(QComboBox(), "The value no one should be alone with in a team")
        self.value.addItems(values)
        self.min_common = spin_box(1, 20, RULE_HELP["schedule"], prefix="≥ ", suffix=" common")
        for setting, control in (
            ("priority", self.priority),
            ("weight", self.weight),
            ("hard rule", self.hard),
            ("value", self.value),
            ("common slots", self.min_common),
        ):
            control.setObjectName(f"{setting}:{name}")
        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(12, 0, 0, 4)
        grid.addWidget(self.priority, 0, 0)
        grid.addWidget(self.weight, 0, 1)
        grid.addWidget(self.hard, 1, 0)
        grid.addWidget(self.value, 1, 1)
        grid.addWidget(self.min_common, 1, 1)
        self.rule.currentIndexChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        rule = self.rule.currentData()
        self.rule.setToolTip(RULE_HELP.get(rule, ""))
        self.details.setVisible(rule != "off")
        self.value.setVisible(rule == "no-isolation")
        self.min_common.setVisible(rule == "schedule")
        self.hard.setVisible(rule not in ("same", "balance", "spread"))

    def get(self) -> dict[str, Any]:
        name = self.rule.currentData()
        return rule(
            self.name,
            name,
            priority=self.priority.value(),
            weight=self.weight.value(),
            hard=self.hard.isChecked() and name not in ("balance", "spread"),
            value=(self.value.currentText() or None) if name == "no-isolation" else None,
            min_common=self.min_common.value(),
        )

    def set(self, stored: dict[str, Any] | None) -> None:
        index = self.rule.findData(stored.get("rule") if stored else "off")
        self.rule.setCurrentIndex(max(0, index))
        if stored is None:
            return
        self.priority.setValue(int(stored.get("priority", 1)))
        self.weight.setValue(int(stored.get("weight", 1)))
        self.hard.setChecked(bool(stored.get("hard", False)))
        if stored.get("value"):
            self.value.setCurrentText(str(stored["value"]))
        self.min_common.setValue(int(stored.get("min_common", 1)))


def rule_attributes(roster: Roster) -> list[tuple[str, AttributeKind, list[str]]]:
    """(attribute, kind, values seen) of every attribute a rule can use, section included."""
    out = []
    for spec in roster.attributes:
        if spec.kind in RULES_BY_KIND:
            values = sorted({v for s in roster.active() if isinstance(v := s.get(spec.name), str)})
            out.append((spec.name, spec.kind, values))
    if roster.attribute(SECTION) is None and any(s.section for s in roster.active()):
        sections = sorted({s.section for s in roster.active() if s.section})
        out.append((SECTION, AttributeKind.CATEGORICAL, sections))
    return out


class RuleRows(QWidget):
    """Every attribute's rule row in a grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, RuleRow] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)

    def set_roster(self, roster: Roster, rules: list[dict[str, Any]]) -> None:
        clear_layout(self.grid)
        self.rows = {}
        by_name = {str(r.get("attribute")): r for r in rules}
        for i, (name, kind, values) in enumerate(rule_attributes(roster)):
            row = RuleRow(name, kind, values)
            row.set(by_name.get(name))
            self.rows[name] = row
            self.grid.addWidget(row.label, 2 * i, 0)
            self.grid.addWidget(row.rule, 2 * i, 1)
            self.grid.addWidget(row.details, 2 * i + 1, 0, 1, 2)

    def set_rules(self, rules: list[dict[str, Any]]) -> None:
        """Show ``rules`` in the existing rows (an attribute without a rule: off)."""
        by_name = {str(r.get("attribute")): r for r in rules}
        for name, row in self.rows.items():
            row.set(by_name.get(name))

    def rules(self) -> list[dict[str, Any]]:
        return [r for row in self.rows.values() if (r := row.get())["rule"] != "off"]
