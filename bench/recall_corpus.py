"""Background listings for the recall benchmarks: a million plausible
second-hand listings with the brands, product types and model families the
recalls name (so the matcher meets near misses at scale), bulk-inserted with
Core and indexed into ``listing_terms`` in worker processes."""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls import terms
from backend.recalls.reading import ListingFields

CHUNK = 10_000
BRANDS = [("Combi", "コンビ"), ("Iris Ohyama", "アイリスオーヤマ"), ("Boppy", "ボッピー"), ("T-fal", "ティファール"),
          ("Anker", "アンカー"), ("OGK Kabuto", "オージーケーカブト"), ("Fisher-Price", "フィッシャープライス"),
          ("Richell", "リッチェル"), ("Panasonic", "パナソニック"), ("De'Longhi", "デロンギ"), ("cheero", "チーロ"),
          ("Joie", "ジョイー"), ("Aprica", "アップリカ"), ("Pigeon", "ピジョン"), ("Sharp", "シャープ"),
          ("Dyson", "ダイソン"), ("Nitori", "ニトリ"), ("Sony", "ソニー"), ("Nintendo", "任天堂"), ("Uniqlo", "ユニクロ"),
          ("Apple", "アップル"), ("Zojirushi", "象印"), ("Tiger", "タイガー"), ("Graco", "グレコ"), ("Yamazen", "山善")]
PRODUCTS = [("stroller", "ベビーカー", "SG"), ("ceramic fan heater", "セラミックファンヒーター", "JCH"),
            ("newborn lounger", "新生児 ラウンジャー", "NL"), ("electric kettle", "電気ケトル", "KO"),
            ("power bank", "モバイルバッテリー", "A"), ("kids helmet", "子供用ヘルメット", "KH"),
            ("sleeper", "スリーパー", "FHW"), ("bath chair", "ベビーバスチェア", "BC"), ("hair dryer", "ドライヤー", "EH-NA"),
            ("oil heater", "オイルヒーター", "QSD"), ("car seat", "チャイルドシート", "C"), ("jacket", "ジャケット", "JK"),
            ("headphones", "ヘッドホン", "WH"), ("game console", "ゲーム機 本体", "HAC"), ("sneakers", "スニーカー", "SN"),
            ("rice cooker", "炊飯器", "NW"), ("vacuum cleaner", "掃除機", "V"), ("tote bag", "トートバッグ", "TB")]
LINES = ["Sugocal", "PowerCore", "nanocare", "Justine", "Dragon", "Power Plus", "i-Snug", "Mechacal", "Luxuna",
         "Supersonic", "Soundcore", "Ionity", "Slim", "Pro", "Lite", "Mini", "Max", "Classic"]
WORDS_JA = ["美品", "中古", "動作確認済み", "箱あり", "送料無料", "値下げ", "即購入OK", "早い者勝ち", "使用感あり"]


def _jan(rng: random.Random) -> str:
    body = "49" + "".join(rng.choice("0123456789") for _ in range(10))
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def _listing(rng: random.Random, n: int, seller_id: int) -> dict[str, Any]:
    brand_en, brand_ja = rng.choice(BRANDS)
    en, ja, family = rng.choice(PRODUCTS)
    model = f"{family}-{rng.randint(10, 9999)}{rng.choice(['', 'X', 'TD3', 'JP', 'MB', 'A'])}"
    line = rng.choice(LINES) if rng.random() < 0.5 else ""
    if rng.random() < 0.5:
        title = f"{brand_ja} {line} {ja} {rng.choice(WORDS_JA)}"
    else:
        title = f"{brand_en} {line} {en} used"
    barcode = _jan(rng) if rng.random() < 0.2 else None
    model_number = model if rng.random() < 0.3 else None
    description = f"{rng.choice(WORDS_JA)}。型番 {model}" if rng.random() < 0.4 else rng.choice(WORDS_JA)
    return {"external_id": f"bg-{n}", "seller_id": seller_id, "title": title[:256], "description": description,
            "category": en.split()[-1], "brand": brand_en if rng.random() < 0.6 else None,
            "model_number": model_number, "model_norm": normalise_model(model_number), "barcode": barcode,
            "barcode_gtin": gtin14(barcode), "price": rng.randint(300, 50_000),
            "status": rng.choice(["active", "active", "sold", "removed"]), "condition": "used", "version": 1}


def _chunk(args: tuple[int, int, int, list[int]]) -> list[dict[str, Any]]:
    seed, start, count, sellers = args
    rng = random.Random(seed * 1_000_003 + start)
    return [_listing(rng, start + i, sellers[rng.randrange(len(sellers))]) for i in range(count)]


def _entries(rows: list[ListingFields]) -> list[terms.Entry]:
    return [terms.entry(row) for row in rows]


def _batches(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def generate(session: Session, *, count: int, seed: int = 7, workers: int = 2, progress: Any = print) -> None:
    """Insert ``count`` background listings and their term rows."""
    from backend.db import utcnow

    members = [{"external_id": f"bg-m{i}", "display_name": f"member {i}", "status": "active", "strikes": 0,
                "version": 1, "joined_at": utcnow()} for i in range(20_000)]
    session.execute(insert(Member), members)
    sellers = list(session.scalars(select(Member.id).where(Member.external_id.like("bg-m%"))))
    now = utcnow()
    jobs = [(seed, start, min(CHUNK, count - start), sellers) for start in range(0, count, CHUNK)]
    with ProcessPoolExecutor(workers) as pool:
        for done, rows in enumerate(pool.map(_chunk, jobs), start=1):
            for row in rows:
                row["created_at"] = row["updated_at"] = now
            session.execute(insert(Listing), rows)
            if done % 10 == 0:
                progress(f"  listings: {done * CHUNK:,}")
    index_terms(session, workers=workers, progress=progress)


def index_terms(session: Session, *, workers: int = 2, progress: Any = print) -> None:
    """(Re)build the recall index for every listing, terms and readings computed in worker processes."""
    terms.clear(session)
    with ProcessPoolExecutor(workers) as pool:
        last = 0
        while True:
            rows = session.execute(select(*terms.COLUMNS).where(Listing.id > last).order_by(Listing.id)
                                   .limit(CHUNK * 10)).all()
            if not rows:
                break
            last = rows[-1].id
            plain = [ListingFields(*r) for r in rows]
            for entries in pool.map(_entries, list(_batches(plain, CHUNK))):
                terms.store(session, entries)
            progress(f"  indexed up to listing {last:,}")
