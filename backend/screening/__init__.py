"""Scoring listings as they arrive, model versions, thresholds and the labels moderators' decisions produce."""
