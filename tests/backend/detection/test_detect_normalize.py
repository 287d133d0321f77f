"""Normalisation: the forms sellers write collapse to one, with offsets back to the original."""

import pytest

from backend.detection.brands import find_brands
from backend.detection.normalize import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＧＵＣＣＩ　財布", "gucci 財布"),
        ("ｼｬﾈﾙ ﾊﾞｯｸﾞ", "シャネル バッグ"),
        ("ないき", "ナイキ"),
        ("L0UIS VUITT0N", "louis vuitton"),
        ("ch@nel $upreme gucc1", "chanel supreme gucci"),
        ("ロレ○クス", "ロレックス"),
        ("ル○ヴィ○ン", "ルイヴィトン"),
        ("N I K E air max", "nike air max"),
        ("s.u.p.r.e.m.e box logo", "supreme box logo"),
        ("スーパーコ○ー", "スーパーコピー"),
    ],
)
def test_obfuscated_forms_collapse(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


@pytest.mark.parametrize("raw", ["G-SHOCK GA-2100", "1:1 scale", "N95 mask", "〇〇風 バッグ", "mini kettle"])
def test_ordinary_words_survive(raw: str) -> None:
    assert normalize(raw).text == raw.casefold()


@pytest.mark.parametrize("spelling", ["ないき", "ナイキ", "NIKE", "ﾅｲｷ", "Ｎｉｋｅ", "N.I.K.E", "n i k e"])
def test_nike_spellings_are_one_brand(spelling: str) -> None:
    hits = find_brands(normalize(f"{spelling} スニーカー"))
    assert [h.brand.key for h in hits] == ["nike"]


def test_brand_inside_other_word_is_not_matched() -> None:
    assert find_brands(normalize("mini kettle and a stagecoach")) == []


def test_fuzzy_misspelling_is_matched() -> None:
    assert [h.brand.key for h in find_brands(normalize("rolexx submariner"))] == ["rolex"]


def test_spans_point_into_original_text() -> None:
    raw = "激安 L0UIS VUITT0N バッグ"
    norm = normalize(raw)
    start = norm.text.index("louis vuitton")
    s, e = norm.span(start, start + len("louis vuitton"))
    assert raw[s:e] == "L0UIS VUITT0N"


def test_spans_survive_width_and_kana_changes() -> None:
    raw = "ｼｬﾈﾙ 風の ﾊﾞｯｸﾞ"
    norm = normalize(raw)
    start = norm.text.index("バッグ")
    s, e = norm.span(start, start + 3)
    assert raw[s:e] == "ﾊﾞｯｸﾞ"
