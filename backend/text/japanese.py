"""Japanese words with their lemma, reading and loanword origin, from a
maintained morphological analyser (MeCab through fugashi, with UniDic Lite).

Japanese has no spaces, so a listing such as ``ボッシュ丸ノコ`` has to be
segmented before its words can be compared with a recall's "Bosch circular
saw". UniDic gives each word its dictionary form (``丸ノコ`` → ``丸鋸``), its
reading in katakana (``象印`` → ``ゾウジルシ``, which :mod:`backend.text.sound`
romanises) and, for many loanwords, the spelling of the original
(``ボッシュ-Bosch``, ``ケトル-kettle``): that is how katakana finds English.

Text given here is already :func:`backend.text.fold.fold`-ed; offsets are
offsets in it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from backend.text.per_thread import per_thread

_ORIGIN = re.compile(r"-([a-z][a-z '\-&.]*)$")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺー一-龯々〆ヵヶ]")


class Word(NamedTuple):
    surface: str  # as it stands in the folded text
    start: int
    end: int
    lemma: str  # dictionary form, without UniDic's gloss ("丸鋸", "ボッシュ"); the surface if unknown
    reading: str  # katakana reading ("ゾウジルシ"), "" when the dictionary does not know the word
    origin: str  # the loanword's original spelling, folded ("bosch", "baby"), or ""
    pos: str  # UniDic's first part-of-speech level: 名詞, 動詞, 補助記号 ...


@per_thread
def _tagger():  # type: ignore[no-untyped-def]
    """MeCab with UniDic Lite, printing UniDic's own one-line format (surface,
    pronunciation, reading, lemma, part of speech ...): one call into C per
    text instead of a Python object per word, which halves the cost."""
    import fugashi  # imported on first use: the console never needs it, the service only once text is read
    import unidic_lite

    return fugashi.GenericTagger(f'-d "{unidic_lite.DICDIR}" -r "{unidic_lite.DICDIR}/mecabrc" -Ounidic')


def has_japanese(text: str) -> bool:
    return _JAPANESE.search(text) is not None


def words(folded: str) -> list[Word]:
    """The words of a folded text, in order, with their offsets."""
    out: list[Word] = []
    pos = 0
    for line in _tagger().parse(folded).split("\n"):
        fields = line.split("\t")
        if len(fields) < 5:  # "EOS"
            continue
        surface = fields[0]
        start = folded.find(surface, pos)
        if start < 0:  # the analyser never rewrites text; if it ever did, keep offsets monotonic
            start = pos
        end = start + len(surface)
        pos = end
        out.append(Word(surface, start, end, *_features(surface, fields[3], fields[2], fields[4])))
    return out


@lru_cache(maxsize=65536)
def _features(surface: str, lemma: str, kana: str, pos: str) -> tuple[str, str, str, str]:
    """Lemma, reading, origin and first part of speech of one word (words repeat across listings: cached)."""
    origin = ""
    base = lemma or surface
    if lemma and "-" in lemma:
        base, _, gloss = lemma.partition("-")
        match = _ORIGIN.search("-" + gloss.lower())
        if match is not None:
            origin = match.group(1).strip()
    return base, kana, origin, pos.partition("-")[0]
