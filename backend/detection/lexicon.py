"""Curated vocabulary shared by normalisation, brand matching and pricing.

This module is data only (no logic beyond tiny lookups) so that
``normalize`` can learn which words are worth de-obfuscating without importing
the matchers that themselves depend on ``normalize``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Canonical product categories used for price look-ups.
BAG, WALLET, WATCH, SHOES, APPAREL, JEWELRY, ACCESSORY, ELECTRONICS = (
    "bags", "wallets", "watches", "shoes", "apparel", "jewelry", "accessories", "electronics",
)

# Keywords (already in normalised form: casefolded, katakana) that map a free-text
# category or title onto a canonical category. Order matters: first hit wins,
# so the more specific words come first.
CATEGORY_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("財布", WALLET), ("wallet", WALLET), ("サイフ", WALLET), ("長財布", WALLET), ("purse", WALLET),
    ("腕時計", WATCH), ("時計", WATCH), ("watch", WATCH), ("ウォッチ", WATCH),
    ("スニーカー", SHOES), ("sneaker", SHOES), ("shoe", SHOES), ("靴", SHOES), ("シューズ", SHOES),
    ("バッグ", BAG), ("bag", BAG), ("tote", BAG), ("トート", BAG), ("鞄", BAG), ("カバン", BAG),
    ("リュック", BAG), ("backpack", BAG), ("ハンドバッグ", BAG),
    ("ネックレス", JEWELRY), ("necklace", JEWELRY), ("リング", JEWELRY), ("指輪", JEWELRY),
    ("ring", JEWELRY), ("ブレスレット", JEWELRY), ("bracelet", JEWELRY), ("ピアス", JEWELRY),
    ("earring", JEWELRY), ("jewel", JEWELRY), ("ジュエリー", JEWELRY), ("アクセサリー", ACCESSORY),
    ("accessor", ACCESSORY),
    ("イヤホン", ELECTRONICS), ("earbuds", ELECTRONICS), ("earphone", ELECTRONICS),
    ("airpods", ELECTRONICS), ("家電", ELECTRONICS), ("electronics", ELECTRONICS),
    ("ジャケット", APPAREL), ("jacket", APPAREL), ("ダウン", APPAREL), ("down", APPAREL),
    ("パーカー", APPAREL), ("hoodie", APPAREL), ("tシャツ", APPAREL), ("t-shirt", APPAREL),
    ("shirt", APPAREL), ("シャツ", APPAREL), ("服", APPAREL), ("apparel", APPAREL),
    ("clothing", APPAREL), ("ファッション", APPAREL), ("fashion", APPAREL), ("キャップ", ACCESSORY),
    ("ベルト", ACCESSORY), ("belt", ACCESSORY), ("スカーフ", ACCESSORY), ("scarf", ACCESSORY),
    ("サングラス", ACCESSORY), ("sunglasses", ACCESSORY),
)


@dataclass(frozen=True)
class Brand:
    """A frequently counterfeited brand.

    ``latin`` and ``kana`` hold aliases in normalised form (casefolded latin,
    katakana). ``prices`` are reference second-hand medians in JPY per canonical
    category.
    """

    key: str
    name: str
    latin: tuple[str, ...]
    kana: tuple[str, ...]
    prices: dict[str, int] = field(default_factory=dict)


BRANDS: tuple[Brand, ...] = (
    Brand("louis_vuitton", "Louis Vuitton", ("louis vuitton", "vuitton", "rui vuitton"),
          ("ルイヴィトン", "ルイ・ヴィトン", "ヴィトン", "ルイビトン", "ビトン"),
          {BAG: 150_000, WALLET: 45_000, ACCESSORY: 30_000, SHOES: 70_000}),
    Brand("chanel", "Chanel", ("chanel", "shaneru"), ("シャネル",),
          {BAG: 400_000, WALLET: 70_000, JEWELRY: 60_000, ACCESSORY: 40_000}),
    Brand("gucci", "Gucci", ("gucci", "gucchi"), ("グッチ",),
          {BAG: 100_000, WALLET: 35_000, SHOES: 50_000, ACCESSORY: 25_000}),
    Brand("hermes", "Hermes", ("hermes", "hermès", "erumesu"), ("エルメス",),
          {BAG: 900_000, WALLET: 120_000, ACCESSORY: 40_000, JEWELRY: 50_000}),
    Brand("rolex", "Rolex", ("rolex", "rorekkusu"), ("ロレックス",),
          {WATCH: 1_200_000}),
    Brand("omega", "Omega", ("omega",), ("オメガ",), {WATCH: 350_000}),
    Brand("cartier", "Cartier", ("cartier",), ("カルティエ",),
          {WATCH: 450_000, JEWELRY: 150_000}),
    Brand("patek_philippe", "Patek Philippe", ("patek philippe", "patek"),
          ("パテックフィリップ", "パテック"), {WATCH: 3_000_000}),
    Brand("audemars_piguet", "Audemars Piguet", ("audemars piguet",), ("オーデマピゲ",),
          {WATCH: 3_000_000}),
    Brand("nike", "Nike", ("nike", "naiki"), ("ナイキ",),
          {SHOES: 15_000, APPAREL: 5_000}),
    Brand("adidas", "Adidas", ("adidas",), ("アディダス",), {SHOES: 10_000, APPAREL: 4_000}),
    Brand("supreme", "Supreme", ("supreme",), ("シュプリーム",),
          {APPAREL: 15_000, BAG: 12_000, ACCESSORY: 8_000}),
    Brand("prada", "Prada", ("prada",), ("プラダ",), {BAG: 100_000, WALLET: 35_000}),
    Brand("dior", "Dior", ("dior", "christian dior"), ("ディオール",),
          {BAG: 250_000, WALLET: 60_000, ACCESSORY: 30_000}),
    Brand("tiffany", "Tiffany", ("tiffany",), ("ティファニー",), {JEWELRY: 30_000}),
    Brand("coach", "Coach", ("coach",), ("コーチ",), {BAG: 18_000, WALLET: 10_000}),
    Brand("moncler", "Moncler", ("moncler",), ("モンクレール", "モンクレ"),
          {APPAREL: 110_000}),
    Brand("balenciaga", "Balenciaga", ("balenciaga",), ("バレンシアガ",),
          {BAG: 100_000, SHOES: 60_000, APPAREL: 50_000}),
    Brand("saint_laurent", "Saint Laurent", ("saint laurent", "ysl"), ("サンローラン",),
          {BAG: 120_000, WALLET: 40_000}),
    Brand("fendi", "Fendi", ("fendi",), ("フェンディ",), {BAG: 120_000, WALLET: 40_000}),
    Brand("celine", "Celine", ("celine", "céline"), ("セリーヌ",),
          {BAG: 150_000, WALLET: 40_000}),
    Brand("bottega_veneta", "Bottega Veneta", ("bottega veneta", "bottega"),
          ("ボッテガヴェネタ", "ボッテガ"), {BAG: 150_000, WALLET: 40_000}),
    Brand("burberry", "Burberry", ("burberry",), ("バーバリー",),
          {APPAREL: 50_000, BAG: 60_000, ACCESSORY: 20_000}),
    Brand("goyard", "Goyard", ("goyard",), ("ゴヤール",), {BAG: 120_000, WALLET: 40_000}),
    Brand("chrome_hearts", "Chrome Hearts", ("chrome hearts",), ("クロムハーツ",),
          {JEWELRY: 70_000, APPAREL: 40_000}),
    Brand("off_white", "Off-White", ("off-white", "off white", "offwhite"), ("オフホワイト",),
          {APPAREL: 25_000, SHOES: 40_000}),
    Brand("north_face", "The North Face", ("north face", "the north face"), ("ノースフェイス",),
          {APPAREL: 18_000}),
    Brand("apple", "Apple AirPods", ("airpods",), ("エアーポッズ", "エアポッズ"),
          {ELECTRONICS: 18_000}),
)

# Signal words counterfeiters like to disguise (r3plica, c0py, ...). Together
# with the brand aliases they are the only targets for digit→letter undoing.
OBFUSCATION_TARGETS: tuple[str, ...] = (
    "replica", "copy", "fake", "super", "mirror", "grade", "rmt", "account", "stolen",
    "gift", "card", "bitcoin", "crypto", "knife", "taser", "viagra", "cialis",
    "スーパーコピー", "コピー", "レプリカ", "ニセモノ", "アカウント",
)


def vocabulary_words() -> tuple[frozenset[str], frozenset[str]]:
    """Return (latin words, kana words) that obfuscation undoing may produce."""
    latin: set[str] = set()
    kana: set[str] = set()
    for brand in BRANDS:
        for alias in brand.latin:
            latin.update(w for w in alias.replace("-", " ").split() if len(w) >= 3)
        kana.update(a.replace("・", "") for a in brand.kana if len(a) >= 3)
    for word in OBFUSCATION_TARGETS:
        (latin if word.isascii() else kana).add(word)
    return frozenset(latin), frozenset(kana)
