"""Compiling the instance: people and rules as indices, integer features, team slots, units."""
