"""Takedowns, strikes and their reversals."""
