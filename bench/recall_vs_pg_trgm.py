"""Anzen's recall matcher against the pg_trgm baseline, side by side on PostgreSQL.

In one scratch database (created next to --pg-url and dropped after):
``--listings`` background listings (bench/recall_corpus.py), the older
labelled set (12 recalls, 156 listings) and the independent corpus (66 real
recalls, 528 listings; backend/recalls/data/corpus); accuracy is reported for
the older set and for the corpus's test half, the matcher never tuned on it. The baseline is what a
team would otherwise build: a GIN trigram index on ``listings.title`` and,
per recall product name (brand + name), ``title % name`` (similarity >= 0.3)
and ``name <% title`` (word similarity >= 0.6). Both sides are timed per
recall and scored on the labelled listings (a pair counts when Anzen says
medium/high, or when the baseline returns it).

    .venv/bin/python bench/recall_vs_pg_trgm.py [--listings 200000] [--pg-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from recall_corpus import generate  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402
from support import scratch_postgres  # noqa: E402

from backend.db import Database  # noqa: E402
from backend.listings.models import Listing  # noqa: E402
from backend.recalls import evaluation, matcher, service  # noqa: E402
from backend.recalls.models import Recall, RecallProduct  # noqa: E402
from backend.schema import upgrade  # noqa: E402

SETS = [(evaluation.older_set(), "ev-"), (evaluation.corpus_set("test"), "corpus-")]
BASELINES = {
    "pg_trgm similarity (title % q)": "SELECT external_id FROM listings WHERE title % :q",
    "pg_trgm word_similarity (q <% title)": "SELECT external_id FROM listings WHERE :q <% title",
}


@contextmanager
def scratch(pg_url: str) -> Iterator[Database]:
    """The scratch database, its connections closed before it is dropped."""
    with scratch_postgres(pg_url, "anzen_recall_bench") as url:
        db = Database(url)
        try:
            yield db
        finally:
            db.dispose()


def queries(session: Session, recall: Recall) -> list[str]:
    """Brand + product name, once per distinct name: what an officer would type."""
    names = {(p.brand or recall.manufacturer or "", p.name or recall.title)
             for p in session.scalars(select(RecallProduct).where(RecallProduct.recall_id == recall.id))}
    return sorted({name if not brand.split() or brand.split()[0].lower() in name.lower()
                   else f"{brand.split(';')[0]} {name}" for brand, name in names})


def timed(fn: Callable[[], set[str]], repeat: int) -> tuple[float, set[str]]:
    best, result = float("inf"), set()
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listings", type=int, default=200_000)
    parser.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with scratch(args.pg_url) as db:
        upgrade(db)
        started = time.perf_counter()
        with db.transaction() as session:
            generate(session, count=args.listings)
            for eval_set, members in SETS:
                evaluation.seed_listings(session, eval_set.listings, members=members)
                service.import_recalls(session, records=eval_set.records, actor_id=None, actor_label="bench")
        with db.transaction() as session:
            session.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
            session.execute(text("CREATE INDEX ix_bench_listings_title_trgm ON listings USING gin (title gin_trgm_ops)"))
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
        print(f"built in {time.perf_counter() - started:.0f} s")
        with db.session() as session:
            total = session.scalar(select(func.count()).select_from(Listing))
            scored = {n for eval_set, _ in SETS for n in eval_set.numbers}
            recalls = [r for r in session.scalars(select(Recall).order_by(Recall.number)) if r.number in scored]
            print(f"PostgreSQL, {total:,} listings, {len(recalls)} recalls, best of {args.repeat}; "
                  f"load average {os.getloadavg()[0]:.2f} at the start")
            methods: dict[str, dict[str, tuple[float, set[str]]]] = {"Anzen (medium+high)": {}}
            for recall in recalls:
                profile = matcher.load_profile(session, recall)
                methods["Anzen (medium+high)"][recall.number] = timed(lambda: {
                    c.listing_external_id for c in matcher.match(session, profile)
                    if c.confidence in ("high", "medium")}, args.repeat)
                for label, sql in BASELINES.items():
                    qs = queries(session, recall)
                    methods.setdefault(label, {})[recall.number] = timed(lambda: {
                        ext for q in qs for ext in session.scalars(text(sql), {"q": q})}, args.repeat)
            for eval_set, _ in SETS:
                numbers = eval_set.numbers
                print(f"\n{eval_set.name}: {len(numbers)} recalls")
                print(f"{'method':40} {'median':>8} {'max':>8} {'returned':>9} {'precision':>9} {'recall':>7} "
                      f"{'F1':>6}")
                for label, per_recall in methods.items():
                    times = [per_recall[n][0] for n in numbers]
                    score = evaluation.score(lambda n: per_recall[n][1], numbers, eval_set.listings)
                    returned = sum(len(per_recall[n][1]) for n in numbers)
                    print(f"{label:40} {statistics.median(times) * 1000:6.0f}ms {max(times) * 1000:6.0f}ms "
                          f"{returned:9} {score.precision:9.3f} {score.recall:7.3f} {score.f1:6.3f}")
            print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
