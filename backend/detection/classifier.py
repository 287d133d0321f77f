"""Learned classifier: one calibrated probability per policy.

Features are described in :mod:`backend.detection.features` (character
n-grams, word lemmas and their pairs, price against brand). A one-vs-rest
linear model trained with SGD on log loss learns them; 100,000 decisions
train in well under a minute on one core. Its raw scores are then
calibrated per policy (Platt scaling on out-of-fold scores of the training
data itself), so that "0.8 weapon" means about four in five such listings
were weapons, which is what the detector's log-odds arithmetic assumes.
The weights are stored sparse (only features seen in training are
non-zero), which keeps a model version to a few megabytes.

Models are versioned by the caller: ``Model.to_bytes()`` / ``Model.from_bytes()``
round-trip through a database BLOB. The bytes are a pickle, so only load blobs
this service wrote itself.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from backend.detection import features
from backend.detection.features import Doc
from backend.detection.metrics import LABELS, OK, EvalReport, compute_report
from backend.detection.rules import POLICIES

if TYPE_CHECKING:  # scikit-learn takes seconds and NumPy 0.1 s to import: only when a model is built or used
    import numpy as np
    from sklearn.linear_model import SGDClassifier

FORMAT_VERSION = 2
ALPHA = 1e-5
EPOCHS = 15
CALIBRATION_FOLDS = 2

Item = str | Mapping[str, Any]  # a bare text or a listing mapping (title, description, price, category, brand)
Example = tuple[Item, str]


OLDER_RELEASE = "trained by an older release of the detector; retrain"
HEADER_BYTES = 256  # enough of a stored model to read its format and scikit-learn version (see load_problem)


class ModelFormatError(ValueError):
    """The bytes are not a model this code can load."""


def load_problem(head: bytes) -> str | None:
    """Why a stored model whose bytes start with ``head`` cannot be loaded here, or None when its header says
    it can (format and scikit-learn version match). Reads only the first opcodes of the pickle (never
    executes it), so a list of versions can say which ones are usable without loading megabytes each."""
    import io
    import pickletools

    import sklearn

    values: list[Any] = []
    try:
        for op, arg, _ in pickletools.genops(io.BytesIO(head)):
            if op.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "BININT1", "BININT2", "BININT", "INT"):
                values.append(arg)
            elif op.name in ("GLOBAL", "STACK_GLOBAL", "REDUCE", "BUILD", "NEWOBJ"):
                break
            if len(values) >= 4:
                break
    except Exception:  # noqa: BLE001 - truncated or not a pickle: judge on what was read
        pass
    header = dict(zip(values[::2], values[1::2])) if len(values) >= 4 else {}
    found = header.get("format")
    if found != FORMAT_VERSION:
        if isinstance(found, int) and found > FORMAT_VERSION:
            return "written by a newer release of the detector; run that release or retrain"
        return OLDER_RELEASE
    if header.get("sklearn") != sklearn.__version__:
        return f"built with scikit-learn {header.get('sklearn')}, this service runs {sklearn.__version__}; retrain"
    return None


@dataclass
class Model:
    """A trained classifier, its per-policy calibration, and what a model registry wants to show."""

    clf: SGDClassifier
    calibration: dict[str, tuple[float, float]]  # policy -> (slope, intercept) on the raw decision value
    trained_at: str
    n_examples: int
    label_counts: dict[str, int] = field(default_factory=dict)

    def doc_matrix(self, docs: Sequence[Doc]) -> np.ndarray:
        """Probabilities for prepared Docs, shape ``(len(docs), len(POLICIES))``, columns in ``POLICIES`` order."""
        import numpy as np

        out = np.zeros((len(docs), len(POLICIES)))
        if not docs:
            return out
        decision = _per_class(self.clf.decision_function(features.matrix(docs)))
        classes = list(self.clf.classes_)
        for j, policy in enumerate(POLICIES):
            if policy in classes:
                slope, intercept = self.calibration[policy]
                out[:, j] = 1.0 / (1.0 + np.exp(-(slope * decision[:, classes.index(policy)] + intercept)))
        return out

    def policy_matrix(self, items: Sequence[Item]) -> np.ndarray:
        """Probabilities for texts or listing mappings (see :meth:`doc_matrix`)."""
        return self.doc_matrix([features.doc_of(item) for item in items])

    def predict_proba(self, items: Sequence[Item]) -> list[dict[str, float]]:
        """Per item, ``{policy: probability}`` for every policy (independent, one-vs-rest)."""
        matrix = self.policy_matrix(items)
        return [dict(zip(POLICIES, map(float, row))) for row in matrix]

    def predict(self, items: Sequence[Item], *, threshold: float = 0.5) -> list[str]:
        """Most likely policy when its probability reaches ``threshold``, else ``"ok"``."""
        matrix = self.policy_matrix(items)
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

        problem = load_problem(data[:HEADER_BYTES])
        if problem is not None:  # refused before unpickling: old pickles may name classes that moved
            raise ModelFormatError(problem)
        try:
            payload = pickle.loads(data)  # noqa: S301 - blobs come from our own model table
        except Exception as exc:  # pickle raises many unrelated types on garbage or on classes that changed
            raise ModelFormatError(f"{OLDER_RELEASE} ({type(exc).__name__}: {exc})") from exc
        model = payload.get("model") if isinstance(payload, dict) else None
        if not isinstance(model, cls):
            raise ModelFormatError(f"{OLDER_RELEASE} (payload is not a Model)")
        return model


def _fit(x: Any, y: np.ndarray, weights: np.ndarray, seed: int) -> SGDClassifier:
    from sklearn.linear_model import SGDClassifier

    clf = SGDClassifier(loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, random_state=seed)
    clf.fit(x, y, sample_weight=weights)
    return clf


def _per_class(decision: np.ndarray) -> np.ndarray:
    """Decision values as one column per class: with only two classes (say "ok"
    and one policy, early on) scikit-learn gives one column, for the second class."""
    import numpy as np

    return np.column_stack([-decision, decision]) if decision.ndim == 1 else decision


def _calibrate(x: Any, y: np.ndarray, weights: np.ndarray, seed: int) -> dict[str, tuple[float, float]]:
    """Platt scaling per policy on out-of-fold decision values: scores on examples the fold never saw
    are as overconfident as scores on new listings will be, unlike scores on the training data."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    fold = rng.integers(0, CALIBRATION_FOLDS, size=len(y))
    classes = sorted(set(y))
    oof = np.zeros((len(y), len(classes)))
    for k in range(CALIBRATION_FOLDS):
        inside, outside = fold != k, fold == k
        if len(set(y[inside])) < len(classes) or not outside.any():
            return {p: (1.0, 0.0) for p in POLICIES}  # too few examples to hold any out: raw scores
        oof[outside] = _per_class(_fit(x[inside], y[inside], weights[inside], seed + k + 1).decision_function(x[outside]))
    out: dict[str, tuple[float, float]] = {}
    for j, label in enumerate(classes):
        if label == OK:
            continue
        target = (y == label).astype(int)
        if target.min() == target.max():
            out[label] = (1.0, 0.0)
            continue
        platt = LogisticRegression(C=100.0).fit(oof[:, [j]], target, sample_weight=weights)
        out[label] = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    return out


