"""Listings, sales, their escrow ledgers and the ratings that close them.

One pass over listing indices writes each listing together with whatever
hangs off it (flags, a transaction and its ledger, ratings), so memory stays
flat at a million listings. Times are worked out backwards from the last
escrow event, so in-flight sales are recent and nothing happens after "now".
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from backend.escrow.models import LedgerEntry, Transaction
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing
from backend.ratings.models import Rating
from backend.seed import catalog
from backend.seed.context import DAY, HOUR, MINUTE, SeedContext
from backend.seed.moderation import (
    FALSE_POSITIVE,
    SALE,
    VIOLATION,
    ModerationPlan,
    write_false_positive_flag,
    write_violation_flags,
)
from backend.seed.texts import RATING_COMMENTS
from backend.seed.violations import FALSE_POSITIVES, make_violation

FEE_RATE = 0.10
LISTING_WINDOW = 730 * DAY

# Escrow states and how often a sale is in each; the first sales cycle through all of them
# so even a tiny seed shows every state.
STATES: tuple[str, ...] = ("awaiting_payment", "paid", "shipped", "received", "completed", "cancelled", "disputed",
                           "released", "refunded")
STATE_WEIGHTS: tuple[int, ...] = (4, 5, 8, 5, 62, 8, 3, 2, 3)
IN_FLIGHT = frozenset({"awaiting_payment", "paid", "shipped", "received", "disputed"})
# Listing status per sale state: an unpaid order or an undone sale leaves the item on sale.
LISTING_STATUS = {s: "sold" for s in STATES} | {"awaiting_payment": "active", "cancelled": "active", "refunded": "active"}


@dataclass
class SalesIndex:
    """Every sale by state, (tx id, listing id, buyer, seller, last event ts), for inquiries to refer to."""

    by_state: dict[str, list[tuple[int, int, int, int, float]]]


def _state(ctx: SeedContext, number: int) -> str:
    if number < 2 * len(STATES):
        return STATES[number % len(STATES)]
    return ctx.rng.choices(STATES, STATE_WEIGHTS)[0]


def _ledger_plan(rng: random.Random, state: str) -> list[tuple[str, float]]:
    """Ledger kinds with the gap (seconds) before each, from the order's creation."""
    pay = ("payment", rng.uniform(MINUTE, 2 * DAY))
    ship = ("shipped", rng.uniform(4 * HOUR, 3 * DAY))
    recv = ("received", rng.uniform(DAY, 4 * DAY))
    dispute = ("dispute", rng.uniform(HOUR, 5 * DAY))
    settle = rng.uniform(DAY, 7 * DAY)
    if state == "awaiting_payment":
        return []
    if state == "paid":
        return [pay]
    if state == "shipped":
        return [pay, ship]
    if state == "received":
        return [pay, ship, recv]
    if state == "completed":
        return [pay, ship, recv, ("release", rng.uniform(HOUR, 2 * DAY))]
    if state == "cancelled":
        if rng.random() < 0.5:
            return [("cancel", rng.uniform(HOUR, 3 * DAY))]  # payment deadline passed or mutual agreement
        steps = [pay] + ([ship] if rng.random() < 0.3 else [])
        gap = rng.uniform(HOUR, 2 * DAY)
        return steps + [("refund", gap), ("cancel", 0.0)]
    before = rng.random()
    steps = [pay] if before < 0.2 else [pay, ship] if before < 0.6 else [pay, ship, recv]
    if state == "disputed":
        return steps + [dispute]
    if state == "released":
        return steps + [dispute, ("release", settle)]
    return steps + [dispute, ("refund", settle)]  # refunded


def _last_event_ts(ctx: SeedContext, state: str) -> float:
    rng, base = ctx.rng, ctx.base
    if state in ("awaiting_payment", "paid", "received"):
        return base - rng.uniform(10 * MINUTE, 3 * DAY)
    if state == "shipped":
        return base - rng.uniform(HOUR, 4 * DAY)
    if state == "disputed":
        return base - rng.uniform(HOUR, 10 * DAY)
    return base - 8 * DAY - (LISTING_WINDOW - 40 * DAY) * rng.random() ** 1.4


_NOTES = {"dispute": ("Buyer opened a dispute", "購入者が問題を報告"), "cancel": ("Order cancelled", "取引キャンセル")}


