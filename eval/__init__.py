"""Evaluation: labeled pairs, metrics and reports."""

__all__: list[str] = []
