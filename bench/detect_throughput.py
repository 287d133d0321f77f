"""Throughput of the batch detection path and training time, on one core.

Targets: ≥ 2,000 listings/s through ``detect_stream`` after start-up (rules,
brands, the Japanese analyser and the model) and < 60 s to train on 100,000
decisions given as listings, as a retrain reads them (text, price, brand,
category), calibration included. Both wall-clock and process CPU time are
printed: on a shared machine the CPU figure is the honest "one core" number.

    .venv/bin/python bench/detect_throughput.py [--listings N] [--decisions N]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")  # one core, as promised in the targets

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend.detection import classifier, seed_labels  # noqa: E402
from backend.detection.batch import default_detector, detect_stream  # noqa: E402
from backend.detection.rules import POLICIES  # noqa: E402


def _listings(n: int) -> list[str]:
    rng = random.Random(7)
    lines = []
    for i in range(n):
        item = (seed_labels.violating_listing(rng.choice(POLICIES), rng) if rng.random() < 0.2
                else seed_labels.ok_listing(rng))
        lines.append(json.dumps({"id": i, **item}, ensure_ascii=False))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listings", type=int, default=20_000)
    parser.add_argument("--decisions", type=int, default=100_000)
    args = parser.parse_args()

    detector = default_detector()
    lines = _listings(args.listings)
    detect_stream(lines[:500], io.StringIO(), detector)  # warm caches
    wall, cpu = time.perf_counter(), time.process_time()
    stats = detect_stream(lines, io.StringIO(), detector)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"detect_stream: {stats.scored} listings ({stats.flagged} flagged): "
          f"{stats.scored / wall:,.0f} listings/s wall, {stats.scored / cpu:,.0f} listings/s CPU")

    examples = seed_labels.seed_listings(args.decisions, seed=3)
    wall, cpu = time.perf_counter(), time.process_time()
    classifier.train(examples)
    print(f"train: {len(examples):,} decisions in {time.perf_counter() - wall:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
