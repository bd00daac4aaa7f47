"""Hard-rule guards (assumption literals for explanations) and the per-level cost collector."""

from __future__ import annotations

from ortools.sat.python import cp_model


class Guards:
    """One enforcement literal per hard rule, named in plain words, when explaining.

    In a normal solve ``active`` is False and every rule is simply added; when explaining an
    infeasible input each rule is enforced by its literal, and the literals become assumptions.
    """

    def __init__(self, model: cp_model.CpModel, *, active: bool) -> None:
        self.model = model
        self.active = active
        self.literals: dict[str, cp_model.IntVar] = {}

    def __call__(self, label: str) -> list[cp_model.IntVar]:
        if not self.active:
            return []
        if label not in self.literals:
            self.literals[label] = self.model.new_bool_var(label)
        return [self.literals[label]]


class Costs:
    """Objective terms grouped by priority level (lower number = optimised first)."""

    def __init__(self) -> None:
        self.terms: dict[int, list[tuple[cp_model.LinearExprT, int]]] = {}

    def add(self, level: int, expr: cp_model.LinearExprT, coef: int) -> None:
        if coef:
            self.terms.setdefault(level, []).append((expr, coef))

    def expression(self, level: int) -> cp_model.LinearExpr:
        terms = self.terms.get(level, [])
        return cp_model.LinearExpr.weighted_sum([e for e, _ in terms], [c for _, c in terms])
