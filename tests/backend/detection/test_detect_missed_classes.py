"""The classes issue 14 saw missed on listings written outside the team, each with positives and hard
negatives in Japanese and English. The examples are written here, not taken from the corpus."""

from __future__ import annotations

import pytest

from backend.detection import batch
from backend.detection.detector import Detector


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory) -> Detector:
    return batch.default_detector(cache_dir=tmp_path_factory.mktemp("cache"))


def _listing(title: str, description: str = "", *, price: int = 5000, category: str = "",
             brand: str | None = None) -> dict[str, object]:
    return {"id": title, "title": title, "description": description, "price": price, "category": category,
            "brand": brand}


POSITIVES = {
    "counterfeit": [
        _listing("グッ○ 二つ折り財布 GG柄", "ロゴと刻印はしっかり入っています。ノーブランド扱いでお願いします。", price=3200,
                 category="財布", brand="ノーブランド"),
        _listing("シャネル マトラッセ ショルダー SS級", "縫製もきれいなSS級です。", price=9800, category="バッグ"),
        _listing("ＣＨＡＮＥＬ ココマーク ピアス", "同等品です。刻印あり。", price=1800, category="ピアス"),
        _listing("Rolex Submariner homage - OEM same factory", "1:1 dial and engravings, runs perfectly",
                 price=22000, category="watch"),
        _listing("Nike Dunk Low Panda UA", "UA pair, best batch, no box", price=4500, category="sneakers"),
    ],
    "medicine": [
        _listing("タダラフィル 20mg 海外製", "個人輸入したものの余りです。", price=3000),
        _listing("ヒアルロン酸 フィラー 注入用 1ml", "美容目的でどうぞ。未開封。", price=12000),
        _listing("デルモベート軟膏 5g", "皮膚科でもらったものの残りです。", price=800),
        _listing("Sibutramine diet capsules 60", "slimming capsules from overseas, very effective", price=4000),
        _listing("Isotretinoin 20mg x 30", "leftover acne pills, unopened", price=6000),
    ],
    "weapon": [
        _listing("ブラックジャック 革製 サップ", "鉛入りでずっしり重いです。", price=4000),
        _listing("ナックルダスター型 キーホルダー 金属製", "キーホルダーとしてどうぞ。指4本入ります。", price=1500),
        _listing("エアガン パワーアップ済み 1.5J超え", "内部カスタムで法定基準を超えています。", price=20000),
        _listing("PCP air rifle .22 with scope", "no licence needed, shoots hard", price=60000),
        _listing("Double-edged boot dagger 6 inch", "razor sharp both sides", price=7000),
    ],
    "stolen_goods": [
        _listing("ノートパソコン ThinkPad 資産管理シール付き", "会社のシールが貼ってあります。", price=15000),
        _listing("新品 電動ドライバー 5台 まとめ", "レシートはないです。早く取引したいです。", price=30000),
        _listing("シェアサイクル 電動自転車", "鍵なしです。書類もありません。", price=20000),
        _listing("Leather wallet with cards still inside", "found it, the cards are still in it", price=2000),
        _listing("Cordless drills x4, serial numbers scratched off", "brand new, no questions", price=25000),
    ],
}

NEGATIVES = [
    _listing("Amazonギフトカード 空箱", "中身のカードはありません。箱のみです。", price=300, category="その他"),
    _listing("Empty gift card box and envelope", "box only, no card or code inside", price=300),
    _listing("交通誘導灯 LED 赤", "工事現場や誘導用のライトです。", price=1500),
    _listing("Traffic control light baton, red LED", "for parking attendants", price=1200),
    _listing("ビクトリノックス 十徳ナイフ", "キャンプ用のマルチツールです。", price=2500),
    _listing("Fillet knife for fishing, 7 inch", "used for cleaning fish", price=2000),
    _listing("ルイヴィトン ネヴァーフルMM 正規店購入", "レシートあり。数回使用。", price=150000, category="バッグ",
             brand="Louis Vuitton"),
    _listing("Rolex Datejust 36 with box and papers", "bought at the boutique, warranty card included",
             price=1_100_000, category="watch", brand="Rolex"),
    _listing("マルチビタミン サプリ 90粒", "健康食品です。未開封。", price=1200),
    _listing("Contact lens case set", "lens cases only, no lenses", price=300),
    _listing("東京マルイ 電動ガン 18歳以上", "ノーマル品です。", price=25000),
    _listing("Nerf blaster toy gun", "for kids, foam darts", price=1500),
    _listing("自転車 防犯登録抹消済み", "鍵2本付き。自分で購入したものです。", price=8000),
    _listing("ゲーム攻略本 まとめ", "書き込みなし。", price=900),
    _listing("記念硬貨 セット", "コレクションの整理です。", price=3000),
]


@pytest.mark.parametrize(("policy", "listing"),
                         [(p, item) for p, items in POSITIVES.items() for item in items],
                         ids=lambda v: v if isinstance(v, str) else str(v["title"])[:24])
def test_missed_classes_are_flagged(detector: Detector, policy: str, listing: dict[str, object]) -> None:
    verdict = detector.score(listing)
    assert verdict.flagged and verdict.policy == policy, (verdict.policy, verdict.score,
                                                          [r.text for r in verdict.reasons])
    assert verdict.reasons and all(r.text for r in verdict.reasons)


@pytest.mark.parametrize("listing", NEGATIVES, ids=lambda v: str(v["title"])[:24])
def test_hard_negatives_stay_up(detector: Detector, listing: dict[str, object]) -> None:
    verdict = detector.score(listing)
    assert not verdict.flagged, (verdict.policy, verdict.score, [r.text for r in verdict.reasons])


def test_rules_say_which_words_fired(detector: Detector) -> None:
    listing = _listing("ヌンチャク 金属製", "本格的なヌンチャクです。")
    verdict = detector.score(listing)
    rule = next(r for r in verdict.reasons if r.signal == "rule")
    text = f"{listing['title']}\n{listing['description']}"
    assert "weapon named by type" in rule.text
    assert [text[s:e] for s, e in rule.spans][0] == "ヌンチャク"
