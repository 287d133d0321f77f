"""Templated, deterministic training listings for the first model version.

Until moderators have produced real decisions, the classifier learns from
these: positives for every policy, normal listings, and hard negatives that
share vocabulary with violations (kitchen knives, pill cases, empty brand
boxes, strategy guides, old banknotes ...). The same templates give the
demo-data generator listings that break each policy (``violating_listing``)
and normal ones (``ok_listing``).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from backend.detection.detector import listing_text
from backend.detection.lexicon import BRANDS, Brand
from backend.detection.rules import POLICIES

Listing = dict[str, object]

_FILLER_JA = (
    "即購入OKです。", "送料無料です。", "らくらくメルカリ便で発送します。", "自宅保管品です。",
    "ペット・喫煙者はいません。", "質問はお気軽にどうぞ。", "値下げ不可です。", "24時間以内に発送します。",
    "目立った傷や汚れはありません。", "神経質な方はご遠慮ください。", "まとめ買いで割引します。",
    "プロフィール必読でお願いします。", "丁寧に梱包します。", "",
)
_FILLER_EN = (
    "Ships within 2 days.", "Smoke-free home.", "Price is firm.", "Feel free to ask questions.",
    "Free shipping.", "Bundle discounts available.", "Packed carefully.", "Please read my profile.", "",
)
_CONDITION = ("新品未使用", "未開封", "美品", "中古", "数回使用", "brand new", "used", "like new", "NWT")

_ITEMS: dict[str, tuple[str, ...]] = {
    "bags": ("バッグ", "ショルダーバッグ", "トートバッグ", "ハンドバッグ", "bag", "tote bag", "shoulder bag"),
    "wallets": ("長財布", "財布", "二つ折り財布", "wallet", "card wallet", "zip wallet"),
    "watches": ("腕時計", "時計", "watch", "automatic watch"),
    "shoes": ("スニーカー", "シューズ", "sneakers", "running shoes"),
    "apparel": ("パーカー", "Tシャツ", "ダウンジャケット", "hoodie", "t-shirt", "down jacket"),
    "jewelry": ("ネックレス", "リング", "ブレスレット", "necklace", "ring", "bracelet"),
    "electronics": ("ワイヤレスイヤホン", "イヤホン", "earbuds", "wireless earphones"),
}

_CF_SIGNALS = (
    "スーパーコピー", "N級品", "S級品", "正規品と同等の品質です", "本物と見分けがつきません", "{b}風", "ノーブランドです",
    "レプリカです", "偽物です", "コピー品です", "ミラー品", "1:1", "本物ではありません", "真贋不明のため格安",
    "{b}タイプ", "激安", "super copy", "AAA grade replica", "1:1 mirror quality", "same as original", "{b} inspired",
    "dupe", "not authentic", "replica", "fake", "knockoff", "unbranded {b} style", "looks exactly like the real one",
    "top quality copy", "indistinguishable from genuine", "ハイクオリティ コピー品", "刻印まで本物そっくり",
)

_MED = (
    ("ロキソニンS 12錠", "余ったので出品します。使用期限2026年。"), ("バファリンA 40錠", "未開封です。"),
    ("パブロンゴールドA 微粒", "風邪薬です。開封済み少し使用。"), ("処方薬 睡眠薬 余り", "病院で処方されたものです。"),
    ("病院で処方された湿布 ロキソプロフェン", "多めにもらったので。"), ("アフターピル", "未使用1錠。"),
    ("低用量ピル 3シート", "処方されたけど使わなかったので。"), ("カラコン 度あり -3.00 10枚入り", "1箱のみ開封。"),
    ("1dayアキュビュー モイスト 30枚", "度数-2.50 BC8.5"), ("コンタクトレンズ 2week 6枚", "未開封 使用期限内"),
    ("オムロン 血圧計 上腕式", "数回使用しました。"), ("補聴器 耳かけ型", "父が使っていたものです。"),
    ("目薬 サンテ 未開封 5本", "第2類医薬品"), ("ツムラ 葛根湯 エキス顆粒", "漢方薬です。"), ("リアップX5", "発毛剤 未開封"),
    ("Viagra 100mg 10 tablets", "leftover from my prescription"), ("antibiotics amoxicillin", "prescription leftovers"),
    ("prescription sleeping pills", "don't need them anymore"), ("colored contacts 2 pairs", "power -4.00"),
    ("eye drops 3 bottles", "unopened"), ("pulse oximeter", "medical grade, barely used"),
    ("hearing aids pair", "fits behind the ear"), ("Tylenol extra strength 100 caplets", "unopened bottle"),
    ("insulin pen needles", "box of 100"), ("ダイエット薬 海外製", "効果ありました。"), ("ステロイド軟膏 処方", "余り"),
    ("パルスオキシメーター 医療機器認証", "美品"), ("低周波治療器", "腰痛に。"), ("体温計 テルモ", "予備で購入"),
    ("ガスター10 12錠", "胃薬です"), ("アレグラFX 28錠", "花粉症の薬。余ったので"),
)

_GAME = (
    "{g} 引退垢 ランク{n}", "{g} アカウント 譲渡 {n}連分", "{g} アカウント販売 限定キャラ多数", "{g} 育成代行します",
    "{g} ランク上げ代行 最短即日", "{g} 初期垢 リセマラ済み", "{g} 石 {n}個 分 のアカウント", "{g} RMT",
    "{g} account for sale level {n}", "{g} account with {n} skins", "{g} rank boosting service", "{g} coins {n}k",
    "{g} 引き継ぎコードでお渡し", "{g} データ引き継ぎ 最強垢", "selling my {g} account", "{g} elo boost",
    "Robux {n}", "V-Bucks {n}", "{g} ゲーム内通貨 {n}", "{g} 周回代行", "{g} login details sent after payment",
    "{g} smurf account", "{g} 垢販売 ☆5 全キャラ",
)
_GAMES = ("モンスト", "パズドラ", "原神", "ウマ娘", "FGO", "プロセカ", "ブルアカ", "ポケモンGO", "Apex", "Valorant",
          "Fortnite", "荒野行動", "ドラクエウォーク", "グラブル", "ツムツム", "Genshin", "Clash Royale", "PUBG",
          "ブロスタ", "プロスピA", "Call of Duty")

_STOLEN = (
    ("iPhone 13 アクティベーションロックあり", "拾ったものなので詳細不明です。"), ("盗品 ブランドバッグ", "訳ありのため格安"),
    ("ロードバイク 鍵なし", "防犯登録なし。出所は聞かないでください。"), ("ノートPC ThinkPad", "会社の備品ですが余っているので。資産管理シール付き"),
    ("ホテルのバスローブ", "泊まったホテルの備品です。"), ("新品 スニーカー 防犯タグ付き", "タグが付いたままです。"),
    ("レンタル品 DVD まとめ", "返却しなかったものです。"), ("iPad 赤ロム", "ネットワーク利用制限×"),
    ("電動工具 セット", "入手経路は言えませんが新品です。"), ("落とし物の財布", "持ち主不明のため出品"),
    ("iPhone 14 Pro icloud locked", "found it on the train, can't unlock"), ("brand new drill set", "no questions asked, fell off a truck"),
    ("Macbook Air", "property of a company, asset tag still on"), ("bike", "found it on the street, no key"),
    ("designer sunglasses", "shoplifted, still has security tag attached"), ("hotel towels set of 6", "from a hotel stay"),
    ("AirPods Pro", "found on the bus, owner unknown"), ("自衛隊 支給品 ブーツ", "官給品です"),
    ("図書館の本 まとめて", "返し忘れたもの"), ("ゲーム機 本体", "出所不明ですが動作確認済み"),
    ("iPhone 12 パスコード不明", "拾ったのでロック解除できません"), ("stolen phone parts", "cheap"),
)

_WEAPON = (
    ("サバイバルナイフ 刃渡り20cm", "護身用にどうぞ。"), ("バタフライナイフ", "よく切れます。"), ("スタンガン 護身用", "強力です。"),
    ("特殊警棒", "伸縮式 21インチ"), ("メリケンサック", "メタル製"), ("クロスボウ 本格", "矢10本付き"),
    ("日本刀 登録証付き", "真剣です。"), ("改造エアガン", "法定初速超えのパワーです。"), ("催涙スプレー", "護身用"),
    ("tactical knife", "fixed blade 7 inch"), ("brass knuckles", "solid steel"), ("stun gun 10 million volt", "with holster"),
    ("expandable baton", "police style"), ("switchblade", "automatic knife, spring assisted"), ("crossbow 150lbs", "with scope"),
    ("ammo 9mm", "box of 50 rounds"), ("ダガーナイフ", "装飾用ではなく実用品"), ("ハンティングナイフ", "鹿の解体に"),
    ("throwing knives set", "6 pcs"), ("pepper spray", "self defense"), ("火薬 黒色火薬", "花火作りに"),
    ("スリングショット 競技用", "鉄球100発付き"), ("machete", "18 inch blade"), ("katana real steel", "sharp, battle ready"),
)

_CASH = (
    ("現金 1万円", "手数料分上乗せしています。"), ("ピン札 新札 千円札 10枚", "結婚式用に。"), ("新紙幣 一万円札 ゾロ目", "珍番号"),
    ("Amazonギフト券 5000円分", "コードをメッセージでお送りします。"), ("iTunesカード 1万円分", "コードのみ"),
    ("Google Playカード 3000円", "未使用"), ("QUOカード 1万円分", "未使用"), ("チャージ済み Suica", "残高5000円"),
    ("ビットコイン 0.01BTC", "ウォレットに送金します"), ("全国百貨店共通商品券 1万円", "5000円券2枚"),
    ("$100 gift card", "code only, sent by message"), ("prepaid visa", "loaded with $200"), ("bitcoin 0.05", "sent to your wallet"),
    ("USDT 100", "crypto transfer"), ("Apple gift card 10000 yen", "unused code"), ("Steam wallet code", "50 USD"),
    ("図書カード 5000円分", "未使用です"), ("US dollar bills 100 USD cash", "for travel"), ("ビール券 10枚", "未使用"),
    ("仮想通貨 イーサリアム", "送金します"), ("PayPayギフト", "残高付き"), ("euro banknotes 200", "cash for travel"),
)

_HARD_NEG = (
    # (title, description, category, brand, price)
    ("ルイヴィトン 空箱 保存袋", "箱のみの出品です。バッグは付属しません。", "bags", "Louis Vuitton", 1500),
    ("CHANEL ショッパー 紙袋 3枚", "ショップ袋のみです。", "bags", "Chanel", 800),
    ("Rolex empty box and booklet", "box only, no watch included", "watches", "Rolex", 9000),
    ("HERMES 空き箱 オレンジボックス", "外箱のみ、リボン付き", "accessories", "Hermes", 2500),
    ("ルイヴィトン ネヴァーフルMM", "国内正規店で購入。レシートあり。", "bags", "Louis Vuitton", 160000),
    ("ロレックス サブマリーナ", "正規店購入 ギャランティカード付き", "watches", "Rolex", 1500000),
    ("Gucci Marmont bag", "bought at the boutique, receipt included", "bags", "Gucci", 120000),
    ("ポケモン 攻略本 完全ガイド", "公式ガイドブックです。", "books", None, 800),
    ("原神 公式設定資料集", "美品です", "books", None, 2500),
    ("Nintendo Switch 本体", "初期化済みです。アカウントは削除済み。", "games", None, 25000),
    ("PS5 コントローラー", "動作確認済み", "games", None, 6000),
    ("Zelda strategy guide", "official guide book, like new", "books", None, 1500),
    ("モンスト アクリルスタンド", "グッズです", "toys", None, 600),
    ("三徳包丁 ステンレス", "料理用です", "kitchen", None, 2000),
    ("ペティナイフ 貝印", "キッチン用品", "kitchen", None, 1200),
    ("chef's knife 8 inch", "kitchen knife, Japanese steel", "kitchen", None, 6000),
    ("コスプレ用 剣 小道具", "スポンジ製の模造刀です", "toys", None, 3000),
    ("木刀 修学旅行", "お土産の木刀です", "toys", None, 1000),
    ("Nerf blaster", "toy gun for kids", "toys", None, 2000),
    ("東京マルイ エアガン 10歳以上用", "法定基準内のトイガンです", "toys", None, 3500),
    ("ピルケース 7日分", "お薬を曜日ごとに整理できます", "health", None, 500),
    ("weekly pill organizer", "AM/PM compartments", "health", None, 700),
    ("コンタクトレンズケース 5個", "レンズケースのみです", "health", None, 300),
    ("サプリメント マルチビタミン", "健康食品です", "health", None, 1500),
    ("薬剤師国家試験 問題集", "書き込みなし", "books", None, 2000),
    ("ギフトカードケース", "ギフトカード用のケースです", "stationery", None, 400),
    ("gift card holder envelopes 10 pack", "for wrapping gifts", "stationery", None, 600),
    ("旧紙幣 聖徳太子 一万円札", "古銭コレクションの整理です", "collectibles", None, 15000),
    ("記念硬貨 東京オリンピック", "コレクションです", "collectibles", None, 3000),
    ("old banknotes for collectors", "vintage currency from the 1950s", "collectibles", None, 5000),
    ("ポチ袋 お年玉袋 20枚", "かわいい柄", "stationery", None, 400),
    ("子供銀行 おもちゃのお札", "ごっこ遊びに", "toys", None, 300),
    ("ビットコイン 記念メダル 金メッキ", "コレクション用のレプリカコインです", "collectibles", None, 800),
    ("Ledger Nano X hardware wallet", "used, reset to factory settings", "electronics", None, 12000),
    ("自転車 26インチ", "防犯登録は抹消済みです。鍵2本付き。", "bikes", None, 8000),
    ("iPhone 13 SIMフリー", "初期化済み ネットワーク利用制限○", "electronics", None, 60000),
    ("盗難防止 ワイヤーロック", "自転車用", "bikes", None, 900),
    ("除籍本 まとめ売り", "図書館の除籍本です", "books", None, 1000),
    ("レプリカユニフォーム 日本代表", "公式のレプリカユニです", "sports", None, 6000),
    ("フェイクファー コート", "エコファーです", "apparel", None, 3000),
    ("財布 メンズ 本革", "ノーブランドです", "wallets", None, 2500),
    ("お医者さんごっこセット", "おもちゃです", "toys", None, 900),
)

_OK = (
    ("ユニクロ ダウンジャケット Mサイズ", "昨シーズン購入。数回着用。", "apparel", "Uniqlo", 3500),
    ("無印良品 収納ケース", "引っ越しのため出品", "home", "Muji", 1200),
    ("ワンピース 漫画 1-100巻 全巻セット", "日焼けあり", "books", None, 18000),
    ("iPad 第9世代 64GB", "初期化済み。箱あり。", "electronics", "Apple", 32000),
    ("ナイキ エアフォース1 27cm", "数回着用 箱あり", "shoes", "Nike", 9000),
    ("adidas samba 26.5cm", "worn twice, original box", "shoes", "Adidas", 11000),
    ("ルイヴィトン モノグラム スピーディ30", "中古品です。角スレあり。", "bags", "Louis Vuitton", 65000),
    ("Coach shoulder bag", "gently used, small scratch", "bags", "Coach", 9000),
    ("レゴ クラシック", "パーツ揃っています", "toys", "LEGO", 2500),
    ("Switch ソフト スプラトゥーン3", "動作確認済み", "games", "Nintendo", 4500),
    ("ル・クルーゼ 鍋 20cm", "使用感あり", "kitchen", None, 9000),
    ("北欧 ダイニングテーブル", "引き取り限定", "home", None, 12000),
    ("ポケモンカード まとめ売り", "ノーマルカード約300枚", "toys", None, 1500),
    ("Harry Potter book set", "paperback, good condition", "books", None, 3000),
    ("資生堂 化粧水 未開封", "頂き物です", "beauty", "Shiseido", 2500),
    ("ベビーカー コンビ", "使用期間半年", "baby", "Combi", 8000),
    ("ヨガマット", "厚さ6mm", "sports", None, 1200),
    ("Sony WH-1000XM4 headphones", "excellent condition", "electronics", "Sony", 20000),
    ("カシオ G-SHOCK GA-2100", "電池交換済み", "watches", "Casio", 9000),
    ("シャネル チャンスオータンドゥル 50ml", "残量8割", "beauty", "Chanel", 9000),
    ("GUCCI GGマーモント ミニバッグ", "使用感少なめ", "bags", "Gucci", 85000),
    ("モンクレール ダウン サイズ1", "クリーニング済み", "apparel", "Moncler", 70000),
    ("Tiffany open heart necklace", "silver, comes with pouch", "jewelry", "Tiffany", 18000),
    ("オメガ スピードマスター", "2019年OH済み", "watches", "Omega", 420000),
    ("キャンプ用 チェア 2脚", "スノーピーク", "outdoor", "Snow Peak", 7000),
    ("電子レンジ 2020年製", "動作良好", "electronics", None, 5000),
    ("ゼルダの伝説 ティアーズ オブ ザ キングダム", "パッケージ版", "games", None, 5000),
    ("マイクラ レゴ セット", "組立済み", "toys", None, 3000),
    ("ダイヤモンド ネックレス 0.3ct", "K18 鑑別書付き", "jewelry", None, 45000),
    ("ゲーミングチェア", "使用1年", "home", None, 9000),
)


def _pick_brand(rng: random.Random) -> Brand:
    return rng.choice(BRANDS[:20])


def _brand_spelling(brand: Brand, rng: random.Random) -> str:
    """A brand written the way listings write it, sometimes obfuscated."""
    form = rng.choice((*brand.kana, brand.name, brand.name.upper()))
    trick = rng.random()
    if trick < 0.1 and form.isascii():
        return form.upper().replace("O", "0").replace("I", "1").replace("E", "3")
    if trick < 0.18 and form.isascii():
        return " ".join(form.upper().replace(" ", ""))
    if trick < 0.26 and not form.isascii() and len(form) >= 4:
        i = rng.randrange(1, len(form) - 1)
        return form[:i] + "○" + form[i + 1:]
    return form


def _fill(rng: random.Random, japanese: bool) -> str:
    pool = _FILLER_JA if japanese else _FILLER_EN
    return " ".join(rng.choice(pool) for _ in range(rng.randint(0, 3))).strip()


def _counterfeit(rng: random.Random) -> Listing:
    brand = _pick_brand(rng)
    category = rng.choice(list(brand.prices))
    spelled = _brand_spelling(brand, rng)
    item = rng.choice(_ITEMS.get(category, _ITEMS["bags"]))
    signal = rng.choice(_CF_SIGNALS).replace("{b}", spelled)
    typical = brand.prices[category]
    price = max(300, int(typical * rng.uniform(0.02, 0.2)) // 100 * 100)
    where = rng.random()
    title = f"{spelled} {item} {signal}" if where < 0.5 else f"{spelled} {item} {rng.choice(_CONDITION)}"
    desc = f"{signal}。{_fill(rng, not item.isascii())}" if where >= 0.5 else _fill(rng, not item.isascii())
    return {"title": title, "description": desc, "brand": brand.name if rng.random() < 0.5 else None,
            "category": category, "price": price}


def _from_pairs(pairs: tuple[tuple[str, str], ...], category: str, lo: int, hi: int) -> Callable[[random.Random], Listing]:
    def make(rng: random.Random) -> Listing:
        title, desc = rng.choice(pairs)
        japanese = not title.isascii()
        return {"title": f"{title} {rng.choice(_CONDITION) if rng.random() < 0.4 else ''}".strip(),
                "description": f"{desc} {_fill(rng, japanese)}".strip(),
                "brand": None, "category": category, "price": rng.randrange(lo, hi, 100)}
    return make


def _game(rng: random.Random) -> Listing:
    template = rng.choice(_GAME)
    title = template.format(g=rng.choice(_GAMES), n=rng.choice((50, 120, 300, 800, 1000, 2500, 13500)))
    japanese = not title.isascii()
    return {"title": title, "description": _fill(rng, japanese), "brand": None, "category": "games",
            "price": rng.randrange(1000, 50000, 100)}


_MAKERS: dict[str, Callable[[random.Random], Listing]] = {
    "counterfeit": _counterfeit,
    "medicine": _from_pairs(_MED, "health", 300, 8000),
    "game_account": _game,
    "stolen_goods": _from_pairs(_STOLEN, "other", 1000, 60000),
    "weapon": _from_pairs(_WEAPON, "outdoor", 1000, 40000),
    "cash_equivalent": _from_pairs(_CASH, "other", 1000, 30000),
}


def violating_listing(policy: str, rng: random.Random) -> Listing:
    """A listing that breaks ``policy``: keys title, description, brand, category, price."""
    if policy not in _MAKERS:
        raise ValueError(f"unknown policy {policy!r}")
    return _MAKERS[policy](rng)


_GENUINE_JA = ("正規店で購入しました。", "数回使用しました。", "中古品です。使用感あります。", "古着です。", "箱なし本体のみ。",
               "角スレあります。", "自宅保管品です。", "サイズが合わなくなったので出品します。", "")
_GENUINE_EN = ("bought new, used a few times.", "pre-owned, light wear.", "vintage piece.", "no box.", "")


def _genuine_branded(rng: random.Random) -> Listing:
    """A genuine branded item at a believable second-hand price: a brand named is not a violation."""
    brand = rng.choice(BRANDS)
    category = rng.choice(list(brand.prices))
    item = rng.choice(_ITEMS.get(category, _ITEMS["bags"]))
    japanese = not item.isascii()
    note = rng.choice(_GENUINE_JA if japanese else _GENUINE_EN)
    return {"title": f"{_brand_spelling(brand, rng)} {item} {rng.choice(_CONDITION)}",
            "description": f"{note} {_fill(rng, japanese)}".strip(), "brand": brand.name if rng.random() < 0.6 else None,
            "category": category, "price": max(1000, int(brand.prices[category] * rng.uniform(0.3, 1.1)) // 100 * 100)}


def ok_listing(rng: random.Random, *, hard: bool | None = None) -> Listing:
    """A normal listing; ``hard=True`` picks one that resembles a violation but is fine."""
    hard = rng.random() < 0.5 if hard is None else hard
    if not hard and rng.random() < 0.4:
        return _genuine_branded(rng)
    title, desc, category, brand, price = rng.choice(_HARD_NEG if hard else _OK)
    japanese = not title.isascii()
    return {"title": f"{title} {rng.choice(_CONDITION) if rng.random() < 0.3 else ''}".strip(),
            "description": f"{desc} {_fill(rng, japanese)}".strip(), "brand": brand, "category": category,
            "price": max(100, int(price * rng.uniform(0.8, 1.2)) // 100 * 100)}


def seed_listings(n: int = 6000, *, seed: int = 0) -> list[tuple[Listing, str]]:
    """``n`` labelled ``(listing, label)`` pairs, about 40% ok (half of them hard negatives)."""
    rng = random.Random(seed)
    out: list[tuple[Listing, str]] = []
    for i in range(n):
        slot = i % 10
        if slot < 6:
            policy = POLICIES[slot]
            out.append((violating_listing(policy, rng), policy))
        else:
            out.append((ok_listing(rng), "ok"))
    return out


def seed_examples(n: int = 6000, *, seed: int = 0) -> list[tuple[str, str]]:
    """:func:`seed_listings` as ``(text, label)`` pairs, for stores that keep only the text."""
    return [(listing_text(listing), label) for listing, label in seed_listings(n, seed=seed)]
