"""Batch entry points for the CLI: ``detect`` and ``eval-detector``.

``detect_stream`` reads JSON lines ``{id, title, description, price, category,
brand}`` and writes one JSON line ``{id, flagged, policy, score, reasons}`` per
good input line, in input order. A line that is not a JSON object (or has a
non-integer price) produces ``{"line": n, "error": "..."}`` on ``err``
(1-based line numbers), is counted, and processing continues. Blank lines are
skipped silently.

``default_detector`` trains the built-in model (seed labels plus the train
and dev splits of the independent corpus, :func:`builtin_examples`) and caches the
bytes in the user cache directory, keyed by a hash of the code and data that
shape the model, so only the first CLI start after an upgrade pays for
training (~ 10 seconds); later starts load the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import platformdirs

from backend.detection import (brands, classifier, corpus, features, lexicon, morph, normalize, price,
                               seed_labels)
from backend.detection.classifier import Example, Model, ModelFormatError
from backend.detection.detector import Detector
from backend.detection.metrics import LABELS, EvalReport, compute_report

BATCH_SIZE = 512
SEED_EXAMPLES = 6000
# A corpus listing was written by a person, not a template: it counts as this many seed examples.
CORPUS_WEIGHT = 6.0


@dataclass(frozen=True, slots=True)
class StreamStats:
    """What ``detect_stream`` did."""

    scored: int
    flagged: int
    errors: int


def _parse(lines: Iterable[str], err: TextIO, *, need_label: bool = False) -> Iterator[dict[str, Any] | None]:
    """Yield listing dicts, or None for a bad line after reporting it to ``err``."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("expected a JSON object")
            price = item.get("price")
            if price is not None and (isinstance(price, bool) or not isinstance(price, int)):
                raise ValueError("price must be an integer (JPY) or null")
            for key in ("title", "description", "category", "brand"):
                if item.get(key) is not None and not isinstance(item[key], str):
                    raise ValueError(f"{key} must be a string or null")
            if need_label and item.get("label") not in LABELS:
                raise ValueError(f"label must be one of {', '.join(LABELS)}")
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            err.write(json.dumps({"line": n, "error": str(exc)}, ensure_ascii=False) + "\n")
            yield None
            continue
        yield item


def _batches(items: Iterator[dict[str, Any] | None]) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """Group good items into batches of ``BATCH_SIZE``, counting the bad ones per batch."""
    batch: list[dict[str, Any]] = []
    errors = 0
    for item in items:
        if item is None:
            errors += 1
            continue
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield batch, errors
            batch, errors = [], 0
    if batch or errors:
        yield batch, errors


def detect_stream(in_lines: Iterable[str], out: TextIO, detector: Detector,
                  *, err: TextIO | None = None) -> StreamStats:
    """Score JSON-lines listings from ``in_lines`` into ``out`` (see module docstring)."""
    err = err or sys.stderr
    scored = flagged = errors = 0
    for batch, batch_errors in _batches(_parse(in_lines, err)):
        errors += batch_errors
        for verdict in detector.score_many(batch):
            out.write(json.dumps(verdict.to_json(), ensure_ascii=False) + "\n")
            scored += 1
            flagged += verdict.flagged
    return StreamStats(scored, flagged, errors)


def evaluate_file(lines: Iterable[str], detector: Detector, *, err: TextIO | None = None) -> EvalReport:
    """Precision/recall of ``detector`` on JSON lines that also carry ``label``.

    Print ``report.format_table()`` for people, ``report.to_dict()`` for tools.
    Bad lines are reported to ``err`` like in ``detect_stream`` and left out.
    """
    err = err or sys.stderr
    items = [item for batch, _ in _batches(_parse(lines, err, need_label=True)) for item in batch]
    return compute_report(zip((item["label"] for item in items), predictions(items, detector)))


def predictions(items: Sequence[dict[str, Any]], detector: Detector) -> list[str]:
    """The detector's decision per listing: the flagged policy or ``"ok"``."""
    out: list[str] = []
    for start in range(0, len(items), BATCH_SIZE):
        for verdict in detector.score_many(items[start:start + BATCH_SIZE]):
            out.append(verdict.policy if verdict.flagged and verdict.policy else "ok")
    return out


def builtin_examples(*, seed_count: int = SEED_EXAMPLES, splits: tuple[str, ...] = corpus.SHIPPED_SPLITS,
                     corpus_items: Sequence[dict[str, Any]] | None = None) -> tuple[list[Example], list[float]]:
    """What the built-in model learns from, with per-example weights: the seed listings and the
    corpus's ``splits`` (train and dev by default; never its test split: see :mod:`backend.detection.corpus`),
    or the given ``corpus_items`` instead (cross-validation across authors)."""
    examples: list[Example] = list(seed_labels.seed_listings(seed_count))
    weights = [1.0] * len(examples)
    items = corpus.training_listings(splits=splits) if corpus_items is None else corpus_items
    for listing in items:
        examples.append((listing, listing["label"]))
        weights.append(CORPUS_WEIGHT)
    return examples, weights


def _model_fingerprint(splits: tuple[str, ...]) -> str:
    """Hash of everything that changes the built-in model, so stale caches are ignored."""
    digest = hashlib.sha256()
    for module in (brands, classifier, corpus, features, lexicon, morph, normalize, price, seed_labels):
        digest.update(Path(module.__file__ or "").read_bytes())
    for listing in corpus.training_listings(splits=splits):
        digest.update(json.dumps(listing, sort_keys=True, ensure_ascii=False).encode())
    digest.update(f"{SEED_EXAMPLES} {CORPUS_WEIGHT} {splits}".encode())
    return digest.hexdigest()[:16]


def seed_model(*, cache_dir: Path | None = None, splits: tuple[str, ...] = corpus.SHIPPED_SPLITS) -> Model:
    """The built-in model (see :func:`builtin_examples`), from the cache when possible.

    ``splits`` other than the default give a model for measuring (e.g. trained on train only, to be
    judged on dev); such models are cached beside the shipped one, under their own name."""
    directory = cache_dir or Path(platformdirs.user_cache_dir("anzen")) / "detector"
    prefix = "seed" if splits == corpus.SHIPPED_SPLITS else "seed_" + "_".join(splits)
    path = directory / f"{prefix}-{_model_fingerprint(splits)}.model"
    try:
        return Model.from_bytes(path.read_bytes())
    except (OSError, ModelFormatError):
        pass
    examples, weights = builtin_examples(splits=splits)
    model = classifier.train(examples, weights=weights)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False) as tmp:
            tmp.write(model.to_bytes())
        os.replace(tmp.name, path)
        for stale in directory.glob(f"{prefix}-*.model"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # read-only home: keep the in-process model, train again next start
    return model


def default_detector(*, cache_dir: Path | None = None) -> Detector:
    """A detector with the seed model and default thresholds, for the CLI."""
    return Detector(seed_model(cache_dir=cache_dir))
