"""The CP-SAT model: assignment literals, one constraint module per rule family, the one
configured ``CpSolver``, and the infeasible-core explanation."""
