"""Proven lower bounds per priority level: aggregated team-sum models, completions of the
teams of requested teammates, and ``LevelBounds``, which combines them."""
