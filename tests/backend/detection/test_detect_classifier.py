"""The learned classifier: trains, predicts per policy, round-trips, and guards activation."""

import random

import pytest

from backend.detection import classifier
from backend.detection.classifier import Model, ModelFormatError
from backend.detection.rules import POLICIES
from backend.detection.seed_labels import ok_listing, seed_examples, violating_listing


@pytest.fixture(scope="module")
def model() -> Model:
    return classifier.train(seed_examples(3000, seed=11))


@pytest.fixture(scope="module")
def held_out() -> list[tuple[str, str]]:
    return seed_examples(600, seed=12)


def test_predicts_every_policy_as_probability(model: Model) -> None:
    probs = model.predict_proba(["シャネル スーパーコピー 財布", "無印良品 収納ケース 引っ越しのため"])
    assert all(set(p) == set(POLICIES) for p in probs)
    assert all(0.0 <= v <= 1.0 for p in probs for v in p.values())
    assert max(probs[0], key=probs[0].get) == "counterfeit"
    assert max(probs[1].values()) < 0.5


def test_learns_each_policy(model: Model, held_out: list[tuple[str, str]]) -> None:
    report = classifier.evaluate(model, held_out)
    assert report.overall.precision > 0.95 and report.overall.recall > 0.9
    assert {m.name for m in report.policies} == set(POLICIES)


def test_round_trips_through_bytes(model: Model) -> None:
    texts = ["ロキソニン 12錠", "Robux 1000", "ヨガマット"]
    loaded = Model.from_bytes(model.to_bytes())
    assert loaded.predict_proba(texts) == model.predict_proba(texts)
    assert loaded.n_examples == 3000


def test_rejects_foreign_bytes() -> None:
    with pytest.raises(ModelFormatError):
        Model.from_bytes(b"not a model")


def test_rejects_unknown_labels() -> None:
    with pytest.raises(ValueError):
        classifier.train([("a", "spam"), ("b", "ok")])


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")  # shuffled labels never converge
def test_worse_model_is_not_activated(model: Model, held_out: list[tuple[str, str]]) -> None:
    rng = random.Random(5)
    examples = seed_examples(3000, seed=13)
    labels = [label for _, label in examples]
    rng.shuffle(labels)  # a retrain on garbage decisions
    worse = classifier.train([(text, label) for (text, _), label in zip(examples, labels)])
    assert not classifier.should_activate(worse, model, held_out)
    assert classifier.should_activate(model, worse, held_out)
    assert classifier.should_activate(worse, None, held_out)


def test_templates_produce_labelled_listings() -> None:
    rng = random.Random(1)
    for policy in POLICIES:
        listing = violating_listing(policy, rng)
        assert set(listing) == {"title", "description", "brand", "category", "price"}
        assert isinstance(listing["price"], int) and listing["price"] > 0
    assert set(ok_listing(rng)) == {"title", "description", "brand", "category", "price"}
    assert seed_examples(50, seed=3) == seed_examples(50, seed=3)


def test_two_labels_train_and_score() -> None:
    """Early on a marketplace may have decisions for one policy and "ok" only: scikit-learn
    then gives one decision column, which training's calibration and scoring must both read."""
    examples = [("本物 ロレックス 激安 コピー品", "counterfeit")] * 20 + [("子供服 美品 サイズ100", "ok")] * 20
    model = classifier.train(examples)
    fake, book = model.predict_proba(["スーパーコピー 財布", "絵本 セット"])
    assert fake["counterfeit"] > book["counterfeit"] and book["medicine"] == 0.0
