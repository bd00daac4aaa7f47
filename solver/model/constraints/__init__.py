"""Constraint and objective families of the CP-SAT model, one module each with ``build``."""
