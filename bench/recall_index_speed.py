"""How fast listings are read for the recall index (``terms.entry``: terms and
stored reading per listing), on one core, without the database.

Indexing 1,000,000 listings is this per-listing cost times a million, split
over worker processes; the database writes come on top and do not change
with the text analysis. Two mixes: the background listings of the recall
benchmarks (``bench/recall_corpus.py``) and the recall corpus's listings as
sellers wrote them (mostly Japanese, longer descriptions).

    .venv/bin/python bench/recall_index_speed.py [--listings 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recall_corpus import _listing  # noqa: E402

from backend.listings.keys import gtin14, normalise_model  # noqa: E402
from backend.recalls import terms  # noqa: E402
from backend.recalls.reading import ListingFields  # noqa: E402

CORPUS = ROOT / "backend" / "recalls" / "data" / "corpus"


def _fields(i: int, row: dict) -> ListingFields:
    return ListingFields(i, row.get("title"), row.get("description"), row.get("brand"), row.get("model_number"),
                         normalise_model(row.get("model_number")), row.get("barcode"), gtin14(row.get("barcode")))


def _time(rows: list[ListingFields]) -> float:
    started = time.process_time()
    for row in rows:
        terms.entry(row)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(7)
    background = [_fields(i, _listing(rng, i, 1)) for i in range(args.listings)]
    corpus = [json.loads(line) for path in sorted(CORPUS.glob("listings_*.jsonl"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = [_fields(i, corpus[i % len(corpus)]) for i in range(min(args.listings, 5000))] if corpus else []
    _time(background[:500])  # warm up: load the analyser and vocabulary outside the timing
    for name, rows in (("background (bench/recall_corpus.py)", background), ("corpus listings", written)):
        if not rows:
            continue
        seconds = _time(rows)
        print(f"{name}: {len(rows):,} listings, {seconds:.2f} s CPU, {len(rows) / seconds:,.0f} listings/s, "
              f"{seconds / len(rows) * 1e6:.0f} µs each; 1,000,000 listings: {seconds / len(rows) * 1e6:,.0f} s CPU")


if __name__ == "__main__":
    main()
