"""Reusable Qt widgets and item models.

Nothing here talks HTTP: models receive their pages through a fetcher that
``console`` injects, so they can be tested with plain Python callables.
"""
