"""What ordinary listings look like: categories, brands, products and prices.

The catalogue is static data so that generated listings are believable
(a Rolex costs a million yen, a Pigeon baby bottle a thousand) and so that
products carry stable model numbers and valid JAN/EAN/UPC barcodes: many
listings share one product, which is what recall matching looks for.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass

# Listing.condition codes, best to worst (Mercari's six grades), with how sellers say them.
CONDITIONS: tuple[str, ...] = ("new", "like_new", "good", "fair", "poor", "bad")
CONDITION_WEIGHTS: tuple[int, ...] = (18, 22, 30, 18, 9, 3)
CONDITION_JA: dict[str, str] = {
    "new": "新品、未使用", "like_new": "未使用に近い", "good": "目立った傷や汚れなし",
    "fair": "やや傷や汚れあり", "poor": "傷や汚れあり", "bad": "全体的に状態が悪い",
}
CONDITION_EN: dict[str, str] = {
    "new": "brand new, unused", "like_new": "like new", "good": "good, no visible marks",
    "fair": "some signs of use", "poor": "visible wear", "bad": "heavily used / for parts",
}
# Seller-side price haircut per condition: a worn item sells nearer the bottom of its range.
CONDITION_PRICE: dict[str, float] = {"new": 1.0, "like_new": 0.9, "good": 0.75, "fair": 0.6, "poor": 0.45, "bad": 0.3}


@dataclass(frozen=True)
class Product:
    """One kind of item that many sellers list.

    ``gtin_prefix`` is the GS1 company prefix printed on the box; products
    without one (bags, watches, clothes) have no barcode in real listings
    either. ``upc`` products carry 12-digit UPC-A codes (US makers).
    """

    category: str
    brand: str | None
    brand_ja: str | None
    name_ja: str
    name_en: str
    price: tuple[int, int]
    models: tuple[str, ...] = ()
    gtin_prefix: str | None = None
    upc: bool = False

    def barcode(self, model_index: int) -> str | None:
        """A stable, check-digit-valid code for one model of this product (cached: a
        million listings share a few hundred codes)."""
        return _barcode(self, model_index)


@functools.cache
def _barcode(product: Product, model_index: int) -> str | None:
    if product.gtin_prefix is None:
        return None
    key = f"{product.brand}|{product.name_en}|{product.models[model_index] if product.models else ''}"
    length = 11 if product.upc else 12
    item_digits = length - len(product.gtin_prefix)
    item = zlib.crc32(key.encode()) % (10 ** item_digits)
    body = f"{product.gtin_prefix}{item:0{item_digits}d}"
    return body + check_digit(body)


def check_digit(body: str) -> str:
    """GS1 mod-10 check digit (the same rule for EAN-8/13, UPC-A and GTIN-14)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def _p(category: str, brand: str | None, brand_ja: str | None, name_ja: str, name_en: str,
       price: tuple[int, int], models: tuple[str, ...] = (), gtin: str | None = None, upc: bool = False) -> Product:
    return Product(category, brand, brand_ja, name_ja, name_en, price, models, gtin, upc)


# Category codes stored in Listing.category.
CATEGORIES: tuple[str, ...] = (
    "bags", "fashion", "watches", "sneakers", "electronics", "appliances", "games", "toys", "books",
    "kitchen", "beauty", "baby", "outdoor", "tools", "cards_tickets",
)

