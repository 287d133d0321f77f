"""Message screening speed (issue 21): detect-messages throughput on one core (batches, as the CLI
scores them) and the time screening adds to posting one message (p50/p95 of MessageDetector.score).
Uses the TRAIN and DEV authors' texts, repeated."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.detection.messages import corpus  # noqa: E402
from backend.detection.messages.batch import detect_stream  # noqa: E402
from backend.detection.messages.training import built_in_detector  # noqa: E402


class Null:
    def write(self, _s: str) -> int:
        return 0


def main() -> None:
    t0 = time.perf_counter()
    detector = built_in_detector()
    print(f"fit (seed examples + TRAIN + DEV): {time.perf_counter() - t0:.1f} s")
    texts = [r["text"] for split in (corpus.TRAIN, corpus.DEV) for r in corpus.load(split)]
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts * 36)]
    detect_stream(lines[:2000], Null(), detector)  # warm up
    t0 = time.perf_counter()
    stats = detect_stream(lines, Null(), detector)
    elapsed = time.perf_counter() - t0
    print(f"detect-messages: {stats.scored:,} messages in {elapsed:.2f} s = {stats.scored / elapsed:,.0f} messages/s")
    times = []
    for text in texts * 2:
        t0 = time.perf_counter()
        detector.score(text)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"one message: p50 {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms, "
          f"max {times[-1]:.2f} ms")


if __name__ == "__main__":
    main()
