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
_LATIN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LATIN_PHRASE = re.compile(r"[a-z0-9]+(?:[\s\-'’・]{1,3}[a-z0-9]+)*")
_JAPANESE_RUN = re.compile(r"[ァ-ヺー・一-龯々〆]+")
_SEPARATORS = re.compile(r"[\s\-'’・]+")
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
    latin: dict[str, str]  # spelling without separators -> "@brand" / "#type" / "%line"
    phrase_starts: frozenset[str]  # first words of the multi-word Latin spellings
    kana: dict[str, str]  # Japanese spelling as folded -> key
    kana_lengths: dict[str, tuple[int, ...]]  # first character -> spelling lengths, longest first
    stopwords: frozenset[str]
    accessory: re.Pattern[str]

    def lookup(self, spelling: str) -> str | None:
        return self.latin.get(_normal_spelling(spelling)) or self.kana.get(spelling)

    def key_for_brand(self, brand: str | None) -> str | None:
        """Canonical key for a brand field; unknown brands keep their own compact spelling."""
        if not brand or not brand.strip():
            return None
        folded = fold(brand).strip()
        key = self.lookup(folded) or self.latin.get(compact(folded))
        if key is not None and key.startswith(BRAND):
            return key
        return BRAND + compact(folded)[:60]

    def accessory_marker(self, folded_title: str) -> str | None:
        """A word saying the listing is a part or accessory *for* the product
        ("スゴカル専用 レインカバー", "lid replacement"), not the product itself."""
        match = self.accessory.search(folded_title)
        return match.group() if match else None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    latin: dict[str, str] = {}
    kana: dict[str, str] = {}
    for section, prefix in (("lines", LINE), ("types", TYPE), ("brands", BRAND)):
        for name, spellings in raw[section].items():
            for spelling in (name, *spellings):
                folded = fold(spelling)
                if folded.isascii():
                    latin.setdefault(_normal_spelling(folded), prefix + name)
                else:
                    kana.setdefault(folded, prefix + name)
    markers = [fold(m) for m in raw["accessory_markers"]]
    accessory = re.compile("|".join(rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.isascii() else re.escape(m)
                                    for m in sorted(markers, key=len, reverse=True)))
    starts = {_normal_spelling(_LATIN.findall(s)[0]) for s in (fold(x) for sec in ("lines", "types", "brands")
              for name, spellings in raw[sec].items() for x in (name, *spellings)) if s.isascii()
              and len(_LATIN.findall(s)) > 1}
    lengths: dict[str, set[int]] = {}
    for spelling in kana:
        lengths.setdefault(spelling[0], set()).add(len(spelling))
    return Vocabulary(latin=latin, phrase_starts=frozenset(starts), kana=kana,
                      kana_lengths={c: tuple(sorted(n, reverse=True)) for c, n in lengths.items()},
                      stopwords=frozenset(fold(w) for w in raw["stopwords"]), accessory=accessory)


def _normal_spelling(spelling: str) -> str:
    return _SEPARATORS.sub("", spelling)


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
    """Keys and leftover words of an already :func:`fold`-ed text.

    Latin words are looked up alone and in runs of up to four (``iris ohyama``,
    ``rock 'n play``); Japanese runs are segmented greedily, longest known
    spelling first, so run-on text (``コンビスゴカルベビーカー``) yields every key.
    """
    vocab = vocabulary()
    result = Analysis(compact=_COMPACT_DROP.sub("", folded))
    covered: list[tuple[int, int]] = []
    tokens = [(m.start(), m.end()) for m in _LATIN.finditer(folded)]
    i = 0
    while i < len(tokens):
        first = folded[tokens[i][0]:tokens[i][1]]
        for n in ((4, 3, 2, 1) if _normal_spelling(first) in vocab.phrase_starts else (1,)):
            if i + n > len(tokens):
                continue
            start, end = tokens[i][0], tokens[i + n - 1][1]
            span = folded[start:end]
            if n > 1 and not _LATIN_PHRASE.fullmatch(span):
                continue
            key = vocab.latin.get(_normal_spelling(span))
            if key is not None:
                result.add_key(key, (start, end))
                covered.append((start, end))
                i += n
                break
        else:
            i += 1
    for run in _JAPANESE_RUN.finditer(folded):
        text, base, pos = run.group(), run.start(), 0
        while pos < len(text) - 1:
            for n in vocab.kana_lengths.get(text[pos], ()):
                key = vocab.kana.get(text[pos:pos + n]) if pos + n <= len(text) else None
                if key is not None:
                    result.add_key(key, (base + pos, base + pos + n))
                    covered.append((base + pos, base + pos + n))
                    pos += n
                    break
            else:
                pos += 1
    blanked = list(folded)
    for start, end in covered:
        blanked[start:end] = " " * (end - start)
    for match in _WORD.finditer("".join(blanked)):
        word = match.group()
        if word in vocab.stopwords or len(word) < 2 or (word.isdigit() and len(word) < 4):
            continue
        result.words.setdefault(word, []).append(match.span())
    return result
