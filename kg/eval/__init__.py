"""Evaluation: the annotation guide's JSON format and its scoring rules."""
