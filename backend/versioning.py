"""Optimistic concurrency: an edit names the version it was made against, so
a stale console cannot overwrite newer work."""

from __future__ import annotations

from backend.errors import Conflict


def ensure_version(current: int, given: int | None) -> None:
    if given is not None and given != current:
        raise Conflict(
            f"This item changed since you loaded it (version {given}, now {current}); reload and try again.",
            code="stale", field="version",
        )
