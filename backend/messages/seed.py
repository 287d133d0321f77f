"""Demo messages: a few buyer ↔ seller threads per in-flight sale, in Japanese and
English, mostly ordinary (shipping, tracking numbers, thanks) and a handful that
break a policy, so the queue and the Transactions pane have something to show.

Written with the seed's bulk writer and its RNG, so output stays a pure function
of the seed. The large scale gets one short thread per ten sales.
"""

from __future__ import annotations

from typing import Any

from backend.messages.models import TransactionMessage

HOUR = 3600.0

# (sender, text) threads; {n} is a tracking number, {p} a price.
_ORDINARY = {
    0: [
        [("buyer", "はじめまして。購入させていただきました。よろしくお願いいたします。"),
         ("seller", "ご購入ありがとうございます。明日発送予定です。"),
         ("seller", "本日発送しました。追跡番号は{n}です。"),
         ("buyer", "届きました！丁寧な梱包ありがとうございました。評価しますね。")],
        [("buyer", "{p}円で購入しました。何日くらいで届きますか？"),
         ("seller", "2〜3日でお届けできる予定です。到着まで少々お待ちください。")],
        [("seller", "お問い合わせ番号 {n} でゆうパックにて発送しました。"),
         ("buyer", "ありがとうございます。受け取り後に評価させていただきます。")],
    ],
    1: [
        [("buyer", "Hi, just bought this. Could you ship it this week?"),
         ("seller", "Thanks for your order! Shipping tomorrow, tracking number {n}."),
         ("buyer", "Arrived today, exactly as described. Rated you good.")],
        [("buyer", "Is the {p} yen price including shipping?"),
         ("seller", "Yes, shipping is included. I will post it on Monday.")],
    ],
}
_VIOLATIONS = {
    0: [
        [("seller", "手数料がもったいないので、キャンセルして銀行振込でお願いできますか？その分お安くします。")],
        [("buyer", "LINEで直接やり取りしませんか？IDは kuma_shop77 です")],
        [("seller", "ゼロキューゼロのいちにさんよんのごろくななはち に電話ください")],
        [("seller", "この取引はキャンセルして、新しく出品し直すのでそちらで購入してください")],
        [("buyer", "まだ届かないんだけど。詐欺だろ、住所わかってるからな。")],
        [("seller", "評価を良いに変えないと、あなたのことをネットに晒します。")],
    ],
    1: [
        [("seller", "Can you pay me via PayPal friends and family instead? I'll take 10% off.")],
        [("buyer", "Text me at 080 4321 8765 and we can sort it out off the app.")],
        [("seller", "Please cancel this order, I'll relist it cheaper for you on another site.")],
        [("buyer", "You are a pathetic liar. Change my rating or I'll find where you live.")],
    ],
}


def write_messages(ctx: Any, sales: Any) -> int:
    table = TransactionMessage.__table__
    rng = ctx.rng
    in_flight = [sale for state in ("paid", "shipped", "received", "completed", "disputed")
                 for sale in sales.by_state.get(state, [])]
    every = 1 if ctx.scale.transactions <= 5_000 else 10
    written = 0
    violation_index = 0
    for number, (tx_id, listing_id, buyer, seller, event_ts) in enumerate(in_flight):
        if number % every:
            continue
        lang = ctx.member_lang[buyer] if buyer < len(ctx.member_lang) else 0
        violate = every == 1 and number % 23 == 5
        if violate:
            pool = _VIOLATIONS[lang]
            thread = pool[violation_index % len(pool)]
            violation_index += 1
        else:
            thread = rng.choice(_ORDINARY[lang])
        ts = event_ts - HOUR * len(thread)
        for sender, text in thread:
            ts += rng.uniform(0.2, 1.0) * HOUR
            text = text.format(n=f"{rng.randrange(10**11, 10**12)}", p=f"{rng.randrange(10, 300) * 100:,}")
            ctx.writer.add(table, {
                "id": ctx.writer.reserve(table), "external_id": None, "context": "transaction",
                "transaction_id": tx_id, "listing_id": listing_id,
                "sender_id": ctx.member_id(buyer if sender == "buyer" else seller), "text": text,
                "sent_at": ctx.at(ts), "created_at": ctx.at(ts)})
            written += 1
    return written
