"""Precision / recall per policy, shared by model evaluation and ``eval-detector``.

A prediction is a policy or ``"ok"``. For a policy, a true positive is a
listing labelled with that policy and predicted as that policy. *Overall*
figures are micro-averaged over all violations and count a flag with the wrong
policy as both a false positive and a miss: a moderator would see the wrong
reason, so it is not a success.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backend.detection.rules import POLICIES

OK = "ok"
LABELS: tuple[str, ...] = (*POLICIES, OK)


@dataclass(frozen=True, slots=True)
class PolicyMetrics:
    """Counts and ratios for one policy (or ``overall``)."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        """Precision; 1.0 when nothing was predicted (no wrong removals)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Recall; 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_dict(self) -> dict[str, float | int | str]:
        return {"name": self.name, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "support": self.support}


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Per-policy metrics plus the micro-averaged ``overall`` line."""

    policies: tuple[PolicyMetrics, ...]
    overall: PolicyMetrics
    total: int
    false_flags_on_ok: int

    def to_dict(self) -> dict[str, object]:
        return {"total": self.total, "false_flags_on_ok": self.false_flags_on_ok,
                "overall": self.overall.to_dict(),
                "policies": [p.to_dict() for p in self.policies]}

    def format_table(self) -> str:
        """A fixed-width table for terminals."""
        lines = [f"{'policy':<16} {'precision':>9} {'recall':>7} {'tp':>5} {'fp':>5} {'fn':>5} {'support':>8}"]
        for m in (*self.policies, self.overall):
            if m is self.overall:
                lines.append("-" * len(lines[0]))
            lines.append(f"{m.name:<16} {m.precision:>9.3f} {m.recall:>7.3f} {m.tp:>5} {m.fp:>5} "
                         f"{m.fn:>5} {m.support:>8}")
        lines.append(f"{self.total} listings, {self.false_flags_on_ok} ok listings flagged")
        return "\n".join(lines)


def compute_report(pairs: Iterable[tuple[str, str]]) -> EvalReport:
    """Build a report from ``(label, predicted)`` pairs; both are a policy or ``"ok"``."""
    tp = dict.fromkeys(POLICIES, 0)
    fp = dict.fromkeys(POLICIES, 0)
    fn = dict.fromkeys(POLICIES, 0)
    total = false_on_ok = 0
    for label, predicted in pairs:
        total += 1
        if label not in LABELS or predicted not in LABELS:
            raise ValueError(f"unknown label {label!r} or prediction {predicted!r}")
        if predicted == label:
            if label != OK:
                tp[label] += 1
            continue
        if predicted != OK:
            fp[predicted] += 1
            false_on_ok += label == OK
        if label != OK:
            fn[label] += 1
    per_policy = tuple(PolicyMetrics(p, tp[p], fp[p], fn[p]) for p in POLICIES)
    overall = PolicyMetrics("overall", sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return EvalReport(per_policy, overall, total, false_on_ok)
