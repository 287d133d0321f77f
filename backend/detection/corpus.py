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
TUNING_AUTHORS: tuple[str, ...] = tuple(a for split in TUNING_SPLITS for a in SPLITS[split])
# What the shipped model learns from once its settings are chosen (by leave-one-author-out
# cross-validation over TUNING_AUTHORS, ``bench/detect_cv.py``): train and dev, never test.
SHIPPED_SPLITS = ("train", "dev")

Listing = dict[str, Any]


class TestSplitRefused(ValueError):
    """Something tried to fit or tune on the test split."""

    __test__ = False  # not a pytest test class, despite the name


def author_path(author: str, *, directory: Path | None = None) -> Path:
    return (directory or CORPUS_DIR) / f"author_{author}.jsonl"


def _read_authors(authors: tuple[str, ...], directory: Path | None) -> list[Listing]:
    items: list[Listing] = []
    for author in authors:
        path = author_path(author, directory=directory)
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    item = json.loads(line)
                    item["label"] = item.get("label") or "ok"
                    item["author"] = author
                    items.append(item)
    return items


def _read(split: str, directory: Path | None) -> list[Listing]:
    return _read_authors(SPLITS[split], directory)


def author_listings(author: str, *, directory: Path | None = None) -> list[Listing]:
    """One tuning author's listings (for cross-validation across authors); test authors are refused."""
    if author not in TUNING_AUTHORS:
        raise TestSplitRefused(f"author {author!r} may not be used for fitting or tuning (only {TUNING_AUTHORS})")
    return _read_authors((author,), directory)


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


def training_listings(*, splits: tuple[str, ...] = SHIPPED_SPLITS,
                      directory: Path | None = None) -> list[Listing]:
    """What models learn from: by default train and dev (``SHIPPED_SPLITS``), or nothing when the corpus
    is not shipped. ``splits=("train",)`` gives a model that has not seen dev, to judge on dev."""
    try:
        return [item for split in splits for item in tuning_listings(split, directory=directory)]
    except FileNotFoundError:
        return []
