"""Reading a message once: folded text, offsets back into what the member typed,
and the digits a writer spelled out (ゼロキューゼロ, 〇九〇, "zero nine zero").

Every rule and the contact finder read the folded text (:func:`backend.text.fold.fold`:
widths, case, hiragana → katakana), so ０９０, ぜろきゅー and ＬＩＮＥ need no
patterns of their own. Spans are reported in the original string's offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from backend.text.fold import fold, fold_with_map

#: Spelled-out digits, katakana (hiragana is folded to katakana) and kanji; longest first.
_KANA_DIGITS = {
    "ゼロ": "0", "レイ": "0", "マル": "0", "ワン": "1", "イチ": "1", "ツー": "2", "ニー": "2", "ニ": "2",
    "サン": "3", "スリー": "3", "ヨン": "4", "フォー": "4", "ゴー": "5", "ゴ": "5", "ファイブ": "5",
    "ロク": "6", "シックス": "6", "ナナ": "7", "シチ": "7", "セブン": "7", "ハチ": "8", "ハッ": "8", "エイト": "8",
    "キュウ": "9", "キュー": "9", "キュ": "9", "ク": "9", "ナイン": "9", "シ": "4", "ヨ": "4", "イ": "1",
}
_KANJI_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
                 "八": "8", "九": "9", "壱": "1", "弐": "2", "参": "3"}
_EN_DIGITS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
              "seven": "7", "eight": "8", "nine": "9"}
_KANA_WORDS = sorted(_KANA_DIGITS, key=len, reverse=True)
_KATAKANA_RUN = re.compile(r"[ァ-ヺー]+")
_EN_WORD = re.compile(r"\b(?:" + "|".join(_EN_DIGITS) + r")\b")


@dataclass
class Message:
    """One message as the rules read it."""

    original: str
    folded: str
    index: list[int] | None  # folded offset -> original offset; None when they agree

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A folded range as a range of the original text."""
        if self.index is None or not self.index:
            return start, end
        last = len(self.index) - 1
        a = self.index[min(start, last)]
        b = self.index[min(end - 1, last)] + 1 if end > start else a
        return a, b

    @cached_property
    def digits(self) -> DigitReading:
        return read_digits(self.folded)


def read(text: str) -> Message:
    folded = fold(text)
    if len(folded) == len(text):
        return Message(text, folded, None)
    folded, index = fold_with_map(text)
    return Message(text, folded, index)


@dataclass(frozen=True)
class DigitReading:
    """The folded text with spelled-out digits written as digits, and for each
    character of it the folded offset it came from."""

    text: str
    origin: list[int]  # start, in the folded text, of each character's source
    origin_end: list[int]  # end, in the folded text, of each character's source
    spelled: frozenset[int]  # offsets (in ``text``) of digits that were spelled out


def _kana_digits(run: str) -> list[tuple[str, int, int]]:
    """The stretches of a katakana run made only of digit words (ゼロキューゼロ in ゼロキューゼロノ),
    each of at least two words, so a lone ゴ or シ inside a word stays a word."""
    out: list[tuple[str, int, int]] = []
    stretch: list[tuple[str, int, int]] = []
    i = 0
    while i <= len(run):
        word = next((w for w in _KANA_WORDS if run.startswith(w, i)), None) if i < len(run) else None
        if word is not None:
            stretch.append((_KANA_DIGITS[word], i, i + len(word)))
            i += len(word)
            continue
        if i < len(run) and run[i] == "ー" and stretch:  # キュー, ゴー written with an extra bar
            i += 1
            continue
        if len(stretch) >= 2:
            out.extend(stretch)
        stretch = []
        i += 1
    return out


def read_digits(folded: str) -> DigitReading:
    pieces: list[tuple[int, int, str]] = []  # (start, end, digit) replacing folded[start:end]
    if not folded.isascii():
        for match in _KATAKANA_RUN.finditer(folded):
            digits = _kana_digits(match.group())
            if digits:
                pieces.extend((match.start() + a, match.start() + b, d) for d, a, b in digits)
        for i, ch in enumerate(folded):
            if ch in _KANJI_DIGITS:
                pieces.append((i, i + 1, _KANJI_DIGITS[ch]))
    if any(word in folded for word in ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                       "nine", "oh")):
        pieces.extend((m.start(), m.end(), _EN_DIGITS[m.group()]) for m in _EN_WORD.finditer(folded))
    if not pieces:
        return DigitReading(folded, list(range(len(folded))), list(range(1, len(folded) + 1)), frozenset())
    pieces.sort()
    out: list[str] = []
    origin: list[int] = []
    origin_end: list[int] = []
    spelled: set[int] = set()
    pos = 0
    for start, end, digit in pieces:
        if start < pos:
            continue
        out.append(folded[pos:start])
        origin.extend(range(pos, start))
        origin_end.extend(range(pos + 1, start + 1))
        spelled.add(len(origin))
        out.append(digit)
        origin.append(start)
        origin_end.append(end)
        pos = end
    out.append(folded[pos:])
    origin.extend(range(pos, len(folded)))
    origin_end.extend(range(pos + 1, len(folded) + 1))
    return DigitReading("".join(out), origin, origin_end, frozenset(spelled))
