"""The independent corpus: a fixed split by author, and a test split that no fitting code ever reads."""

from __future__ import annotations

import builtins
import io
import pathlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backend.detection import batch, classifier, corpus
from backend.detection.corpus import SPLITS, TestSplitRefused
from backend.detection.rules import POLICIES

TEST_FILE = corpus.author_path("d").name


def test_the_split_is_fixed_by_author() -> None:
    assert SPLITS == {"train": ("a", "b"), "dev": ("c",), "test": ("d",)}
    assert corpus.TUNING_SPLITS == ("train", "dev")
    authors = [a for split in SPLITS.values() for a in split]
    assert len(authors) == len(set(authors)) == 4  # no author on two sides


def test_the_fitting_loader_refuses_the_test_split() -> None:
    with pytest.raises(TestSplitRefused):
        corpus.tuning_listings("test")
    with pytest.raises(TestSplitRefused):
        corpus.author_listings("d")
    assert corpus.TUNING_AUTHORS == ("a", "b", "c")
    with pytest.raises(TestSplitRefused):
        corpus.training_listings(splits=("train", "test"))


def test_train_and_dev_listings_are_labelled_with_a_policy_or_ok() -> None:
    for split in corpus.TUNING_SPLITS:
        items = corpus.tuning_listings(split)
        assert len(items) >= 300
        assert {i["label"] for i in items} <= {*POLICIES, "ok"}
        assert {"id", "title", "description", "price", "category", "brand", "lang"} <= set(items[0])


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every path opened while the test runs, through any of Python's ways of opening a file."""
    seen: list[str] = []
    real_open, real_io_open, real_path_open = builtins.open, io.open, pathlib.Path.open

    def spy_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_io_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(file))
        return real_io_open(file, *args, **kwargs)

    def spy_path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(str(self))
        return real_path_open(self, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_io_open)
    monkeypatch.setattr(pathlib.Path, "open", spy_path_open)
    yield seen


def test_training_the_built_in_model_never_opens_the_test_split(opened: list[str], tmp_path: Path) -> None:
    examples, weights = batch.builtin_examples(seed_count=600)
    model = classifier.train(examples, weights=weights)
    batch.seed_model(cache_dir=tmp_path)  # the fingerprint reads the corpus too
    # Settings are chosen by cross-validation across A, B and C; the shipped model then learns from all three.
    assert all(any(f"author_{a}" in path for path in opened) for a in ("a", "b", "c"))
    assert not any(TEST_FILE in path for path in opened)
    assert model.n_examples == len(examples) == 600 + 900


def test_a_model_for_judging_dev_is_trained_on_train_only(opened: list[str], tmp_path: Path) -> None:
    examples, _ = batch.builtin_examples(seed_count=100, splits=("train",))
    assert len(examples) == 100 + 600
    assert not any("author_c" in path for path in opened) and not any(TEST_FILE in path for path in opened)


def test_cross_validation_never_opens_the_test_split(opened: list[str]) -> None:
    detect_cv = pytest.importorskip("bench.detect_cv")
    folds = detect_cv.fold_models(seed_count=200)
    assert set(folds) == {"a", "b", "c"}
    for held, (model, items) in folds.items():
        assert {item["author"] for item in items} == {held}
        assert model.n_examples == 200 + 600  # the seeds and the two other authors, never the held-out one
    assert not any(TEST_FILE in path for path in opened)


def test_a_retrain_reads_train_and_dev_but_never_test(opened: list[str], client: Any, headers: Any) -> None:
    response = client.post("/api/v1/screening/versions/train", json={}, headers=headers["supervisor"])
    assert response.status_code == 201, response.text
    assert "corpus_dev" not in response.json()["version"]["metrics"]  # dev is training data now
    assert any("author_c" in path for path in opened)
    assert not any(TEST_FILE in path for path in opened)
