"""Rule families on their own (no model): each fires on violations and stays quiet on look-alikes."""

import pytest

from backend.detection.detector import Detector, listing_text
from backend.detection.price import PriceBook
from backend.detection.lexicon import BRANDS

RULES_ONLY = Detector(None)


def _listing(title: str, description: str = "", *, price: int | None = None, category: str | None = None,
             brand: str | None = None) -> dict:
    return {"id": "t", "title": title, "description": description, "price": price, "category": category,
            "brand": brand}


POSITIVES = [
    ("counterfeit", _listing("シャネル 長財布 スーパーコピー", price=5000, category="財布")),
    ("counterfeit", _listing("L0UIS VUITT0N bag", "AAA grade, 1:1 mirror quality", price=4000, category="bags")),
    ("counterfeit", _listing("グッチ風 ショルダーバッグ", "ノーブランドです", price=1500, category="バッグ")),
    ("counterfeit", _listing("Hermes scarf", "not authentic, sold as is", price=2000)),
    ("medicine", _listing("処方薬 睡眠薬", "病院で処方された余りです")),
    ("medicine", _listing("カラコン 度あり 2箱")),
    ("medicine", _listing("Loxonin tablets", "ロキソニンS 第1類医薬品 12錠")),
    ("medicine", _listing("pulse oximeter", "fingertip, used twice")),
    ("game_account", _listing("モンスト 引退垢", "ランク1000")),
    ("game_account", _listing("Apex rank boosting", "Diamond to Master")),
    ("game_account", _listing("ロバックス 1万", "Robux")),
    ("stolen_goods", _listing("iPhone 13", "拾ったものです。アクティベーションロックあり")),
    ("stolen_goods", _listing("ノートPC", "会社の備品ですが余ったので")),
    ("stolen_goods", _listing("jacket", "security tag still attached, shoplifted")),
    ("weapon", _listing("バタフライナイフ", "よく切れます")),
    ("weapon", _listing("stun gun 5 million volt", "for self defense")),
    ("weapon", _listing("エアガン 改造品", "法定初速オーバー")),
    ("cash_equivalent", _listing("現金 1万円", "手数料込み")),
    ("cash_equivalent", _listing("Amazonギフト券 5000円分", "コードのみ送ります")),
    ("cash_equivalent", _listing("ビットコイン 0.01BTC")),
]

HARD_NEGATIVES = [
    _listing("ルイヴィトン 空箱", "箱のみです", price=800, category="bags", brand="Louis Vuitton"),
    _listing("シャネル マトラッセ", "直営店で購入 レシート・ギャランティカード付き", price=300000, category="bags"),
    _listing("ポケモン 攻略本", "公式ガイドブック"),
    _listing("Switch 本体", "アカウント削除済み 初期化済み"),
    _listing("三徳包丁", "よく切れるナイフです"),
    _listing("kitchen knife set", "chef's knife and bread knife"),
    _listing("ピルケース 7日分", "薬の整理に"),
    _listing("コンタクトレンズケース", "レンズケースのみ"),
    _listing("ギフトカードケース", "カード入れ"),
    _listing("旧紙幣 聖徳太子", "古銭コレクションです"),
    _listing("コスプレ 剣", "スポンジ製の小道具です"),
    _listing("自転車", "防犯登録抹消済み 鍵あり"),
    _listing("フェイクファー コート"),
    _listing("レプリカユニフォーム", "日本代表"),
]


@pytest.mark.parametrize(("policy", "listing"), POSITIVES, ids=[f"{p}-{i}" for i, (p, _) in enumerate(POSITIVES)])
def test_violation_is_flagged_with_spans(policy: str, listing: dict) -> None:
    verdict = RULES_ONLY.score(listing)
    assert verdict.flagged and verdict.policy == policy
    text = listing_text(listing)
    spans = [s for r in verdict.reasons for s in r.spans]
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)


@pytest.mark.parametrize("listing", HARD_NEGATIVES, ids=[n["title"] for n in HARD_NEGATIVES])
def test_hard_negative_is_not_flagged(listing: dict) -> None:
    assert not RULES_ONLY.score(listing).flagged


def test_brand_alone_is_not_a_violation() -> None:
    verdict = RULES_ONLY.score(_listing("ルイヴィトン ネヴァーフル", "中古です", price=120000, category="bags"))
    assert not verdict.flagged
    assert verdict.policy == "counterfeit" and verdict.reasons[0].signal == "brand"


def test_low_price_alone_is_not_enough_but_adds_up() -> None:
    cheap = _listing("ロレックス デイトナ", "新品", price=20000, category="時計")
    assert not RULES_ONLY.score(cheap).flagged
    with_hint = _listing("ロレックス デイトナ", "真贋不明です", price=20000, category="時計")
    verdict = RULES_ONLY.score(with_hint)
    assert verdict.flagged
    assert any(r.signal == "price" and "of typical ¥1,200,000 for Rolex watches" in r.text for r in verdict.reasons)


def test_strong_signal_beats_claimed_receipt() -> None:
    listing = _listing("シャネル バッグ N級品", "レシート付き", price=9000, category="bags")
    assert RULES_ONLY.score(listing).flagged


def test_seller_signals_never_flag_alone() -> None:
    bad_seller = {"account_age_days": 1, "listings_last_24h": 80, "prior_strikes": 3}
    verdict = RULES_ONLY.score(_listing("無印良品 収納ケース", "引っ越しのため"), bad_seller)
    assert not verdict.flagged
    assert not any(r.signal == "seller" for r in verdict.reasons)


def test_seller_signals_raise_a_suspicious_listing() -> None:
    listing = _listing("自転車 26インチ", "鍵なしです")  # one weak rule: suspicious, not flagged
    alone = RULES_ONLY.score(listing)
    with_seller = RULES_ONLY.score(listing, {"account_age_days": 2, "prior_strikes": 2})
    assert not alone.flagged and alone.policy == "stolen_goods"
    assert with_seller.flagged and with_seller.score > alone.score
    assert {r.text for r in with_seller.reasons if r.signal == "seller"} == {
        "new account (2 days old)", "2 prior strike(s)"}


def test_price_book_from_observations_uses_medians() -> None:
    rolex = next(b for b in BRANDS if b.key == "rolex")
    book = PriceBook.from_observations([("rolex", "watches", p) for p in (500_000, 600_000, 700_000, 800_000, 900_000)])
    assert book.typical(rolex, "watches") == 700_000
    sparse = PriceBook.from_observations([("rolex", "watches", 1000)])
    assert sparse.typical(rolex, "watches") == PriceBook.builtin().typical(rolex, "watches")
    signal = book.check(rolex, "watches", 28_000)
    assert signal is not None and signal.reason() == "price ¥28,000 is 4% of typical ¥700,000 for Rolex watches"


def test_unknown_category_is_not_price_checked() -> None:
    prada = next(b for b in BRANDS if b.key == "prada")
    assert PriceBook.builtin().check(prada, None, 500) is None


def test_to_json_contract() -> None:
    verdict = RULES_ONLY.score(_listing("シャネル スーパーコピー", price=3000))
    data = verdict.to_json()
    assert set(data) == {"id", "flagged", "policy", "score", "reasons"}
    assert data["policy"] == "counterfeit" and 0 <= data["score"] <= 1
    assert {"signal", "policy", "text", "spans", "weight"} <= set(data["reasons"][0])
    quiet = RULES_ONLY.score(_listing("ヨガマット")).to_json()
    assert quiet["flagged"] is False and quiet["policy"] is None