class ListingFactory:
    """Ordinary listings from the catalogue: text in the seller's language, model numbers
    and barcodes spelled the ways people type them, prices by product and condition."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.products = catalog.PRODUCTS

    def make(self, lang: str) -> dict[str, Any]:
        rng = self.rng
        product = self.products[rng.randrange(len(self.products))]
        condition = rng.choices(catalog.CONDITIONS, catalog.CONDITION_WEIGHTS)[0]
        model_index = rng.randrange(len(product.models)) if product.models else 0
        model = product.models[model_index] if product.models and rng.random() < 0.85 else None
        barcode = product.barcode(model_index) if rng.random() < 0.7 else None
        typed_model = _as_typed(rng, model) if model else None
        typed_barcode = _barcode_as_typed(rng, barcode) if barcode else None
        low, high = product.price
        price = (low + (high - low) * rng.random()) * (0.6 + 0.4 * catalog.CONDITION_PRICE[condition])
        price = max(300, int(price) // 100 * 100 - (20 if rng.random() < 0.15 else 0))
        if lang == "ja":
            brand = _brand_prefix(product.brand_ja if rng.random() < 0.6 else product.brand, product.name_ja)
            shown_model = f" {typed_model}" if typed_model and rng.random() < 0.5 else ""
            title = (f"{rng.choice(catalog.TITLE_PREFIX_JA[condition])}{brand}{product.name_ja}{shown_model}"
                     f"{rng.choice(catalog.TITLE_SUFFIX_JA)}").strip()
            parts = catalog.DESCRIPTION_JA
            lines = [rng.choice(parts["open"]), f"{product.name_ja}です。", rng.choice(parts["body"]),
                     f"状態：{catalog.CONDITION_JA[condition]}"]
            if typed_model:
                lines.append(f"型番：{typed_model}")
            if typed_barcode and rng.random() < 0.4:
                lines.append(f"JAN：{typed_barcode}")
            lines += [rng.choice(parts["ship"]), rng.choice(parts["close"])]
        else:
            brand = _brand_prefix(product.brand, product.name_en)
            shown_model = f" {typed_model}" if typed_model and rng.random() < 0.5 else ""
            title = f"{brand}{product.name_en}{shown_model}{rng.choice(catalog.TITLE_SUFFIX_EN)}".strip()
            parts = catalog.DESCRIPTION_EN
            lines = [rng.choice(parts["open"]), f"{product.name_en}.", rng.choice(parts["body"]),
                     f"Condition: {catalog.CONDITION_EN[condition]}."]
            if typed_model:
                lines.append(f"Model: {typed_model}")
            lines += [rng.choice(parts["ship"]), rng.choice(parts["close"])]
        return {
            "title": title[:256], "description": "\n".join(line for line in lines if line),
            "category": product.category, "brand": product.brand, "model_number": typed_model,
            "barcode": typed_barcode, "barcode_gtin": gtin14(typed_barcode), "model_norm": normalise_model(typed_model),
            "price": price, "condition": condition,
        }


def _brand_prefix(brand: str | None, name: str) -> str:
    """"Nintendo Switch" already says Nintendo: no brand in front of a name that starts with it."""
    if not brand or name.casefold().startswith(brand.casefold()):
        return ""
    return brand + " "


_FULLWIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})


def _as_typed(rng: random.Random, model: str) -> str:
    """Model numbers as sellers type them: mostly right, sometimes lower-case, unhyphenated or full-width."""
    roll = rng.random()
    if roll < 0.75:
        return model
    if roll < 0.85:
        return model.lower().replace("-", "")
    if roll < 0.95:
        return model.replace("-", " ")
    return model.translate(_FULLWIDTH)


def _barcode_as_typed(rng: random.Random, code: str) -> str:
    roll = rng.random()
    if roll < 0.85:
        return code
    if roll < 0.95:
        return f"{code[:1]} {code[1:7]} {code[7:]}"
    return code.zfill(13) if len(code) == 12 else code


def write_listings(ctx: SeedContext, plan: ModerationPlan, *, first_percent: int, last_percent: int) -> SalesIndex:
    rng, base, writer = ctx.rng, ctx.base, ctx.writer
    scale = ctx.scale
    listings, transactions = Listing.__table__, Transaction.__table__
    ledger = LedgerEntry.__table__
    factory = ListingFactory(rng)
    listing_base = writer.reserve(listings, scale.listings)
    sales = SalesIndex({state: [] for state in STATES})
    sale_number = 0
    report_every = max(1, scale.listings // 20)
    at = ctx.at
    member_id = ctx.member_id

    for index in range(scale.listings):
        if index % report_every == 0:
            done = index / scale.listings
            ctx.progress(first_percent + int((last_percent - first_percent) * done),
                         f"listings and sales {index:,}/{scale.listings:,}")
        listing_id = listing_base + index
        kind = plan.kinds[index]
        sale: tuple[str, list[tuple[str, float]], float, float] | None = None
        violation = None
        if kind == VIOLATION:
            planned = plan.violations[index]
            seller, ts = planned.seller, planned.ts
            violation = make_violation(rng, planned.policy)
            fields = {"title": violation.title, "description": violation.description, "category": violation.category,
                      "brand": violation.brand, "model_number": None, "barcode": None, "barcode_gtin": None,
                      "model_norm": None, "price": violation.price, "condition": rng.choice(catalog.CONDITIONS[:3])}
            if planned.actioned:
                status = "removed"
            else:
                status = "suspended" if violation.score >= 0.93 and rng.random() < 0.5 else "active"
        else:
            if kind == SALE:
                state = _state(ctx, sale_number)
                sale_number += 1
                steps = _ledger_plan(rng, state)
                last = _last_event_ts(ctx, state)
                created = last - sum(gap for _, gap in steps)
                ts = created - (rng.uniform(10 * MINUTE, 7 * DAY) if state in IN_FLIGHT else rng.uniform(HOUR, 30 * DAY))
                sale = (state, steps, created, last)
                status = LISTING_STATUS[state]
            else:
                ts = base - LISTING_WINDOW * rng.random() ** 1.6 - 10 * MINUTE
                status = "active"
            seller = ctx.pick_member(ts, skew=2.0)
            ts = max(ts, ctx.joined[seller] + MINUTE)
            lang = "en" if ctx.member_lang[seller] ^ (rng.random() < 0.1) else "ja"
            fields = factory.make(lang)
            if kind == FALSE_POSITIVE:
                fields["description"] += "\n" + FALSE_POSITIVES[plan.false_positives[index]][2]
        if status == "active" and ctx.member_status[seller] == 2:
            status = "suspended"  # a suspended member's listings are hidden with them
        created_at = at(ts)
        fields.update(id=listing_id, external_id=f"m{40_000_000_000 + listing_id}", seller_id=member_id(seller),
                      status=status, created_at=created_at, updated_at=created_at, version=1)
        writer.add(listings, fields)

        if violation is not None:
            write_violation_flags(ctx, listing_id, plan.violations[index], violation)
        elif kind == FALSE_POSITIVE:
            write_false_positive_flag(ctx, listing_id, plan.false_positives[index], fields["title"],
                                      fields["description"], ts)
        if sale is None:
            continue

        state, steps, created, last = sale
        created = max(created, ts + MINUTE)
        buyer = ctx.pick_member(created, avoid=seller)
        amount = fields["price"]
        tx_id = writer.reserve(transactions)
        event_ts = created
        entries: list[dict[str, Any]] = []
        received_ts = released_ts = None
        agent = ctx.agent() if any(kind == "dispute" for kind, _ in steps) else None
        for seq, (entry_kind, gap) in enumerate(steps, start=1):
            event_ts += gap
            money = amount if entry_kind in ("payment", "release", "refund") else 0
            label, staff = {"payment": "buyer", "shipped": "seller", "received": "buyer", "dispute": "buyer",
                            "cancel": "system", "refund": "system", "release": "system"}[entry_kind], None
            if agent is not None and entry_kind in ("release", "refund"):
                label, staff = ctx.staff_usernames[agent], agent
            note = _NOTES[entry_kind][0 if ctx.member_lang[buyer] else 1] if entry_kind in _NOTES else None
            entries.append({"id": writer.reserve(ledger), "transaction_id": tx_id, "seq": seq, "kind": entry_kind,
                            "amount": money, "actor_staff_id": staff, "actor_label": label, "note": note,
                            "created_at": at(event_ts)})
            if entry_kind == "received":
                received_ts = event_ts
            elif entry_kind == "release":
                released_ts = event_ts
        writer.add(transactions, {
            "id": tx_id, "listing_id": listing_id, "buyer_id": member_id(buyer), "seller_id": member_id(seller),
            "amount": amount, "fee": int(amount * FEE_RATE), "status": state, "created_at": at(created),
            "updated_at": at(event_ts), "version": 1,
        })
        for entry in entries:
            writer.add(ledger, entry)
        sales.by_state[state].append((tx_id, listing_id, buyer, seller, event_ts))
        if state in ("completed", "received") and received_ts is not None:
            _rate(ctx, tx_id, buyer, seller, "buyer_to_seller", received_ts, seller in ctx.poor_sellers)
            if state == "completed" and released_ts is not None:
                _rate(ctx, tx_id, seller, buyer, "seller_to_buyer", released_ts, False)
    ctx.progress(last_percent, f"listings and sales {scale.listings:,}/{scale.listings:,}")
    return sales


def _rate(ctx: SeedContext, tx_id: int, rater: int, ratee: int, direction: str, ts: float, poor: bool) -> None:
    rng = ctx.rng
    roll = rng.random()
    if poor:
        score = "bad" if roll < 0.55 else "normal" if roll < 0.8 else "good"
    elif direction == "buyer_to_seller":
        score = "good" if roll < 0.92 else "normal" if roll < 0.98 else "bad"
    else:
        score = "good" if roll < 0.95 else "normal" if roll < 0.99 else "bad"
    lang = "en" if ctx.member_lang[rater] else "ja"
    table = Rating.__table__
    ctx.writer.add(table, {"id": ctx.writer.reserve(table), "transaction_id": tx_id, "rater_id": ctx.member_id(rater),
                           "ratee_id": ctx.member_id(ratee), "direction": direction, "score": score,
                           "comment": rng.choice(RATING_COMMENTS[(lang, score)]), "created_at": ctx.at(ts)})
