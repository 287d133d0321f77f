"""Japanese word lemmas for the classifier, fast enough for the batch path.

:func:`backend.text.japanese.words` gives each word with offsets and a
feature record, which costs a Python object per word; the classifier needs
only the dictionary form of each word, for every listing scored (≥ 2,000 a
second), so this reads MeCab's (UniDic Lite's) plain text output instead,
about twice as fast. It uses the same analyser and dictionary.

The analyser is given NFKC, case-folded text with its hiragana intact:
folding hiragana to katakana, as the matchers' normalised text does, makes
MeCab read ``ではないので`` as one unknown noun.
"""

from __future__ import annotations

import threading
import unicodedata

from backend.text.fold import fold

_local = threading.local()  # MeCab taggers are not thread-safe: one per thread
_SKIP_POS = ("補助記号", "空白", "助詞")


def _tagger():  # type: ignore[no-untyped-def]
    tagger = getattr(_local, "tagger", None)
    if tagger is None:
        import fugashi  # imported on first use, like backend.text.japanese

        tagger = _local.tagger = fugashi.Tagger()
    return tagger


def lemmas(text: str) -> list[str]:
    """Dictionary forms (folded) of the words of ``text``, without punctuation and particles.

    A loanword also yields its original spelling marked ``~`` (``ロレックス`` →
    ``ロレックス``, ``~rolex``), so katakana and Latin spellings of one brand or
    drug share a feature.
    """
    prepared = unicodedata.normalize("NFKC", text).casefold().replace("\n", " ")
    out: list[str] = []
    for line in _tagger().parse(prepared).split("\n"):
        fields = line.split("\t")
        if len(fields) < 5 or fields[4].startswith(_SKIP_POS):
            continue
        lemma, _, gloss = fields[3].partition("-")
        out.append(fold(lemma or fields[0]))
        if gloss and gloss.isascii():
            out.append("~" + gloss.lower())
    return out
