"""AssignmentVars: the x[person, team] literals, created only where a person may go."""

from __future__ import annotations

from ortools.sat.python import cp_model

from solver.compile.prepare import Prepared


class AssignmentVars:
    """Owns x[p, t]; constraint modules ask it for members, counts and literals."""

    def __init__(self, model: cp_model.CpModel, prep: Prepared, *, pins_as_vars: bool) -> None:
        self.model = model
        self.prep = prep
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        self.teams_of: list[list[int]] = []
        self.members_of: list[list[int]] = [[] for _ in range(prep.num_teams)]
        for p in range(len(prep.ids)):
            teams = (
                [t for t, g in enumerate(prep.team_group) if g == prep.group_of[p]]
                if pins_as_vars
                else prep.eligible(p)
            )
            self.teams_of.append(teams)
            for t in teams:
                self.x[p, t] = model.new_bool_var(f"x[{p},{t}]")
                self.members_of[t].append(p)

    def is_in(self, p: int, t: int) -> cp_model.IntVar | int:
        """The literal "p is in team t", or the constant 0 when p cannot be in t."""
        return self.x.get((p, t), 0)

    def count(self, people: list[int] | set[int], t: int) -> cp_model.LinearExpr:
        """How many of ``people`` are in team t (a linear expression)."""
        return cp_model.LinearExpr.sum([self.x[p, t] for p in people if (p, t) in self.x])

    def weighted(self, values: list[int], t: int) -> cp_model.LinearExpr:
        """Sum of ``values[p]`` over the members of team t."""
        terms = [(self.x[p, t], values[p]) for p in self.members_of[t] if values[p]]
        return cp_model.LinearExpr.weighted_sum([v for v, _ in terms], [c for _, c in terms])

    def fix(self, p: int, t: int) -> None:
        """Force p into team t (for tests and hints checks)."""
        self.model.add(self.x[p, t] == 1)

    def extract(self, solver: cp_model.CpSolver) -> list[list[int]]:
        """Members of each team in the solver's current solution."""
        teams: list[list[int]] = [[] for _ in self.members_of]
        for (p, t), var in self.x.items():
            if solver.boolean_value(var):
                teams[t].append(p)
        return [sorted(team) for team in teams]

    def hint(self, teams: list[list[int]]) -> None:
        """Give CP-SAT a complete hint: one value for every x."""
        team_of = {p: t for t, members in enumerate(teams) for p in members}
        for (p, t), var in self.x.items():
            self.model.add_hint(var, team_of.get(p) == t)
