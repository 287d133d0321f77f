"""One row per scheduled job: when it is next due and how its last run went.

The row is the job's lock: a service process runs a job only after locking
its row while it is due (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the one
write lock on SQLite), and moves ``next_run_at`` on in the same transaction
as the job's work, so each due run happens once however many replicas look.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base


class ScheduledJob(Base):
    __tablename__ = "scheduled_jobs"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    next_run_at: Mapped[datetime]
    runs: Mapped[int] = mapped_column(default=0)
    last_started_at: Mapped[datetime | None]
    last_finished_at: Mapped[datetime | None]
    #: Which process ran it last ("host:pid").
    last_runner: Mapped[str | None] = mapped_column(String(128))
    last_result: Mapped[dict[str, Any] | None]
    last_error: Mapped[str | None] = mapped_column(String(1000))
    last_error_at: Mapped[datetime | None]
