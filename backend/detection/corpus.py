"""The independent detection corpus and its fixed split by author.

Four people who never saw the rules or the model wrote listings from the
policy definitions alone (see ``data/corpus/README.md``). Splitting by author
rather than by line keeps one writer's habits on one side: a model that
learned author B's phrasing is not rewarded for finding it again.

Only the train split is ever *fitted* on and the dev split only *chosen*
on; the test split exists to be reported. The code enforces that: the
fitting loader refuses the test split, and only :func:`report_listings`
reads it (a test checks that training never opens the test file).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

CORPUS_DIR = Path(__file__).resolve().parent / "data" / "corpus"
SPLITS: dict[str, tuple[str, ...]] = {"train": ("a", "b"), "dev": ("c",), "test": ("d",)}
TUNING_SPLITS = ("train", "dev")

Listing = dict[str, Any]


class TestSplitRefused(ValueError):
    """Something tried to fit or tune on the test split."""

    __test__ = False  # not a pytest test class, despite the name


def author_path(author: str, *, directory: Path | None = None) -> Path:
    return (directory or CORPUS_DIR) / f"author_{author}.jsonl"


def _read(split: str, directory: Path | None) -> list[Listing]:
    items: list[Listing] = []
    for author in SPLITS[split]:
        path = author_path(author, directory=directory)
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    item["label"] = item.get("label") or "ok"
                    items.append(item)
    return items


def tuning_listings(split: str, *, directory: Path | None = None) -> list[Listing]:
    """Listings of the train or dev split, labels as a policy or ``"ok"``; the test split is refused."""
    if split not in TUNING_SPLITS:
        raise TestSplitRefused(f"split {split!r} may not be used for fitting or tuning (only {TUNING_SPLITS})")
    return _read(split, directory)


def report_listings(split: str, *, directory: Path | None = None) -> list[Listing]:
    """Listings of any split, for printing figures only (``bench/detect_quality.py``)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    return _read(split, directory)


def training_listings(*, directory: Path | None = None) -> list[Listing]:
    """What models learn from: the train split, or nothing when the corpus is not shipped."""
    try:
        return tuning_listings("train", directory=directory)
    except FileNotFoundError:
        return []
