"""The message detector: rules, contact details and the model, one score per policy.

Scoring per policy on a log-odds scale, as for listings::

    d = clip(logit(p_model)) - logit(MODEL_PRIOR)
    z = BIAS + min(MODEL_CAP, MODEL_UP * max(d, 0)) + MODEL_DOWN * min(d, 0)
        + Σ positive rule weights (capped) + Σ negative rule weights (capped)
    score = sigmoid(z)

A found contact detail (phone, e-mail, handle) counts for ``contact_exchange``
with ``CONTACT_WEIGHT`` (more when it was spelled out to dodge filters). A
policy is flagged when its score reaches its threshold; the message's policy is
the highest scoring one. Spans in reasons index the original text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from backend.detection.messages import contacts as contact_finder
from backend.detection.messages.model import MessageModel
from backend.detection.messages.reading import Message, read
from backend.detection.messages.rules import POLICIES, match

DEFAULT_THRESHOLDS: dict[str, float] = {policy: 0.7 for policy in POLICIES}
BIAS = -2.6
MODEL_PRIOR = 0.2
MODEL_UP = 2.0
MODEL_DOWN = 0.4
MODEL_CAP = 3.5
LOGIT_CLIP = 4.0
POSITIVE_CAP = 8.0
NEGATIVE_CAP = -5.0
CONTACT_WEIGHT = {"phone": 5.0, "email": 5.0, "handle": 4.0}
SPELLED_BONUS = 1.0


@dataclass
class MessageVerdict:
    flagged: bool
    policy: str | None
    score: float
    scores: dict[str, float]
    reasons: list[dict[str, Any]] = field(default_factory=list)

    def to_line(self, item_id: Any) -> dict[str, Any]:
        return {"id": item_id, "flagged": self.flagged, "policy": self.policy if self.flagged else None,
                "score": round(self.score, 4), "reasons": self.reasons}


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return max(-LOGIT_CLIP, min(LOGIT_CLIP, math.log(p / (1 - p))))


class MessageDetector:
    def __init__(self, model: MessageModel | None = None, thresholds: Mapping[str, float] | None = None,
                 version: str = "rules") -> None:
        self.model = model
        self.thresholds = dict(DEFAULT_THRESHOLDS) | dict(thresholds or {})
        self.version = version

    def score(self, text: str) -> MessageVerdict:
        return self.score_many([text])[0]

    def score_many(self, texts: Sequence[str]) -> list[MessageVerdict]:
        probabilities = self.model.probabilities(texts) if self.model is not None and texts else [None] * len(texts)
        return [self._verdict(read(text), p) for text, p in zip(texts, probabilities, strict=True)]

    def _verdict(self, message: Message, probabilities: Mapping[str, float] | None) -> MessageVerdict:
        positive = dict.fromkeys(POLICIES, 0.0)
        negative = dict.fromkeys(POLICIES, 0.0)
        reasons: dict[str, list[dict[str, Any]]] = {p: [] for p in POLICIES}
        for hit in match(message.folded):
            policy = hit.rule.policy
            if hit.weight > 0:
                positive[policy] += hit.weight
            else:
                negative[policy] += hit.weight
            reasons[policy].append({"signal": "rule", "policy": policy, "rule": hit.rule.id,
                                    "text": hit.rule.reason, "weight": round(hit.weight, 2),
                                    "spans": [list(message.span(a, b)) for a, b in hit.spans]})
        for contact in contact_finder.find(message):
            weight = CONTACT_WEIGHT[contact.kind] + (SPELLED_BONUS if contact.spelled else 0.0)
            positive["contact_exchange"] += weight
            what = {"phone": "a phone number", "email": "an e-mail address",
                    "handle": f"a {contact.service} handle" if contact.service not in ("", "at") else "a handle"}
            reasons["contact_exchange"].append({
                "signal": "contact", "policy": "contact_exchange", "rule": f"contact.{contact.kind}",
                "text": what[contact.kind] + (" spelled out to dodge filters" if contact.spelled else ""),
                "weight": weight, "spans": [[contact.start, contact.end]]})
        scores: dict[str, float] = {}
        for policy in POLICIES:
            z = BIAS + min(positive[policy], POSITIVE_CAP) + max(negative[policy], NEGATIVE_CAP)
            if probabilities is not None:
                d = _logit(probabilities.get(policy, 0.0)) - _logit(MODEL_PRIOR)
                push = min(MODEL_CAP, MODEL_UP * max(d, 0.0)) + MODEL_DOWN * min(d, 0.0)
                z += push
                if push >= 1.0:
                    reasons[policy].append({"signal": "model", "policy": policy, "rule": "model",
                                            "text": f"the model says {probabilities.get(policy, 0.0):.0%} {policy}",
                                            "weight": round(push, 2), "spans": []})
            scores[policy] = 1 / (1 + math.exp(-z))
        best = max(POLICIES, key=lambda p: scores[p] - self.thresholds[p])
        flagged = scores[best] >= self.thresholds[best]
        shown = [r for r in reasons[best] if r["weight"] > 0 or flagged] if flagged else []
        return MessageVerdict(flagged, best if flagged else None, scores[best], scores, shown)
