"""The independent message corpus (data/messages/, see its README): three authors
who saw only the policy definitions. The split is by author and fixed:
TRAIN = x, DEV = y, TEST = z.

Fitting and tuning read :func:`load` with TRAIN or DEV only; TEST is read by
:func:`load_test`, which only reporting code calls, once, for aggregate figures
(``bench/messages_quality.py --test``). ``tests/backend/messages`` asserts that
fitting never opens the test author's file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data" / "messages"
TRAIN, DEV, TEST = "x", "y", "z"
OK = "ok"


def _read(author: str) -> list[dict[str, Any]]:
    rows = []
    with (DATA / f"author_{author}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                row["label"] = row.get("label") or OK
                rows.append(row)
    return rows


def load(split: str) -> list[dict[str, Any]]:
    """TRAIN or DEV rows ({id, text, label ('ok' for none), lang, ...})."""
    if split not in (TRAIN, DEV):
        raise ValueError("fitting and tuning read TRAIN or DEV only; TEST is for load_test()")
    return _read(split)


def load_test() -> list[dict[str, Any]]:
    """The TEST split, for reporting aggregate figures only."""
    return _read(TEST)
