"""``detect-messages``: JSON lines ``{id, text}`` in, ``{id, flagged, policy, score, reasons}`` out, in batches
(the model scores a batch in one call)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO

BATCH = 2000


@dataclass
class Stats:
    scored: int = 0
    flagged: int = 0
    errors: int = 0


def detect_stream(lines: Iterable[str], out: TextIO, detector: Any, *, err: TextIO | None = None) -> Stats:
    err = err or sys.stderr
    stats = Stats()
    batch: list[tuple[Any, str]] = []

    def flush() -> None:
        for (item_id, _), verdict in zip(batch, detector.score_many([t for _, t in batch]), strict=True):
            out.write(json.dumps(verdict.to_line(item_id), ensure_ascii=False) + "\n")
            stats.scored += 1
            stats.flagged += verdict.flagged
        batch.clear()

    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                raise ValueError("each line needs an id and a text string")
        except (json.JSONDecodeError, ValueError) as exc:
            print(f"line {number}: {exc}", file=err)
            stats.errors += 1
            continue
        batch.append((row["id"], row["text"]))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return stats
