"""Supervisor dashboards: counts per time bucket, computed in the database.

Every figure is one ``GROUP BY`` over indexed timestamp columns
(migration 0014, ``metrics_indexes``); nothing here loads rows to count them in Python.
"""
