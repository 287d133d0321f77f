"""Learned text classifier: one probability per policy.

Character n-grams (``char_wb``, 2–4) of the *normalised* text work for both
Japanese (no spaces) and English, and survive the spelling games sellers play.
Features are hashed (no vocabulary to fit or store), sublinear-tf weighted and
L2-normalised, and fed to a one-vs-rest linear model trained with SGD on log
loss, so each policy gets an independent, roughly calibrated probability and
100,000 decisions train in seconds on one core. The weights are stored sparse
(only n-grams seen in training are non-zero), which keeps a model version to a
few megabytes.

Models are versioned by the caller: ``Model.to_bytes()`` / ``Model.from_bytes()``
round-trip through a database BLOB. The bytes are a pickle, so only load blobs
this service wrote itself.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from backend.detection.metrics import LABELS, OK, EvalReport, compute_report
from backend.detection.normalize import normalize
from backend.detection.rules import POLICIES

if TYPE_CHECKING:  # scikit-learn takes seconds and NumPy 0.1 s to import: only when a model is built or used
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.linear_model import SGDClassifier

FORMAT_VERSION = 1
_N_FEATURES = 2 ** 19


class ModelFormatError(ValueError):
    """The bytes are not a model this code can load."""


def _vectorizer() -> HashingVectorizer:
    import numpy as np
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=_N_FEATURES,
                             alternate_sign=False, norm=None, dtype=np.float32)


@dataclass
class Model:
    """A trained classifier plus the metadata a model registry wants to show."""

    tfidf: TfidfTransformer
    clf: SGDClassifier
    trained_at: str
    n_examples: int
    label_counts: dict[str, int] = field(default_factory=dict)

    def policy_matrix(self, texts: Sequence[str], *, normalized: bool = False) -> np.ndarray:
        """Probabilities, shape ``(len(texts), len(POLICIES))``, columns in ``POLICIES`` order."""
        import numpy as np

        if not texts:
            return np.zeros((0, len(POLICIES)))
        prepared = texts if normalized else [normalize(t).text for t in texts]
        features = self.tfidf.transform(_vectorizer().transform(prepared))
        decision = self.clf.decision_function(features)
        probs = 1.0 / (1.0 + np.exp(-decision))
        classes = list(self.clf.classes_)
        out = np.zeros((len(prepared), len(POLICIES)))
        for j, policy in enumerate(POLICIES):
            if policy in classes:
                out[:, j] = probs[:, classes.index(policy)]
        return out

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per text, ``{policy: probability}`` for every policy (independent, one-vs-rest)."""
        matrix = self.policy_matrix(texts)
        return [dict(zip(POLICIES, map(float, row))) for row in matrix]

    def predict(self, texts: Sequence[str], *, threshold: float = 0.5) -> list[str]:
        """Most likely policy when its probability reaches ``threshold``, else ``"ok"``."""
        matrix = self.policy_matrix(texts)
        best = matrix.argmax(axis=1) if len(matrix) else []
        return [POLICIES[j] if row[j] >= threshold else OK for row, j in zip(matrix, best)]

    def to_bytes(self) -> bytes:
        """Serialise for storage (pickle, with a format and library version header)."""
        import sklearn

        return pickle.dumps({"format": FORMAT_VERSION, "sklearn": sklearn.__version__, "model": self},
                            protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Model:
        """Load bytes written by ``to_bytes``; refuses other formats."""
        import sklearn

        try:
            payload = pickle.loads(data)  # noqa: S301 - blobs come from our own model table
        except Exception as exc:  # pickle raises many unrelated types on garbage
            raise ModelFormatError(f"not a detector model: {exc}") from exc
        if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
            raise ModelFormatError("unsupported detector model format")
        if payload.get("sklearn") != sklearn.__version__:
            raise ModelFormatError(
                f"model built with scikit-learn {payload.get('sklearn')}, running {sklearn.__version__}; retrain")
        model = payload["model"]
        if not isinstance(model, cls):
            raise ModelFormatError("payload is not a Model")
        return model


def train(examples: Sequence[tuple[str, str]], *, seed: int = 0) -> Model:
    """Train on ``(text, label)`` pairs, label a policy or ``"ok"``.

    Raises ValueError on unknown labels or when fewer than two labels occur.
    """
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import SGDClassifier

    texts, labels = [], []
    for text, label in examples:
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        texts.append(normalize(text).text)
        labels.append(label)
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two different labels")
    tfidf = TfidfTransformer(use_idf=False, sublinear_tf=True)
    features = tfidf.fit_transform(_vectorizer().transform(texts))
    clf = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=20, tol=1e-4, random_state=seed)
    clf.fit(features, labels)
    clf.sparsify()
    return Model(tfidf=tfidf, clf=clf, trained_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 n_examples=len(texts), label_counts=dict(Counter(labels)))


def evaluate(model: Model, examples: Sequence[tuple[str, str]], *, threshold: float = 0.5) -> EvalReport:
    """Precision and recall per policy and overall (see ``metrics``) on labelled texts."""
    predicted = model.predict([t for t, _ in examples], threshold=threshold)
    return compute_report(zip((label for _, label in examples), predicted))


def should_activate(new: Model, current: Model | None, held_out: Sequence[tuple[str, str]]) -> bool:
    """Whether ``new`` may replace ``current``: never if it lowers overall precision on ``held_out``.

    Precision is the guard because a wrongly removed listing hurts an honest
    seller; a recall gain bought with precision is refused. With no current
    model any trained model is accepted.
    """
    if current is None:
        return True
    return evaluate(new, held_out).overall.precision >= evaluate(current, held_out).overall.precision
