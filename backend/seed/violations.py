"""Listings that break the terms of use, and the reasons a detector gives.

Each template names the words that give it away (``terms``); after the text
is filled in, the reason spans are found in ``title + "\\n" + description``,
exactly the string the console highlights, so a span can never point at the
wrong characters.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

POLICIES: tuple[str, ...] = ("counterfeit", "medicine", "game_account", "stolen_goods", "weapon", "cash_equivalent")

POLICY_LABEL: dict[str, str] = {
    "counterfeit": "counterfeit goods", "medicine": "medicines / medical devices",
    "game_account": "game accounts / RMT", "stolen_goods": "possibly stolen goods",
    "weapon": "weapons", "cash_equivalent": "cash equivalents",
}


@dataclass(frozen=True)
class ViolationTemplate:
    policy: str
    lang: str
    category: str
    title: str
    description: str
    terms: tuple[str, ...]
    price: tuple[int, int]
    brand: str | None = None


# Obfuscated brand spellings counterfeiters use to dodge keyword filters.
OBFUSCATED_BRANDS: tuple[tuple[str, str], ...] = (
    ("Louis Vuitton", "L0UIS VUITT0N"), ("Louis Vuitton", "ルイヴィ〇ン"), ("Louis Vuitton", "ヴィ卜ン"),
    ("Rolex", "ロレ○クス"), ("Rolex", "R0LEX"), ("Rolex", "ロレッ クス"), ("Chanel", "シャ★ネル"), ("Chanel", "CHANEI"),
    ("Nike", "ナ イ キ"), ("Nike", "N1KE"), ("Hermes", "エル〇ス"), ("Gucci", "GUCC1"),
)

_T = ViolationTemplate
TEMPLATES: tuple[ViolationTemplate, ...] = (
    # counterfeit: {brand} is replaced by a real or obfuscated brand spelling
    _T("counterfeit", "ja", "bags", "{brand} モノグラム バッグ スーパーコピー N級品",
       "最高級のN級品です。本物と見分けがつきません。刻印もしっかり入っています。箱・保存袋付き。", ("スーパーコピー", "N級品", "本物と見分けがつきません"),
       (8_000, 25_000)),
    _T("counterfeit", "ja", "watches", "{brand} サブマリーナー 自動巻き 高品質",
       "海外工場の正規品と同じ素材で作られたレプリカです。ノーブランド扱いでお願いします。", ("レプリカ", "ノーブランド扱い"), (15_000, 40_000)),
    _T("counterfeit", "ja", "sneakers", "{brand} エアジョーダン1 激安 コピー品",
       "中国製の高品質コピー品です。サイズ27cm。気にならない方のみ購入してください。", ("コピー品", "激安"), (4_000, 9_000)),
    _T("counterfeit", "en", "bags", "{brand} Classic Flap Bag AAA replica 1:1",
       "Mirror quality super copy, identical to authentic. Comes with dust bag, no receipt.", ("replica", "Mirror quality", "super copy"),
       (9_000, 30_000)),
    _T("counterfeit", "en", "watches", "{brand} Daytona homage watch, looks 100% real",
       "Fake but nobody can tell. Automatic movement, sapphire glass.", ("Fake", "looks 100% real"), (12_000, 35_000)),
    # medicine: OTC and prescription drugs, contact lenses
    _T("medicine", "ja", "beauty", "ロキソニンS 12錠 5箱まとめ売り", "第1類医薬品です。期限は来年までです。頭痛の時にどうぞ。",
       ("ロキソニンS", "第1類医薬品"), (2_000, 4_000)),
    _T("medicine", "ja", "beauty", "処方薬 デパス 余ったので譲ります", "病院で処方された薬が余ったので出品します。眠れない方に。",
       ("処方薬", "デパス", "処方された薬"), (3_000, 8_000)),
    _T("medicine", "ja", "beauty", "カラコン 度あり ワンデー 30枚 2箱", "度数-3.00、開封済み1箱と未開封1箱です。コンタクトレンズ。",
       ("カラコン", "度あり", "コンタクトレンズ"), (1_500, 3_500)),
    _T("medicine", "en", "beauty", "Viagra 100mg 20 tablets", "Genuine pills from overseas pharmacy, no prescription needed.",
       ("Viagra", "no prescription needed"), (5_000, 12_000)),
    _T("medicine", "en", "beauty", "Daily contact lenses -2.50, 3 boxes", "Acuvue daily contact lenses, unopened boxes.",
       ("contact lenses",), (3_000, 6_000)),
    # game accounts, RMT, boosting
    _T("game_account", "ja", "games", "原神 アカウント販売 AR60 限定キャラ多数", "引退するのでアカウントを譲渡します。ログイン情報を取引メッセージで送ります。",
       ("アカウント販売", "アカウントを譲渡", "ログイン情報"), (8_000, 40_000)),
    _T("game_account", "ja", "games", "パズドラ 魔法石 3000個 RMT 即納", "RMTです。魔法石をすぐにお届けします。", ("RMT", "魔法石"), (3_000, 12_000)),
    _T("game_account", "ja", "games", "ウマ娘 引退垢 リセマラ 代行", "リセマラ代行、ランク上げ代行承ります。", ("引退垢", "リセマラ", "代行"), (1_000, 5_000)),
    _T("game_account", "en", "games", "Fortnite account with rare skins (OG)", "Full access account, email changeable. Renegade Raider.",
       ("Fortnite account", "Full access account"), (10_000, 50_000)),
    _T("game_account", "en", "games", "Valorant rank boosting to Immortal", "Fast boosting service by pro players, duo queue available.",
       ("boosting",), (5_000, 20_000)),
    # stolen goods
    _T("stolen_goods", "ja", "outdoor", "ロードバイク 鍵なし 防犯登録なし 格安", "拾ったものですが乗れます。出所は聞かないでください。",
       ("鍵なし", "防犯登録なし", "拾ったもの", "出所は聞かないで"), (5_000, 15_000)),
    _T("stolen_goods", "ja", "electronics", "iPhone 15 新品 箱なし 大量在庫 レシートなし",
       "訳あり品のため格安です。まとめて10台あります。アクティベーションロックあり。", ("レシートなし", "大量在庫", "アクティベーションロック"),
       (30_000, 50_000)),
    _T("stolen_goods", "en", "tools", "Makita impact drivers x6, no questions asked",
       "Fell off a truck, brand new, no receipt. Cash only deals preferred.", ("no questions asked", "Fell off a truck", "no receipt"),
       (15_000, 30_000)),
    # weapons
    _T("weapon", "ja", "outdoor", "サバイバルナイフ 刃渡り20cm", "護身用にどうぞ。鞘付き。", ("サバイバルナイフ", "刃渡り20cm", "護身用"),
       (3_000, 9_000)),
    _T("weapon", "ja", "tools", "スタンガン 100万ボルト 護身用", "強力なスタンガンです。充電式。", ("スタンガン", "護身用"), (2_000, 6_000)),
    _T("weapon", "ja", "toys", "エアガン 改造済み 威力アップ", "規制値以上に改造してあります。自己責任で。", ("改造済み", "規制値以上"), (8_000, 25_000)),
    _T("weapon", "en", "outdoor", "Switchblade knife, automatic opening", "Spring assisted switchblade, 10cm blade.", ("Switchblade", "switchblade"),
       (4_000, 10_000)),
    _T("weapon", "en", "tools", "Brass knuckles, solid steel", "Heavy brass knuckles for self defense.", ("Brass knuckles", "brass knuckles"),
       (2_000, 5_000)),
    # cash equivalents
    _T("cash_equivalent", "ja", "cards_tickets", "Amazonギフト券 5000円分 コード送信", "購入後すぐにギフトコードを取引メッセージで送ります。",
       ("Amazonギフト券", "ギフトコード"), (5_200, 5_800)),
    _T("cash_equivalent", "ja", "cards_tickets", "現金 10,000円 一万円札", "現金を出品します。新札です。", ("現金", "一万円札"), (11_000, 13_000)),
    _T("cash_equivalent", "ja", "cards_tickets", "チャージ済み Suica 残高5000円", "残高5000円入ったSuicaです。", ("チャージ済み", "残高5000円"),
       (5_300, 6_000)),
    _T("cash_equivalent", "en", "cards_tickets", "Google Play gift card code $50", "Code sent by message right after purchase.",
       ("gift card code", "Code sent by message"), (7_000, 8_500)),
    _T("cash_equivalent", "en", "cards_tickets", "Bitcoin 0.001 BTC transfer", "I will send crypto to your wallet address.", ("Bitcoin", "crypto"),
       (9_000, 15_000)),
)

_BY_POLICY: dict[str, tuple[ViolationTemplate, ...]] = {
    p: tuple(t for t in TEMPLATES if t.policy == p) for p in POLICIES
}
COUNTERFEIT_BRANDS: tuple[str, ...] = ("Louis Vuitton", "Chanel", "Rolex", "Nike", "Hermes", "Gucci")


@dataclass(frozen=True)
class Violation:
    title: str
    description: str
    category: str
    brand: str | None
    price: int
    reasons: list[dict[str, Any]]
    score: float


def make_violation(rng: random.Random, policy: str) -> Violation:
    """A rule-breaking listing of ``policy`` and the detector's reasons for flagging it."""
    template = rng.choice(_BY_POLICY[policy])
    brand = None
    title = template.title
    terms = list(template.terms)
    if "{brand}" in title:
        brand = rng.choice(COUNTERFEIT_BRANDS)
        spelled = brand
        if rng.random() < 0.5:
            options = [o for b, o in OBFUSCATED_BRANDS if b == brand]
            if options:
                spelled = rng.choice(options)
                terms.append(spelled)
        title = title.format(brand=spelled)
    description = template.description
    text = f"{title}\n{description}"
    reasons = []
    for term in terms:
        start = text.find(term)
        if start < 0:
            continue
        where = "title" if start < len(title) else "description"
        obfuscated = brand is not None and term not in template.terms
        human = (f"Obfuscated brand spelling “{term}” ({brand}) in the {where}" if obfuscated
                 else f"“{term}” in the {where} suggests {POLICY_LABEL[policy]}")
        reasons.append({"signal": "rule", "policy": policy, "text": human, "spans": [[start, start + len(term)]]})
    score = round(min(0.99, rng.uniform(0.6, 0.9) + 0.03 * len(reasons)), 3)
    low, high = template.price
    return Violation(title, description, template.category, brand, rng.randrange(low, high + 1, 100), reasons, score)


