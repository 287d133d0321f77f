"""Fitting the message model: our seed examples, the corpus's TRAIN author and
moderators' decisions. Never reads the TEST author (tests assert it)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from backend.detection.messages import corpus
from backend.detection.messages.detector import MessageDetector
from backend.detection.messages.examples import EXAMPLES
from backend.detection.messages.model import MessageModel


def training_examples(*, include_dev: bool = False, extra: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    examples = list(EXAMPLES)
    examples += [(row["text"], row["label"]) for row in corpus.load(corpus.TRAIN)]
    if include_dev:
        examples += [(row["text"], row["label"]) for row in corpus.load(corpus.DEV)]
    examples += list(extra)
    return examples


def fit(*, include_dev: bool = False, extra: Sequence[tuple[str, str]] = ()) -> MessageModel:
    return MessageModel.train(training_examples(include_dev=include_dev, extra=extra))


_BUILT_IN: MessageDetector | None = None


def built_in_detector() -> MessageDetector:
    """Rules plus a model fitted on seed examples and TRAIN + DEV (about a second, once per process)."""
    global _BUILT_IN
    if _BUILT_IN is None:
        _BUILT_IN = MessageDetector(fit(include_dev=True), version="built-in")
    return _BUILT_IN