PRODUCTS: tuple[Product, ...] = (
    # bags / fashion (no barcodes: sellers never have them)
    _p("bags", "Louis Vuitton", "ルイヴィトン", "ネヴァーフル MM モノグラム トートバッグ", "Neverfull MM Monogram tote",
       (80_000, 180_000), ("M40995", "M41177")),
    _p("bags", "Louis Vuitton", "ルイヴィトン", "スピーディ 30 ハンドバッグ", "Speedy 30 handbag", (45_000, 110_000), ("M41108",)),
    _p("bags", "Louis Vuitton", "ルイヴィトン", "ジッピーウォレット 長財布", "Zippy Wallet long wallet", (30_000, 85_000), ("M42616",)),
    _p("bags", "Chanel", "シャネル", "マトラッセ チェーンショルダーバッグ", "Matelasse chain shoulder bag",
       (280_000, 900_000), ("A01112", "A69900")),
    _p("bags", "Chanel", "シャネル", "ココマーク 二つ折り財布", "CC bifold wallet", (40_000, 120_000), ("AP0232",)),
    _p("bags", "Gucci", "グッチ", "GGマーモント ショルダーバッグ", "GG Marmont shoulder bag", (70_000, 160_000), ("443497",)),
    _p("bags", "Coach", "コーチ", "シグネチャー トートバッグ", "Signature tote", (8_000, 25_000), ("F58292",)),
    _p("fashion", "Uniqlo", "ユニクロ", "ウルトラライトダウンジャケット", "Ultra Light Down jacket", (1_500, 4_000)),
    _p("fashion", "Uniqlo", "ユニクロ", "ヒートテック クルーネックT 3枚セット", "Heattech crew neck tee x3", (800, 2_000)),
    _p("fashion", "Muji", "無印良品", "オーガニックコットン シャツ", "Organic cotton shirt", (900, 2_500)),
    _p("fashion", "The North Face", "ノースフェイス", "ヌプシジャケット", "Nuptse jacket", (22_000, 40_000), ("ND92335",)),
    _p("fashion", "Burberry", "バーバリー", "トレンチコート", "Trench coat", (35_000, 120_000)),
    # watches
    _p("watches", "Rolex", "ロレックス", "サブマリーナー デイト", "Submariner Date", (1_400_000, 2_300_000), ("126610LN", "116610LN")),
    _p("watches", "Rolex", "ロレックス", "デイトジャスト 36", "Datejust 36", (1_000_000, 1_800_000), ("126234", "116234")),
    _p("watches", "Rolex", "ロレックス", "GMTマスターII", "GMT-Master II", (2_200_000, 3_300_000), ("126710BLRO",)),
    _p("watches", "Omega", "オメガ", "スピードマスター プロフェッショナル", "Speedmaster Professional",
       (500_000, 900_000), ("310.30.42.50.01.001",)),
    _p("watches", "Seiko", "セイコー", "プレザージュ 自動巻き", "Presage automatic", (20_000, 60_000), ("SARY189", "SRPB43J1")),
    _p("watches", "Casio", "カシオ", "G-SHOCK 電波ソーラー", "G-SHOCK solar radio watch", (8_000, 20_000),
       ("GW-M5610U-1JF", "GA-2100-1A1JF"), "4549526"),
    _p("watches", "Apple", "アップル", "Apple Watch Series 9 GPS 45mm", "Apple Watch Series 9 GPS 45mm",
       (35_000, 55_000), ("MR9A3J/A",), "194253", upc=True),
    # sneakers
    _p("sneakers", "Nike", "ナイキ", "エアジョーダン1 レトロ ハイ OG", "Air Jordan 1 Retro High OG", (15_000, 45_000),
       ("DZ5485-612", "555088-134")),
    _p("sneakers", "Nike", "ナイキ", "ダンク ロー レトロ パンダ", "Dunk Low Retro Panda", (9_000, 18_000), ("DD1391-100",)),
    _p("sneakers", "Nike", "ナイキ", "エアマックス90", "Air Max 90", (8_000, 16_000), ("CN8490-100",)),
    _p("sneakers", "New Balance", "ニューバランス", "990v6", "990v6", (20_000, 35_000), ("M990GL6",)),
    _p("sneakers", "adidas", "アディダス", "サンバ OG", "Samba OG", (9_000, 16_000), ("B75806",)),
    # electronics (barcodes and model numbers: the recall-matching core)
    _p("electronics", "Sony", "ソニー", "ワイヤレスノイズキャンセリングヘッドホン", "wireless noise cancelling headphones",
       (22_000, 42_000), ("WH-1000XM5", "WH-1000XM4"), "4548736"),
    _p("electronics", "Sony", "ソニー", "ミラーレス一眼 α7 IV ボディ", "Alpha 7 IV mirrorless body", (220_000, 290_000),
       ("ILCE-7M4",), "4548736"),
    _p("electronics", "Apple", "アップル", "AirPods Pro 第2世代", "AirPods Pro (2nd generation)", (18_000, 30_000),
       ("MTJV3J/A", "MQD83J/A"), "194253", upc=True),
    _p("electronics", "Apple", "アップル", "iPhone 15 128GB SIMフリー", "iPhone 15 128GB unlocked", (80_000, 115_000),
       ("MTML3J/A",), "194253", upc=True),
    _p("electronics", "Apple", "アップル", "MacBook Air M2 13インチ", "MacBook Air M2 13-inch", (90_000, 140_000),
       ("MLY33J/A",), "194252", upc=True),
    _p("electronics", "Anker", "アンカー", "モバイルバッテリー PowerCore 10000", "PowerCore 10000 power bank",
       (2_000, 4_000), ("A1263", "A1229"), "848061", upc=True),
    _p("electronics", "Anker", "アンカー", "充電器 Nano 65W", "Nano 65W charger", (2_500, 5_000), ("A2637",), "194644", upc=True),
    _p("electronics", "Anker", "アンカー", "Soundcore Liberty 4 ワイヤレスイヤホン", "Soundcore Liberty 4 earbuds",
       (8_000, 13_000), ("A3953",), "194644", upc=True),
    _p("electronics", "Canon", "キヤノン", "EOS R6 Mark II ボディ", "EOS R6 Mark II body", (250_000, 320_000),
       ("EOSR6MK2",), "4549292"),
    _p("electronics", "Canon", "キヤノン", "単焦点レンズ EF50mm F1.8 STM", "EF 50mm f/1.8 STM lens", (12_000, 18_000),
       ("EF50F1.8STM",), "4549292"),
    _p("electronics", "Canon", "キヤノン", "インクジェットプリンター PIXMA", "PIXMA inkjet printer", (9_000, 18_000),
       ("TS8530",), "4549292"),
    _p("electronics", "Panasonic", "パナソニック", "コードレス電話機", "cordless phone", (4_000, 9_000), ("VE-GD27DL",), "4549980"),
    # appliances
    _p("appliances", "Balmuda", "バルミューダ", "ザ・トースター", "The Toaster", (18_000, 26_000), ("K05A-BK", "K05A-WH"), "4560330"),
    _p("appliances", "Balmuda", "バルミューダ", "ザ・ポット 電気ケトル", "The Pot electric kettle", (8_000, 13_000),
       ("K07A-BK",), "4560330"),
    _p("appliances", "Balmuda", "バルミューダ", "グリーンファン 扇風機", "GreenFan", (25_000, 36_000), ("EGF-1800-WK",), "4560330"),
    _p("appliances", "Panasonic", "パナソニック", "ヘアードライヤー ナノケア", "nanocare hair dryer", (18_000, 30_000),
       ("EH-NA0J-A", "EH-NA0G-P"), "4549980"),
    _p("appliances", "Panasonic", "パナソニック", "IHジャー炊飯器 5.5合", "IH rice cooker 5.5 cups", (25_000, 45_000),
       ("SR-VSX101-K",), "4549980"),
    _p("appliances", "Dyson", "ダイソン", "コードレスクリーナー V12", "V12 cordless vacuum", (40_000, 65_000), ("SV46",), "5025155"),
    _p("appliances", "Muji", "無印良品", "超音波うるおいアロマディフューザー", "ultrasonic aroma diffuser", (2_500, 5_000),
       ("MJ-UAD1",), "4550002"),
    # games
    _p("games", "Nintendo", "任天堂", "Nintendo Switch 有機ELモデル", "Nintendo Switch OLED", (28_000, 38_000),
       ("HEG-S-KAAAA", "HEG-S-KABAA"), "4902370"),
    _p("games", "Nintendo", "任天堂", "Nintendo Switch Lite", "Nintendo Switch Lite", (14_000, 20_000), ("HDH-S-GAZAA",), "4902370"),
    _p("games", "Nintendo", "任天堂", "ゼルダの伝説 ティアーズ オブ ザ キングダム", "Zelda: Tears of the Kingdom",
       (4_500, 6_500), ("HAC-P-AXN7A",), "4902370"),
    _p("games", "Nintendo", "任天堂", "マリオカート8 デラックス", "Mario Kart 8 Deluxe", (4_000, 5_500), ("HAC-P-AABPA",), "4902370"),
    _p("games", "Pokemon", "ポケモン", "ポケットモンスター スカーレット", "Pokemon Scarlet", (3_800, 5_500), ("HAC-P-ALZXA",), "4902370"),
    _p("games", "Sony", "ソニー", "PlayStation 5 本体", "PlayStation 5 console", (48_000, 70_000),
       ("CFI-2000A01", "CFI-1200A01"), "4948872"),
    # toys
    _p("toys", "Pokemon", "ポケモン", "ポケモンセンター ぬいぐるみ ピカチュウ", "Pokemon Center Pikachu plush", (1_500, 5_000),
       (), "4521329"),
    _p("toys", "LEGO", "レゴ", "レゴ アイコン ライオンナイトの城", "LEGO Icons Lion Knights' Castle", (38_000, 55_000),
       ("10305",), "5702017"),
    _p("toys", "Bandai", "バンダイ", "RG 1/144 RX-78-2 ガンダム ガンプラ", "RG 1/144 RX-78-2 Gundam model kit", (2_000, 4_500),
       (), "4573102"),
    _p("toys", "Epoch", "エポック社", "シルバニアファミリー 赤い屋根の大きなお家", "Sylvanian Families red roof house",
       (4_000, 8_000), ("HA-48",), "4905040"),
    # books (ISBN-13 is an EAN-13 in the 978 "Bookland" prefix)
    _p("books", "Shueisha", "集英社", "ONE PIECE 1〜107巻 全巻セット", "ONE PIECE vol.1-107 complete set", (20_000, 32_000),
       (), "9784088"),
    _p("books", "Shueisha", "集英社", "呪術廻戦 全巻セット", "Jujutsu Kaisen complete set", (6_000, 10_000), (), "9784088"),
    _p("books", "Shinchosha", "新潮社", "村上春樹 街とその不確かな壁", "Haruki Murakami, The City and Its Uncertain Walls",
       (900, 1_800), (), "9784103"),
    _p("books", "Penguin", "ペンギン", "Atomic Habits 洋書", "Atomic Habits (paperback)", (1_200, 2_500), (), "9780735"),
    # kitchen
    _p("kitchen", "Le Creuset", "ル・クルーゼ", "ココット・ロンド 20cm", "Cocotte Ronde 20cm", (14_000, 26_000), ("21177-20",), "3614190"),
    _p("kitchen", "T-fal", "ティファール", "インジニオ・ネオ フライパン 9点セット", "Ingenio Neo 9-piece pan set", (5_000, 10_000),
       ("L38893",), "3168430"),
    _p("kitchen", "Zojirushi", "象印", "ステンレスマグ 480ml", "stainless mug 480ml", (1_800, 3_500), ("SM-ZB48-BA",), "4974305"),
    _p("kitchen", "Muji", "無印良品", "ステンレス 保存容器", "stainless storage container", (800, 2_000), (), "4550344"),
    # beauty
    _p("beauty", "SK-II", "エスケーツー", "フェイシャル トリートメント エッセンス 230ml", "Facial Treatment Essence 230ml",
       (14_000, 23_000), (), "4979006"),
    _p("beauty", "Shiseido", "資生堂", "アルティミューン パワライジング コンセントレート 50ml", "Ultimune Power Infusing Concentrate 50ml",
       (8_000, 12_500), (), "4514254"),
    _p("beauty", "Dior", "ディオール", "ソヴァージュ オードゥトワレ 100ml", "Sauvage eau de toilette 100ml", (9_000, 14_000),
       (), "3348901"),
    _p("beauty", "Panasonic", "パナソニック", "スチーマー ナノケア", "nanocare facial steamer", (20_000, 30_000),
       ("EH-SA0B-N",), "4549980"),
    # baby goods (recalls are common here)
    _p("baby", "Combi", "コンビ", "ベビーカー スゴカルα 4キャス エッグショック", "Sugocal Alpha 4-caster stroller",
       (18_000, 40_000), ("AU-500", "AU-300"), "4972990"),
    _p("baby", "Combi", "コンビ", "ハイローチェア ネムリラ", "Nemulila high-low chair", (12_000, 28_000), ("BEDi-EG",), "4972990"),
    _p("baby", "Pigeon", "ピジョン", "母乳実感 哺乳びん 240ml", "Bonyu Jikkan baby bottle 240ml", (700, 1_600), (), "4902508"),
    _p("baby", "Pigeon", "ピジョン", "電動さく乳器 母乳アシスト", "electric breast pump", (8_000, 15_000), ("1026695",), "4902508"),
    _p("baby", "Aprica", "アップリカ", "ベビーカー ラクーナ クッション", "Luxuna Cushion stroller", (15_000, 32_000),
       ("2121592",), "4969220"),
    _p("baby", "Ergobaby", "エルゴベビー", "抱っこ紐 OMNI 360", "OMNI 360 baby carrier", (9_000, 18_000), ("BCS360BLK",), "0810117",
       upc=True),
    # outdoor
    _p("outdoor", "Snow Peak", "スノーピーク", "チタンシングルマグ 450", "Titanium single mug 450", (2_500, 4_000), ("MG-143",), "4960480"),
    _p("outdoor", "Snow Peak", "スノーピーク", "アメニティドーム M", "Amenity Dome M tent", (25_000, 36_000), ("SDE-001RH",), "4960480"),
    _p("outdoor", "Coleman", "コールマン", "パワーハウス ツーバーナー", "Powerhouse two-burner stove", (8_000, 13_000),
       ("413H",), "4992826"),
    # tools
    _p("tools", "Makita", "マキタ", "充電式インパクトドライバ 18V", "18V cordless impact driver", (35_000, 55_000),
       ("TD173DRGX", "TD172DRGX"), "0088381"),
    _p("tools", "Makita", "マキタ", "充電式クリーナー", "cordless stick vacuum", (8_000, 13_000), ("CL107FDSHW",), "0088381"),
    _p("tools", "HiKOKI", "ハイコーキ", "コードレス丸のこ 36V", "36V cordless circular saw", (30_000, 48_000), ("C3606DA",), "4966376"),
    # cards & tickets (the legitimate kind: trading cards, shareholder coupons)
    _p("cards_tickets", "Pokemon", "ポケモン", "ポケモンカード 151 BOX シュリンク付き 未開封", "Pokemon Card 151 booster box (sealed)",
       (14_000, 26_000), (), "4521329"),
    _p("cards_tickets", "Pokemon", "ポケモン", "ポケモンカード リザードンex SAR", "Pokemon Card Charizard ex SAR", (3_000, 30_000)),
    _p("cards_tickets", "Konami", "コナミ", "遊戯王 ブルーアイズ・ホワイト・ドラゴン レリーフ", "Yu-Gi-Oh! Blue-Eyes White Dragon ultimate rare",
       (2_000, 25_000)),
    _p("cards_tickets", "JAL", "日本航空", "JAL 株主優待券 1枚", "JAL shareholder discount coupon", (2_500, 4_500)),
    _p("cards_tickets", None, None, "ムビチケ 前売券 一般 2枚", "advance movie tickets x2", (2_400, 3_400)),
)

