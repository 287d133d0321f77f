"""Scheduled work that runs inside the service, exactly once across replicas.

See :mod:`backend.jobs.scheduler` for how, :mod:`backend.jobs.tasks` for what.
"""
