"""The learned part: one multinomial logistic regression over five labels (the four
policies and "ok") on hashed features of the folded message: character 1–3-grams
(spelling variants, kana and Latin alike) and words — lemmas from the shared
Japanese reader (:func:`backend.text.japanese.words` on ``fold_width`` text) and
Latin words. Hashing keeps the model small and needs no vocabulary; scikit-learn
is imported only when a model is trained or used.

Trained on the seed examples in :mod:`backend.detection.messages.examples` (our
own), the corpus's TRAIN author and moderators' decisions (``message_labels``);
the DEV author judges it. Models are versioned by the caller as bytes
(``to_bytes`` / ``from_bytes``: a pickle, so only load blobs this service wrote).
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Sequence
from typing import Any

from backend.detection.messages.rules import POLICIES
from backend.text.fold import fold, fold_width
from backend.text.japanese import has_japanese, words

LABELS: tuple[str, ...] = ("ok", *POLICIES)
FORMAT = 1
C = 4.0
N_FEATURES = 2 ** 16
_LATIN = re.compile(r"[a-z][a-z']+|\d+")


def tokens(text: str) -> list[str]:
    """Words: lemmas of Japanese words, Latin words and numbers (numbers as their length)."""
    out = []
    width = fold_width(text)
    if has_japanese(width):
        out.extend("w:" + w.lemma for w in words(width) if w.pos not in ("補助記号", "空白"))
    out.extend("l:" + (w if not w.isdigit() else f"#{len(w)}") for w in _LATIN.findall(width))
    return out


def _vectorizers() -> tuple[Any, Any]:
    from sklearn.feature_extraction.text import HashingVectorizer

    chars = HashingVectorizer(analyzer="char", ngram_range=(1, 3), n_features=N_FEATURES, alternate_sign=False,
                              norm="l2", preprocessor=fold, lowercase=False)
    wordy = HashingVectorizer(analyzer=tokens, n_features=N_FEATURES, alternate_sign=False, norm="l2")
    return chars, wordy


class MessageModel:
    def __init__(self, classifier: Any, trained_on: int) -> None:
        self.classifier = classifier
        self.trained_on = trained_on
        self._vec = _vectorizers()

    @staticmethod
    def features(texts: Sequence[str]) -> Any:
        from scipy.sparse import hstack

        chars, wordy = _vectorizers()
        return hstack([chars.transform(texts), wordy.transform(texts)]).tocsr()

    @classmethod
    def train(cls, examples: Sequence[tuple[str, str]]) -> MessageModel:
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        texts = [t for t, _ in examples]
        labels = [label for _, label in examples]
        classifier = OneVsRestClassifier(LogisticRegression(C=C, solver="liblinear", class_weight="balanced"))
        classifier.fit(cls.features(texts), labels)
        return cls(classifier, len(examples))

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        from scipy.sparse import hstack

        chars, wordy = self._vec
        matrix = hstack([chars.transform(texts), wordy.transform(texts)]).tocsr()
        classes = list(self.classifier.classes_)
        return [dict(zip(classes, row, strict=True)) for row in self.classifier.predict_proba(matrix).tolist()]

    def to_bytes(self) -> bytes:
        return pickle.dumps({"format": FORMAT, "classifier": self.classifier, "trained_on": self.trained_on})

    @classmethod
    def from_bytes(cls, blob: bytes) -> MessageModel:
        data = pickle.loads(blob)  # noqa: S301 - only blobs this service wrote
        if data.get("format") != FORMAT:
            raise ValueError("a message model from another release; retrain")
        return cls(data["classifier"], data["trained_on"])