# Sentences sellers write, by language: opening, state of the item, shipping, closing.
DESCRIPTION_JA: dict[str, tuple[str, ...]] = {
    "open": (
        "ご覧いただきありがとうございます。", "閲覧ありがとうございます。", "プロフィール必読でお願いします。",
        "数ある中からご覧いただきありがとうございます。", "",
    ),
    "body": (
        "数回使用しただけの美品です。", "自宅保管のため多少の小傷はご了承ください。", "動作確認済みです。",
        "購入後一度も使っていません。", "付属品は写真に写っているもので全てです。", "箱に少し潰れがあります。",
        "使用感がありますがまだまだお使いいただけます。", "ペット・喫煙者はいません。", "正規店で購入しました。",
    ),
    "ship": (
        "らくらくメルカリ便で発送します。", "匿名配送です。", "24時間以内に発送いたします。", "プチプチで丁寧に梱包します。",
        "土日は発送できない場合があります。",
    ),
    "close": ("値下げ交渉は常識の範囲内でお願いします。", "即購入OKです。", "よろしくお願いいたします。", "ノークレームノーリターンでお願いします。", ""),
}
DESCRIPTION_EN: dict[str, tuple[str, ...]] = {
    "open": ("Thanks for looking!", "Hi, thanks for checking my listing.", "Please read my profile before buying.", ""),
    "body": (
        "Used only a few times, excellent condition.", "Stored at home; minor scratches, see photos.",
        "Tested and fully working.", "Never used since purchase.", "Everything included is shown in the photos.",
        "Box slightly damaged.", "Shows some wear but works perfectly.", "Smoke-free, pet-free home.",
        "Bought at an official store.",
    ),
    "ship": ("Ships within 24 hours.", "Anonymous shipping.", "Packed carefully with bubble wrap.", "Tracked shipping included."),
    "close": ("Reasonable offers welcome.", "Buy it now is OK.", "No returns, please.", "Thank you!", ""),
}
TITLE_PREFIX_JA: dict[str, tuple[str, ...]] = {
    "new": ("【新品未使用】", "【新品】", "未開封 ", ""), "like_new": ("【美品】", "【極美品】", ""),
    "good": ("【美品】", "", ""), "fair": ("", ""), "poor": ("【訳あり】", ""), "bad": ("【ジャンク】", "ジャンク "),
}
TITLE_SUFFIX_JA: tuple[str, ...] = ("", "", " 箱付き", " 付属品完備", " 送料無料", " 匿名配送", " 値下げしました")
TITLE_SUFFIX_EN: tuple[str, ...] = ("", "", " - boxed", " w/ all accessories", " free shipping", " price drop")
