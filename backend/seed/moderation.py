"""Who breaks the rules, and what moderation has done about it so far.

The plan is drawn before any member is written because strikes decide a
member's status: a takedown adds a strike, two strikes restrict an account,
three suspend it. Flags, takedowns, strikes and decision labels are then
written beside the listings they concern.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from backend.enforcement.models import Strike, Takedown
from backend.flags.models import Flag
from backend.screening.models import DecisionLabel
from backend.seed.context import DAY, HOUR, MINUTE, SeedContext
from backend.seed.violations import (
    ACTION_REASONS,
    DISMISS_REASONS,
    FALSE_POSITIVES,
    MEMBER_REPORT_TEXTS,
    POLICIES,
    RIGHTS_HOLDER_TEXTS,
    Violation,
)

NORMAL, SALE, VIOLATION, FALSE_POSITIVE = 0, 1, 2, 3
ACTIONED_SHARE = 0.2  # of first-time violations already taken down
ACTIONED_SHARE_REPEAT = 0.45  # repeat offenders get caught more often
BAD_ACTOR_SHARE = 0.65  # of violating listings posted by repeat offenders


@dataclass(frozen=True)
class PlannedViolation:
    policy: str
    actioned: bool
    seller: int  # member index
    ts: float  # listing created


@dataclass
class ModerationPlan:
    kinds: bytearray  # per listing index: NORMAL, SALE, VIOLATION or FALSE_POSITIVE
    violations: dict[int, PlannedViolation] = field(default_factory=dict)
    false_positives: dict[int, int] = field(default_factory=dict)  # listing index -> FALSE_POSITIVES index
    strikes: Counter[int] = field(default_factory=Counter)  # member index -> strikes
    historic: list[tuple[int, str, float]] = field(default_factory=list)  # strikes from before the seeded window


def plan(ctx: SeedContext) -> ModerationPlan:
    rng, scale = ctx.rng, ctx.scale
    n = scale.listings
    n_violations = max(2 * len(POLICIES), round(n * scale.violation_rate))
    n_false = max(5, round(n * scale.false_positive_rate))
    chosen = rng.sample(range(n), n_violations + n_false + scale.transactions)
    result = ModerationPlan(kinds=bytearray(n))
    veterans = ctx.joined_before(ctx.base - 90 * DAY)
    bad_actors = rng.sample(range(veterans), min(veterans, max(3, scale.members // 100)))
    # Sellers with bad service come from the busiest (longest-standing) ones, so they pile up bad ratings.
    busiest = min(veterans, max(10, scale.members // 30))
    ctx.poor_sellers = set(rng.sample(range(busiest), min(busiest, max(3, scale.members // 100))))

    for number, index in enumerate(chosen[:n_violations]):
        result.kinds[index] = VIOLATION
        repeat_offender = rng.random() < BAD_ACTOR_SHARE
        actioned = rng.random() < (ACTIONED_SHARE_REPEAT if repeat_offender else ACTIONED_SHARE)
        ts = ctx.base - (rng.uniform(20 * DAY, 300 * DAY) if actioned else rng.uniform(HOUR, 20 * DAY))
        seller = rng.choice(bad_actors) if repeat_offender else ctx.pick_member(ts)
        ts = max(ts, ctx.joined[seller] + HOUR)
        result.violations[index] = PlannedViolation(POLICIES[number % len(POLICIES)], actioned, seller, ts)
        if actioned:
            result.strikes[seller] += 1
    for index in chosen[n_violations:n_violations + n_false]:
        result.kinds[index] = FALSE_POSITIVE
        result.false_positives[index] = rng.randrange(len(FALSE_POSITIVES))
    for index in chosen[n_violations + n_false:]:
        result.kinds[index] = SALE

    def add_historic(member: int, count: int) -> None:
        for _ in range(count):
            ts = ctx.joined[member] + (ctx.base - ctx.joined[member]) * rng.random()
            result.historic.append((member, rng.choice(POLICIES), ts))
            result.strikes[member] += 1

    for _ in range(max(2, scale.members // 100)):
        add_historic(rng.randrange(veterans), 1)
    # The console needs at least one restricted and one suspended account to show.
    if not any(c == 2 for c in result.strikes.values()):
        add_historic(next(m for m in range(veterans) if result.strikes[m] == 0), 2)
    if not any(c >= 3 for c in result.strikes.values()):
        add_historic(bad_actors[0], 3 - result.strikes[bad_actors[0]])
    return result


def write_historic_strikes(ctx: SeedContext, plan: ModerationPlan) -> None:
    table = Strike.__table__
    for member, policy, ts in plan.historic:
        ctx.writer.add(table, {"id": ctx.writer.reserve(table), "member_id": ctx.member_id(member), "takedown_id": None,
                               "policy": policy, "weight": 1, "created_at": ctx.at(ts), "removed_at": None})


def _flag(ctx: SeedContext, listing_id: int, source: str, policy: str, score: float, reasons: list[dict[str, Any]],
          created: float, decision: tuple[str, int, float, str] | None) -> int:
    table = Flag.__table__
    flag_id = ctx.writer.reserve(table)
    status, decided_by, decided_at, reason = decision or ("open", None, None, None)
    created = min(created, ctx.base - MINUTE)  # nothing happens after "now"
    if decided_at is not None:
        decided_at = max(created, min(decided_at, ctx.base - MINUTE))
    ctx.writer.add(table, {
        "id": flag_id, "listing_id": listing_id, "source": source, "policy": policy, "score": score,
        "reasons": reasons, "status": status, "created_at": ctx.at(created), "decided_by_id": decided_by,
        "decided_at": ctx.at(decided_at) if decided_at is not None else None, "decision_reason": reason,
        "claimed_by_id": None, "claim_expires_at": None, "handover_note": None, "version": 1,
    })
    return flag_id


def write_violation_flags(ctx: SeedContext, listing_id: int, planned: PlannedViolation, violation: Violation) -> None:
    """The detector's flag, sometimes a member report or a rights-holder notice, and for
    actioned ones the takedown, the seller's strike and the label the detector learns from."""
    rng = ctx.rng
    created = planned.ts + rng.uniform(MINUTE, 30 * MINUTE)
    decision = None
    if planned.actioned:
        decision = ("actioned", ctx.moderator(), created + rng.uniform(HOUR, 3 * DAY), rng.choice(ACTION_REASONS))
    flag_id = _flag(ctx, listing_id, "detector", planned.policy, violation.score, violation.reasons, created, decision)
    if rng.random() < 0.12:
        report = {"signal": "member_report", "policy": planned.policy, "text": rng.choice(MEMBER_REPORT_TEXTS), "spans": []}
        _flag(ctx, listing_id, "member_report", planned.policy, round(rng.uniform(0.5, 0.8), 3), [report],
              created + rng.uniform(HOUR, DAY), decision)
    if planned.policy == "counterfeit" and rng.random() < 0.3:
        notice = {"signal": "rights_holder", "policy": planned.policy, "text": rng.choice(RIGHTS_HOLDER_TEXTS),
                  "spans": []}
        _flag(ctx, listing_id, "rights_holder", planned.policy, round(rng.uniform(0.95, 0.99), 3), [notice],
              created + rng.uniform(HOUR, 2 * DAY), decision)
    if decision is None:
        return
    _, moderator, decided_at, reason = decision
    takedowns, strikes, labels = Takedown.__table__, Strike.__table__, DecisionLabel.__table__
    takedown_id = ctx.writer.reserve(takedowns)
    ctx.writer.add(takedowns, {
        "id": takedown_id, "listing_id": listing_id, "flag_id": flag_id, "reason_code": planned.policy, "note": reason,
        "actor_id": moderator, "created_at": ctx.at(decided_at), "expires_at": None, "reversed_at": None,
        "reversed_by_id": None, "reversal_reason": None,
    })
    ctx.writer.add(strikes, {"id": ctx.writer.reserve(strikes), "member_id": ctx.member_id(planned.seller),
                             "takedown_id": takedown_id, "policy": planned.policy, "weight": 1,
                             "created_at": ctx.at(decided_at), "removed_at": None})
    ctx.writer.add(labels, {"id": ctx.writer.reserve(labels), "listing_id": listing_id,
                            "text": f"{violation.title}\n{violation.description}", "label": planned.policy,
                            "source": "takedown", "created_at": ctx.at(decided_at)})


