"""Deterministic test datasets whose keys and relationships are known."""
