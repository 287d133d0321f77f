"""What members and agents write: rating comments and support threads (JA/EN).

Templates are keyed by language so a member who writes in Japanese gets a
Japanese thread; ``{item}`` and ``{order}`` are filled per inquiry.
"""

from __future__ import annotations

RATING_COMMENTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("ja", "good"): ("迅速丁寧な対応ありがとうございました。", "とても綺麗な状態で届きました。また機会があればよろしくお願いします。",
                     "スムーズなお取引ありがとうございました。", "丁寧な梱包で安心しました。", ""),
    ("ja", "normal"): ("商品は届きましたが、発送まで少し時間がかかりました。", "説明より少し使用感がありました。", ""),
    ("ja", "bad"): ("連絡なしで発送が一週間遅れました。", "説明にない傷がありました。残念です。", "梱包が雑で箱が潰れていました。",
                    "受取評価をなかなかしてもらえませんでした。"),
    ("en", "good"): ("Fast shipping, item exactly as described. Thanks!", "Great seller, well packed.", "Smooth transaction.", ""),
    ("en", "normal"): ("Item OK but shipping was slow.", "A bit more worn than the photos showed.", ""),
    ("en", "bad"): ("Shipped a week late with no message.", "Damage not mentioned in the listing.", "Poor packaging, box crushed.",
                    "Took ages to confirm receipt."),
}

SUBJECTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("ja", "item_not_received"): ("商品が届きません", "発送通知から1週間経っても届きません", "追跡番号が更新されません"),
    ("ja", "not_as_described"): ("説明と違う商品が届きました", "説明にない傷がありました", "偽物ではないかと思います"),
    ("ja", "payment"): ("支払いが反映されません", "二重に請求されています", "売上金の振込について"),
    ("ja", "account"): ("アカウントが利用制限されました", "ログインできません", "登録メールアドレスを変更したい"),
    ("ja", "other"): ("出品方法について", "購入者と連絡が取れません", "取引キャンセルの方法を教えてください"),
    ("en", "item_not_received"): ("Item not received", "Tracking hasn't updated for a week", "Order marked shipped but nothing arrived"),
    ("en", "not_as_described"): ("Item not as described", "Received a damaged item", "I think this item is fake"),
    ("en", "payment"): ("Payment not showing", "Charged twice", "When will I get my sales proceeds?"),
    ("en", "account"): ("My account was restricted", "Can't log in", "Change my registered email"),
    ("en", "other"): ("How do I edit my listing?", "Buyer not responding", "How do I cancel a transaction?"),
}

MEMBER_OPENING: dict[str, tuple[str, ...]] = {
    "ja": ("商品{item}について問い合わせます。{subject}。取引番号は{order}です。確認をお願いします。",
           "{subject}。出品者にメッセージを送りましたが返信がありません。どうすればいいですか？（取引{order}）",
           "お世話になっております。{subject}。至急対応をお願いします。"),
    "en": ("About item {item}: {subject}. Order {order}. Please check.",
           "{subject}. I messaged the other party but got no reply. What should I do? (order {order})",
           "Hello. {subject}. Please help as soon as possible."),
}
MEMBER_FOLLOW_UP: dict[str, tuple[str, ...]] = {
    "ja": ("写真を添付しました。よろしくお願いします。", "ご対応ありがとうございます。承知しました。", "まだ解決していません。"),
    "en": ("I've attached photos.", "Thanks, understood.", "This still isn't solved."),
}
AGENT_REPLY: dict[str, tuple[str, ...]] = {
    "ja": ("お問い合わせいただきありがとうございます。担当の{agent}です。現在、取引状況を確認しております。",
           "ご不便をおかけして申し訳ございません。{agent}が確認いたします。"),
    "en": ("Thank you for contacting us. This is {agent}; we are checking the transaction now.",
           "Sorry for the trouble. {agent} here, I'm looking into it."),
}
AGENT_ASK: dict[str, tuple[str, ...]] = {
    "ja": ("恐れ入りますが、商品の状態がわかる写真をお送りいただけますか。", "お手数ですが、ご登録のメールアドレスをご確認いただけますか。"),
    "en": ("Could you send photos showing the item's condition?", "Could you confirm the email address on your account?"),
}
AGENT_RESOLVE: dict[str, tuple[str, ...]] = {
    "ja": ("確認の結果、お支払い金額を返金いたしました。", "出品者に発送を依頼し、配送済みとなりました。", "ご案内の通り設定が完了しました。ありがとうございました。"),
    "en": ("We have refunded the payment to you.", "The seller has now shipped; tracking is updated.", "All set as described. Thank you!"),
}
INTERNAL_NOTES: tuple[str, ...] = (
    "出品者の過去取引に同様のクレームあり。要注意。", "Checked carrier tracking: stuck at depot since Monday.",
    "Escalated to payments team.", "本人確認書類の再提出待ち。", "Possible fraud ring, see related accounts.",
)
