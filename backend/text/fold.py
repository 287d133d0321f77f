"""Character folding: the first step of every reading of text.

Sellers and regulators write one word in many ways: full-width or half-width
letters and digits (``ＭＸ－Ｘ４８``), half-width katakana (``ｶﾞｽ``), hiragana or
katakana (``ないき`` / ``ナイキ``), upper or lower case. NFKC takes care of
widths, ``casefold`` of case, and a table of code points of hiragana →
katakana, so that comparisons of folded text see one spelling.
"""

from __future__ import annotations

import re
import unicodedata

# Hiragana (and its iteration marks) to the katakana 0x60 code points above, and back.
HIRA_TO_KATA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)} | {0x309D: 0x30FD, 0x309E: 0x30FE}
KATA_TO_HIRA = {kata: hira for hira, kata in HIRA_TO_KATA.items()}
_FULL_WIDTH = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)} | {0x20: 0x3000}
_COMBINING_MARKS = ("\u3099", "\u309a", "゙", "゚")
_COMPACT_DROP = re.compile(r"[\s\-‐‑‒–—―_./'’・,、。()（）\[\]【】]+")


def fold(text: str) -> str:
    """NFKC, casefold and hiragana → katakana. ASCII only needs lower-casing,
    which is most of the cost saved on English text."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(HIRA_TO_KATA)


def fold_width(text: str) -> str:
    """:func:`fold` without hiragana → katakana, for the morphological
    analyser: ``溝なし`` is "without a groove", ``溝ナシ`` reads as a pear.
    It has the same length as :func:`fold`'s result, so offsets agree."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold()


def kata(text: str) -> str:
    """Hiragana → katakana: what :func:`fold` adds to :func:`fold_width`."""
    return text.translate(HIRA_TO_KATA)


def spellings(text: str) -> set[str]:
    """The ways a name may be stored that mean the same to a reader: as typed,
    NFKC (half-width), full-width Latin, all hiragana, all katakana. For prefix
    searches over stored text that was not folded (names), each an index lookup."""
    narrow = unicodedata.normalize("NFKC", text)
    return {text, narrow, narrow.translate(_FULL_WIDTH), narrow.translate(HIRA_TO_KATA),
            narrow.translate(KATA_TO_HIRA)}


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold character by character, remembering for each folded character the
    index of the original one, so matches can be highlighted in what the
    writer typed even where NFKC changed lengths (``ｶﾞ`` → ``ガ``)."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        folded = fold(ch)
        if folded in _COMBINING_MARKS and out:
            merged = unicodedata.normalize("NFKC", out[-1] + folded)
            if len(merged) == 1:
                out[-1] = merged
                continue
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def compact(text: str) -> str:
    """Folded text without separators, for substring checks on run-on text."""
    return compact_folded(fold(text))


def compact_folded(folded: str) -> str:
    """:func:`compact` of text already folded."""
    return _COMPACT_DROP.sub("", folded)