def train(examples: Sequence[Example], *, seed: int = 0, weights: Sequence[float] | None = None) -> Model:
    """Train on ``(text or listing, label)`` pairs, label a policy or ``"ok"``; ``weights`` per example.

    Raises ValueError on unknown labels or when fewer than two labels occur.
    """
    import numpy as np

    labels = [label for _, label in examples]
    for label in labels:
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
    if len(set(labels)) < 2:
        raise ValueError("training needs at least two different labels")
    x = features.matrix([features.doc_of(item) for item, _ in examples])
    y = np.asarray(labels)
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    calibration = _calibrate(x, y, w, seed)
    clf = _fit(x, y, w, seed)
    clf.sparsify()
    return Model(clf=clf, calibration=calibration,
                 trained_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 n_examples=len(labels), label_counts=dict(Counter(labels)))


def evaluate(model: Model, examples: Sequence[Example], *, threshold: float = 0.5) -> EvalReport:
    """Precision and recall per policy and overall (see ``metrics``) on labelled texts or listings."""
    predicted = model.predict([item for item, _ in examples], threshold=threshold)
    return compute_report(zip((label for _, label in examples), predicted))


MIN_HELD_OUT_PER_POLICY = 20
PRECISION_SLACK = 0.005  # one wrong flag in a few hundred held-out decisions is noise, not a worse model
RECALL_SLACK = 0.02


@dataclass(frozen=True)
class Activation:
    """Whether a new version may replace the active one automatically, and why (in words for the console)."""

    activate: bool
    reasons: tuple[str, ...]
    held_out_counts: dict[str, int]

    def __bool__(self) -> bool:
        return self.activate


def held_out_counts(held_out: Sequence[Example]) -> dict[str, int]:
    """Held-out examples per label (every policy and ``ok``, zero included)."""
    counts = Counter(label for _, label in held_out)
    return {label: counts.get(label, 0) for label in LABELS}


def should_activate(new: Model, current: Model | None, held_out: Sequence[Example], *,
                    min_per_label: int = MIN_HELD_OUT_PER_POLICY) -> Activation:
    """Whether ``new`` may replace ``current`` without a supervisor deciding.

    Only when the held-out set can tell: at least ``min_per_label`` held-out
    examples of every policy and of ``ok`` (two decisions say nothing about a
    policy). Then overall precision may drop by at most ``PRECISION_SLACK``,
    since a wrongly removed listing hurts an honest seller, and overall recall
    by at most ``RECALL_SLACK``: a model that stops flagging is never "more
    precise".
    With no current model and enough held-out examples any model is accepted.
    """
    counts = held_out_counts(held_out)
    short = [f"{label}: {n}" for label, n in counts.items() if n < min_per_label]
    if short:
        return Activation(False, (f"too few held-out decisions to judge it (need {min_per_label} per policy and "
                                  f"for ok; have {', '.join(short)})",), counts)
    if current is None:
        return Activation(True, ("no version was active",), counts)
    mine, theirs = evaluate(new, held_out).overall, evaluate(current, held_out).overall
    reasons = []
    if mine.precision < theirs.precision - PRECISION_SLACK:
        reasons.append(f"held-out precision would drop from {theirs.precision:.1%} to {mine.precision:.1%}")
    if mine.recall < theirs.recall - RECALL_SLACK:
        reasons.append(f"held-out recall would drop from {theirs.recall:.1%} to {mine.recall:.1%}")
    if reasons:
        return Activation(False, tuple(reasons), counts)
    return Activation(True, (f"held-out precision {theirs.precision:.1%} → {mine.precision:.1%}, "
                             f"recall {theirs.recall:.1%} → {mine.recall:.1%}",), counts)