# A benign sentence containing a trigger word: the detector's false positives, later dismissed.
FALSE_POSITIVES: tuple[tuple[str, str, str], ...] = (
    ("counterfeit", "コピー品", "※コピー品ではありません。正規店で購入、レシートあります。"),
    ("counterfeit", "replica", "Not a replica: bought at the boutique, receipt and card included."),
    ("medicine", "コンタクトレンズ", "コンタクトレンズケースもおまけで付けます（未使用）。"),
    ("cash_equivalent", "gift card", "Comes with the original gift card envelope (no value on it)."),
    ("game_account", "アカウント", "ゲームのアカウントは付属しません。本体のみです。"),
)

DISMISS_REASONS: tuple[str, ...] = (
    "Authentic item: receipt and serial shown in photos", "Benign mention; item itself is fine",
    "正規品と確認。レシート画像あり", "誤検知：付属品の説明のみ",
)
ACTION_REASONS: tuple[str, ...] = (
    "Clear policy violation; listing removed", "Seller admits replica in messages", "規約違反のため削除",
    "権利者からの通知に基づき削除",
)
MEMBER_REPORT_TEXTS: tuple[str, ...] = (
    "偽物だと思います。ロゴの形が違います。", "This looks fake, stitching is off.", "医薬品の出品は禁止ではないですか？",
    "Seller asked me to pay outside the app.", "盗品の可能性があります。", "ゲームアカウントの販売です。",
)
RIGHTS_HOLDER_TEXTS: tuple[str, ...] = (
    "Brand protection notice: item is not a genuine product (trademark infringement).",
    "権利者通知：当社の商標を無断使用した模倣品です。",
)
