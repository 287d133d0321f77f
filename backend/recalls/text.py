"""Reading product text the same way on both sides of a match.

Recall records and listings name the same product in different ways: Latin or
katakana brand names (``Combi`` / ``コンビ``), full-width digits, run-on
Japanese (``コンビスゴカルベビーカー``), product words in either language. Both
sides go through :func:`analyse`, which folds the text (NFKC, case, hiragana →
katakana) and reduces it to canonical brand, product-type and product-line
keys from the curated vocabulary, plus the remaining words. Matching then
compares keys, not spellings.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

VOCABULARY_PATH = Path(__file__).with_name("data") / "vocabulary.json"
BRAND, TYPE, LINE = "@", "#", "%"

_HIRA_TO_KATA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)}
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[ァ-ヺー]{2,}|[一-龯々〆]{2,}")
_COMPACT_DROP = re.compile(r"[\s\-‐‑‒–—―_./'’・,、。()（）\[\]【】]+")


def fold(text: str) -> str:
    """NFKC, casefold and hiragana → katakana: the one form all matching sees."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_HIRA_TO_KATA)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Fold character by character, remembering for each folded character the
    index of the original one, so matches can be highlighted in what the
    seller typed even where NFKC changed lengths (``ｶﾞ`` → ``ガ``)."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(unicodedata.normalize("NFC", text)):
        folded = fold(ch)
        if folded in ("\u3099", "\u309a", "゙", "゚") and out:
            merged = unicodedata.normalize("NFKC", out[-1] + folded)
            if len(merged) == 1:
                out[-1] = merged
                continue
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


def compact(text: str) -> str:
    """Folded text without separators, for substring checks on run-on text."""
    return _COMPACT_DROP.sub("", fold(text))


@dataclass(frozen=True)
class Vocabulary:
    keys: dict[str, str]  # folded spelling -> "@brand" / "#type" / "%line"
    pattern: re.Pattern[str]
    stopwords: frozenset[str]
    accessory: re.Pattern[str]

    def accessory_marker(self, folded_title: str) -> str | None:
        """A word saying the listing is a part or accessory *for* the product
        ("スゴカル専用 レインカバー", "lid replacement"), not the product itself."""
        match = self.accessory.search(folded_title)
        return match.group() if match else None

    def key_for_brand(self, brand: str | None) -> str | None:
        """Canonical key for a brand field; unknown brands keep their own compact spelling."""
        if not brand or not brand.strip():
            return None
        folded = fold(brand).strip()
        for spelling, key in self.keys.items():
            if key.startswith(BRAND) and (folded == spelling or compact(folded) == compact(spelling)):
                return key
        return BRAND + compact(folded)[:60]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    keys: dict[str, str] = {}
    for section, prefix in (("lines", LINE), ("types", TYPE), ("brands", BRAND)):
        for name, spellings in raw[section].items():
            for spelling in (name, *spellings):
                keys.setdefault(fold(spelling), prefix + name)
    alternatives = []
    for spelling in sorted(keys, key=len, reverse=True):
        body = r"[\s\-'’・]*".join(re.escape(part) for part in re.split(r"[\s\-'’・]+", spelling) if part)
        if spelling[0].isascii():
            body = rf"(?<![a-z0-9]){body}(?![a-z0-9])"
        alternatives.append(f"(?:{body})")
    pattern = re.compile("|".join(alternatives))
    lookup = {_normal_spelling(s): k for s, k in keys.items()}
    markers = [fold(m) for m in raw["accessory_markers"]]
    accessory = re.compile("|".join(rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.isascii() else re.escape(m)
                                    for m in sorted(markers, key=len, reverse=True)))
    return Vocabulary(keys=lookup, pattern=pattern, stopwords=frozenset(fold(w) for w in raw["stopwords"]),
                      accessory=accessory)


def _normal_spelling(spelling: str) -> str:
    return re.sub(r"[\s\-'’・]+", "", spelling)


@dataclass
class Analysis:
    """Canonical keys found in a text, with where each was found (folded offsets)."""

    keys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    words: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    compact: str = ""

    def add_key(self, key: str, span: tuple[int, int]) -> None:
        self.keys.setdefault(key, []).append(span)

    @property
    def brands(self) -> set[str]:
        return {k for k in self.keys if k.startswith(BRAND)}

    @property
    def types(self) -> set[str]:
        return {k for k in self.keys if k.startswith(TYPE)}

    @property
    def lines(self) -> set[str]:
        return {k for k in self.keys if k.startswith(LINE)}


def analyse(folded: str) -> Analysis:
    """Keys and leftover words of an already :func:`fold`-ed text."""
    vocab = vocabulary()
    result = Analysis(compact=_COMPACT_DROP.sub("", folded))
    blanked = list(folded)
    for match in vocab.pattern.finditer(folded):
        key = vocab.keys.get(_normal_spelling(match.group()))
        if key is None:
            continue
        result.add_key(key, match.span())
        blanked[match.start():match.end()] = " " * (match.end() - match.start())
    for match in _WORD.finditer("".join(blanked)):
        word = match.group()
        if word in vocab.stopwords or len(word) < 2 or (word.isdigit() and len(word) < 4):
            continue
        result.words.setdefault(word, []).append(match.span())
    return result
