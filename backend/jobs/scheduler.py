"""Running scheduled jobs in every ``serve`` process, each due run exactly once.

Every process ticks (``ANZEN_JOBS_TICK_SECONDS``, default 5 s): it reads which
jobs are due, and for each locks the job's row *while it is still due*
(PostgreSQL ``SELECT … FOR UPDATE SKIP LOCKED``: a row another replica is
running is skipped, and one it has just run is no longer due; SQLite: the
database's one write lock), does the job's work, and moves ``next_run_at``
on, all in one transaction. A run that fails rolls back whole, its error is
kept on the row, and the next tick anywhere tries again. Nothing depends on a
console being open, and any number of replicas may run.

``ANZEN_JOBS=0`` turns the scheduler off in a process (for example when cron
runs ``reinstate-expired`` and ``release-expired`` instead);
``ANZEN_JOB_<NAME>_SECONDS`` changes one job's interval (0 turns it off).
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from backend.db import Database, utcnow
from backend.jobs import tasks
from backend.jobs.models import ScheduledJob

log = logging.getLogger("anzen.jobs")

ENABLED_ENV = "ANZEN_JOBS"
TICK_ENV = "ANZEN_JOBS_TICK_SECONDS"
DEFAULT_TICK_S = 5.0


@dataclass(frozen=True)
class Job:
    name: str
    interval: timedelta
    task: tasks.Task


def _audit_interval() -> timedelta:
    try:
        from backend.audit.checkpoints import interval_minutes
    except ImportError:
        return timedelta(minutes=10)
    return timedelta(minutes=interval_minutes())


def default_jobs() -> tuple[Job, ...]:
    """The service's jobs with their intervals (each overridable from the environment)."""
    jobs = (
        Job("reinstate_expired", timedelta(minutes=1), tasks.reinstate_expired),
        Job("release_expired", timedelta(minutes=1), tasks.release_expired),
        Job("recall_deadlines", timedelta(minutes=5), tasks.recall_deadlines),
        Job("expire_tokens", timedelta(minutes=5), tasks.expire_tokens),
        Job("audit_checkpoint", _audit_interval(), tasks.audit_checkpoint),
    )
    result = []
    for job in jobs:
        raw = os.environ.get(f"ANZEN_JOB_{job.name.upper()}_SECONDS", "").strip()
        interval = timedelta(seconds=float(raw)) if raw else job.interval
        if interval > timedelta(0):
            result.append(Job(job.name, interval, job.task))
    return tuple(result)


def runner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def ensure_rows(db: Database, jobs: tuple[Job, ...], *, now: datetime | None = None) -> None:
    """A row for every job, due at once if new (rows of jobs no longer known are left alone)."""
    now = now or utcnow()
    with db.session() as session:
        known = set(session.scalars(select(ScheduledJob.name)))
    for job in jobs:
        if job.name in known:
            continue
        try:
            with db.transaction() as session:
                session.add(ScheduledJob(name=job.name, next_run_at=now))
        except IntegrityError:
            pass  # another replica added it at the same moment


def run_due(db: Database, jobs: tuple[Job, ...], *, now: datetime | None = None,
            runner: str | None = None) -> dict[str, dict[str, Any]]:
    """Run every job that is due and not being run elsewhere; their summaries by name."""
    now = now or utcnow()
    runner = runner or runner_name()
    by_name = {job.name: job for job in jobs}
    with db.session() as session:  # a cheap read first: most ticks find nothing due
        due = [name for name in session.scalars(select(ScheduledJob.name).where(ScheduledJob.next_run_at <= now))
               if name in by_name]
    done: dict[str, dict[str, Any]] = {}
    for name in due:
        try:
            result = _run_one(db, by_name[name], now=now, runner=runner)
        except Exception as exc:  # noqa: BLE001 - kept on the row and logged; the next tick retries
            log.exception("scheduled job %s failed", name)
            _record_error(db, name, exc, now=now)
            continue
        if result is not None:
            done[name] = result
    return done


def _run_one(db: Database, job: Job, *, now: datetime, runner: str) -> dict[str, Any] | None:
    with db.transaction() as session:
        row = _lock_if_due(session, job.name, now)
        if row is None:
            return None  # another process has it, or has just run it
        row.last_started_at = utcnow()
        result = job.task(session, now)
        row.runs += 1
        row.last_runner = runner
        row.last_result = result
        row.last_error = None
        row.last_finished_at = utcnow()
        row.next_run_at = max(now + job.interval, row.last_finished_at)
    if any(result.values()):
        log.info("scheduled job %s: %s", job.name, result)
    return result


def _lock_if_due(session: Session, name: str, now: datetime) -> ScheduledJob | None:
    return session.scalar(select(ScheduledJob).where(ScheduledJob.name == name, ScheduledJob.next_run_at <= now)
                          .with_for_update(skip_locked=True))


def _record_error(db: Database, name: str, exc: Exception, *, now: datetime) -> None:
    try:
        with db.transaction() as session:
            row = session.get(ScheduledJob, name)
            if row is not None:
                row.last_error = f"{type(exc).__name__}: {exc}"[:1000]
                row.last_error_at = now
    except Exception:  # noqa: BLE001 - the database itself is the problem; the log has it
        log.warning("could not record the failure of job %s", name, exc_info=True)


def tick_seconds() -> float:
    raw = os.environ.get(TICK_ENV, "").strip()
    return float(raw) if raw else DEFAULT_TICK_S


def enabled() -> bool:
    return os.environ.get(ENABLED_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def run_forever(db: Database, stop: threading.Event, *, jobs: tuple[Job, ...] | None = None,
                tick: float | None = None) -> None:
    jobs = default_jobs() if jobs is None else jobs
    tick = tick_seconds() if tick is None else tick
    runner = runner_name()
    while not stop.is_set():
        try:
            ensure_rows(db, jobs)
            break
        except Exception:  # noqa: BLE001 - the database may still be starting
            log.warning("scheduled jobs: could not prepare their rows; trying again", exc_info=True)
            if stop.wait(tick):
                return
    while not stop.wait(tick):
        try:
            run_due(db, jobs, runner=runner)
        except Exception:  # noqa: BLE001 - a lost database connection: the next tick tries again
            log.warning("scheduled jobs: this tick failed", exc_info=True)


def start(db: Database) -> threading.Event | None:
    """Run the scheduler on a daemon thread of this process (``serve`` calls this);
    set the returned event to stop it. None if turned off."""
    if not enabled():
        return None
    stop = threading.Event()
    threading.Thread(target=run_forever, args=(db, stop), name="scheduled-jobs", daemon=True).start()
    return stop


def status(session: Session) -> list[dict[str, Any]]:
    """Every job's row, for ``python -m backend jobs``."""
    return [{"name": r.name, "next_run_at": r.next_run_at, "runs": r.runs, "last_runner": r.last_runner,
             "last_finished_at": r.last_finished_at, "last_result": r.last_result, "last_error": r.last_error}
            for r in session.scalars(select(ScheduledJob).order_by(ScheduledJob.name))]
