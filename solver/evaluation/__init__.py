"""Evaluating teams: the rule checks (one count), the model's exact score, the metrics and
the validator."""
