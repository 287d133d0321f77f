"""Text normalisation that keeps a map back to the original characters.

Listings are written in every possible way: full-width letters, hiragana or
katakana, spaced-out or masked brand names (``N I K E``, ``ロレ○クス``) and
digits for letters (``L0UIS VUITT0N``). All matchers work on one normalised
form, and every normalised character remembers which original characters it
came from so that reasons can highlight the words the seller actually typed.

The steps, in order:

1. per character: NFKC (full-width → half-width, half-width kana → full-width),
   casefold, hiragana → katakana; split voiced marks are recomposed;
2. spaced-out single letters (``n i k e``, ``s.u.p.r.e.m.e``, ``ナ・イ・キ``)
   are joined;
3. digit/symbol-for-letter tokens (``l0uis``, ``ch@nel``, ``r3plica``) are
   rewritten, but only when the rewrite is a known word, so model numbers such
   as ``ga-2100`` are left alone;
4. masked characters (``○ ● ◯ 〇 * ×``) are filled in when the surrounding
   characters spell a known word (``ロレ○クス`` → ``ロレックス``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from backend.detection.lexicon import vocabulary_words
from backend.text.fold import fold

_VOICED_MARKS = {"\u3099", "\u309a"}
MASK_CHARS = frozenset("○●◯〇*×◎")
_LEET = {"0": "o", "3": "e", "5": "s", "@": "a", "$": "s", "4": "a", "7": "t", "!": "i", "|": "l"}
_LEET_ONE = ("i", "l")

_SPACED_LATIN = re.compile(r"(?<![a-z0-9])[a-z](?:[ ._\-*・/]{1,2}[a-z](?![a-z0-9])){2,}")
_SPACED_KANA = re.compile(r"(?<![ァ-ヺー])[ァ-ヺー](?:[ ._\-*・/]{1,2}[ァ-ヺー](?![ァ-ヺー])){2,}")
_SEPARATORS = re.compile(r"[ ._\-*・/]")
_LEET_TOKEN = re.compile(r"[a-z0-9@$!|]*[a-z][a-z0-9@$!|]*|[a-z0-9@$!|]*[@$][a-z0-9@$!|]*")
_HAS_LEET = re.compile(r"[013457@$!|]")


_fold_char = lru_cache(maxsize=8192)(fold)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, per character, the original [start, end) it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty [start, end) range of ``text`` to a range of ``original``."""
        return self.starts[start], self.ends[end - 1]


class _Builder:
    """Mutable per-character buffer used while normalising."""

    def __init__(self, original: str) -> None:
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for i, ch in enumerate(original):
            folded = _fold_char(ch)
            if folded in _VOICED_MARKS and chars:
                composed = unicodedata.normalize("NFC", chars[-1] + folded)
                if len(composed) == 1:
                    chars[-1] = composed
                    ends[-1] = i + 1
                    continue
            for out in folded:
                chars.append(out)
                starts.append(i)
                ends.append(i + 1)
        self.chars, self.starts, self.ends = chars, starts, ends

    def text(self) -> str:
        return "".join(self.chars)

    def delete(self, positions: set[int]) -> None:
        keep = [i for i in range(len(self.chars)) if i not in positions]
        self.chars = [self.chars[i] for i in keep]
        self.starts = [self.starts[i] for i in keep]
        self.ends = [self.ends[i] for i in keep]

    def replace(self, start: int, word: str) -> None:
        self.chars[start:start + len(word)] = list(word)


def _join_spaced(buf: _Builder) -> None:
    text = buf.text()
    doomed: set[int] = set()
    for pattern in (_SPACED_LATIN, _SPACED_KANA):
        for m in pattern.finditer(text):
            doomed.update(m.start() + i for i, c in enumerate(m.group()) if _SEPARATORS.fullmatch(c))
    if doomed:
        buf.delete(doomed)


def _leet_variants(token: str) -> list[str]:
    base = "".join(_LEET.get(c, c) for c in token)
    ones = [i for i, c in enumerate(base) if c == "1"]
    if not ones:
        return [base]
    if len(ones) > 3:
        return [base.replace("1", "i"), base.replace("1", "l")]
    variants = []
    for choice in itertools.product(_LEET_ONE, repeat=len(ones)):
        chars = list(base)
        for pos, letter in zip(ones, choice):
            chars[pos] = letter
        variants.append("".join(chars))
    return variants


def _undo_leet(buf: _Builder, latin: frozenset[str]) -> None:
    text = buf.text()
    for m in _LEET_TOKEN.finditer(text):
        token = m.group()
        if not _HAS_LEET.search(token) or token.isdigit():
            continue
        for variant in _leet_variants(token):
            if variant in latin or (variant.endswith("s") and variant[:-1] in latin):
                buf.replace(m.start(), variant)
                break


def _fill_masks(buf: _Builder, latin: frozenset[str], kana: frozenset[str]) -> None:
    text = buf.text()
    masks = [i for i, c in enumerate(text) if c in MASK_CHARS]
    if not masks:
        return
    for word in sorted(latin | kana, key=len, reverse=True):
        n = len(word)
        is_latin = word.isascii()
        for p in masks:
            for s in range(max(0, p - n + 1), p + 1):
                window = text[s:s + n]
                if len(window) != n:
                    continue
                masked = sum(c in MASK_CHARS for c in window)
                if masked > n // 2 or any(c != w and c not in MASK_CHARS for c, w in zip(window, word)):
                    continue
                if is_latin and (
                    (s > 0 and text[s - 1].isalnum() and text[s - 1].isascii())
                    or (s + n < len(text) and text[s + n].isalnum() and text[s + n].isascii())
                ):
                    continue
                buf.replace(s, word)
                text = buf.text()
        masks = [i for i, c in enumerate(text) if c in MASK_CHARS]
        if not masks:
            return


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    return vocabulary_words()


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching; see the module docstring for the steps."""
    latin, kana = _vocabulary()
    buf = _Builder(text)
    _join_spaced(buf)
    _undo_leet(buf, latin)
    _fill_masks(buf, latin, kana)
    return Normalized(text, buf.text(), tuple(buf.starts), tuple(buf.ends))