def write_false_positive_flag(ctx: SeedContext, listing_id: int, fp_index: int, title: str, description: str,
                              ts: float) -> None:
    """A legitimate listing whose wording tripped a rule; mostly already dismissed."""
    rng = ctx.rng
    policy, term, _ = FALSE_POSITIVES[fp_index]
    text = f"{title}\n{description}"
    start = text.find(term)
    reasons = [{"signal": "rule", "policy": policy, "text": f"“{term}” in the description (benign context?)",
                "spans": [[start, start + len(term)]]}]
    created = ts + rng.uniform(MINUTE, 30 * MINUTE)
    decision = None
    if rng.random() < 0.8:
        decision = ("dismissed", ctx.moderator(), created + rng.uniform(HOUR, 2 * DAY), rng.choice(DISMISS_REASONS))
    _flag(ctx, listing_id, "detector", policy, round(rng.uniform(0.6, 0.75), 3), reasons, created, decision)
    if decision is not None:
        labels = DecisionLabel.__table__
        decided_at = max(min(created, ctx.base - MINUTE), min(decision[2], ctx.base - MINUTE))
        ctx.writer.add(labels, {"id": ctx.writer.reserve(labels), "listing_id": listing_id, "text": text,
                                "label": "ok", "source": "dismiss", "created_at": ctx.at(decided_at)})
