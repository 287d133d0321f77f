"""Words compared across scripts by sound, and Japanese read by the analyser."""

from __future__ import annotations

import pytest

from backend.text.fold import fold, fold_width
from backend.text.japanese import words
from backend.text.sound import romaji, sound_key, sounds_alike


@pytest.mark.parametrize(("kana", "latin"), [
    ("シャネル", "chanel"), ("ペツル", "petzl"), ("ペッツル", "petzl"), ("フェスツール", "festool"),
    ("スペシャライズド", "specialized"), ("ブリタックス", "britax"), ("フィッシャープライス", "fisher-price"),
    ("象印", "zojirushi"), ("ジェットソン", "jetson"), ("スクーター", "scooters"), ("デウォルト", "dewalt"),
])
def test_katakana_and_kanji_brands_sound_like_their_latin_spelling(kana: str, latin: str) -> None:
    assert sounds_alike(kana, latin)


@pytest.mark.parametrize(("one", "other"), [
    ("シャネル", "shimano"), ("ペツル", "pistol"), ("コンビ", "camera"), ("ジェットソン", "jetstream"),
])
def test_different_names_do_not(one: str, other: str) -> None:
    """(A skeleton is blunt: ペツル and "patrol" do share one; a sound is evidence for a name, never proof.)"""
    assert not sounds_alike(one, other)


def test_short_skeletons_are_never_alike() -> None:
    assert sound_key("ナイキ") == sound_key("nike") == "nk"
    assert not sounds_alike("ナイキ", "nike")  # two letters: too many words share them to say so


def test_romaji_of_kana_and_kanji() -> None:
    assert romaji("象印") == "zoujirushi"
    assert romaji("ベビーカー").startswith("bebii")
    assert romaji("petzl") == "petzl"


def test_folding_keeps_offsets_and_the_analyser_sees_hiragana() -> None:
    text = "溝なし　ＭＸ－Ｘ４８"
    assert len(fold(text)) == len(fold_width(text))
    assert fold(text) == "溝ナシ mx-x48" and fold_width(text) == "溝なし mx-x48"
    parts = {w.surface: w for w in words(fold_width("ボッシュ丸ノコ 溝なし"))}
    assert parts["ボッシュ"].origin == "bosch"
    assert parts["丸ノコ"].lemma == "丸鋸" and parts["丸ノコ"].reading == "マルノコ"
    assert parts["なし"].lemma == "無し"  # "without", not ナシ, a pear
