"""Actors: the canonical names of the sides of conflict events (spec §3)."""
