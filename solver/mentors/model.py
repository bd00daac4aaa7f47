"""The CP-SAT model: x[t, m] for allowed pairs, solved level by level (lexicographically).

Each level's optimum is fixed as a constraint before the next level is solved; the previous
level's assignment is the next one's hint. One worker, a fixed seed and a deterministic time
limit make the same problem give the same assignment on every machine.
"""

from __future__ import annotations

from itertools import pairwise

from ortools.sat.python import cp_model

from solver.mentors.data import (
    LOAD_RANGE,
    LOAD_SPREAD,
    PREVIOUS,
    SHARED_SLOT,
    LevelOutcome,
    MentorInfeasible,
    MentorProblem,
    MentorSolution,
)
from solver.mentors.feasibility import allowed_pairs, capacities, find_infeasibility
from solver.mentors.scores import level_terms


def assign(problem: MentorProblem) -> MentorSolution:
    """The best assignment level by level; raises :class:`MentorInfeasible` with the reason."""
    reason = find_infeasibility(problem)
    if reason is not None:
        raise MentorInfeasible(reason)
    model = cp_model.CpModel()
    allowed = allowed_pairs(problem)
    x = {(t, m): model.new_bool_var(f"x{t}_{m}") for t, ms in enumerate(allowed) for m in ms}
    for t, ms in enumerate(allowed):
        model.add_exactly_one(x[t, m] for m in ms)
    caps = capacities(problem)
    loads = []
    for m, cap in enumerate(caps):
        load = model.new_int_var(0, cap, f"load{m}")
        model.add(load == sum(x[t, m] for t in range(len(allowed)) if (t, m) in x))
        loads.append(load)
    objectives = _objectives(model, problem, x, loads, allowed, caps)
    levels: list[LevelOutcome] = []
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = problem.seed
    solver.parameters.max_deterministic_time = problem.time_limit
    values: dict[tuple[int, int], bool] = {}
    for name, expr, sense in objectives:
        if sense > 0:
            model.maximize(expr)
        else:
            model.minimize(expr)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):  # pragma: no cover - checked above
            raise RuntimeError(f"CP-SAT found no assignment at level {name}")
        value = round(solver.objective_value)
        optimal = status == cp_model.OPTIMAL
        levels.append(LevelOutcome(name, value, optimal))
        model.add(expr == value if optimal else (expr >= value if sense > 0 else expr <= value))
        values = {key: bool(solver.value(var)) for key, var in x.items()}
        model.clear_hints()
        for key, var in x.items():
            model.add_hint(var, values[key])
    if not objectives:
        status = solver.solve(model)
        values = {key: bool(solver.value(var)) for key, var in x.items()}
    mentor_of = {
        problem.teams[t].name: problem.mentors[m].name
        for (t, m), chosen in values.items()
        if chosen
    }
    counts = {mentor.name: 0 for mentor in problem.mentors}
    for name in mentor_of.values():
        counts[name] += 1
    return MentorSolution(mentor_of, counts, tuple(levels))


def _objectives(
    model: cp_model.CpModel,
    problem: MentorProblem,
    x: dict[tuple[int, int], cp_model.IntVar],
    loads: list[cp_model.IntVar],
    allowed: list[list[int]],
    caps: list[int],
) -> list[tuple[str, cp_model.LinearExprT, int]]:
    """(level name, expression, +1 to maximise / -1 to minimise), in priority order."""
    out: list[tuple[str, cp_model.LinearExprT, int]] = []
    if not problem.teams:
        return out
    eligible = sorted({m for ms in allowed for m in ms})
    top = len(problem.teams)
    high, low = model.new_int_var(0, top, "high"), model.new_int_var(0, top, "low")
    for m in eligible:  # minimising high - low makes them the largest and smallest load
        model.add(high >= loads[m])
        model.add(low <= loads[m])
    out.append((LOAD_RANGE, high - low, -1))
    # load = sum of at_least[k] (load >= k, k = 1..cap), so load^2 = sum (2k - 1) at_least[k]:
    # linear, with a tight relaxation (a product constraint would be far slower to solve)
    squares: list[cp_model.LinearExprT] = []
    for m in eligible:
        at_least = [model.new_bool_var(f"l{m}_{k}") for k in range(1, caps[m] + 1)]
        model.add(loads[m] == sum(at_least))
        for lower, upper in pairwise(at_least):
            model.add_implication(upper, lower)
        squares += [(2 * k - 1) * flag for k, flag in enumerate(at_least, start=1)]
    out.append((LOAD_SPREAD, sum(squares), -1))
    for name in (SHARED_SLOT, PREVIOUS):
        weights = level_terms(problem, name)
        if weights is not None:
            out.append((name, sum(w * x[key] for key, w in weights.items() if key in x), 1))
    return out
