"""Comparing words across scripts by how they sound.

A Japanese seller writes a foreign brand the way it is pronounced
(``シャネル``, ``ペツル``, ``フェスツール``); a recall record writes it in
Latin letters (``Chanel``, ``Petzl``, ``Festool``). Neither spelling can be
turned into the other reliably, but both can be brought to a rough
consonant skeleton: the kana side is romanised by pykakasi (Hepburn), the
Latin side has English spelling conventions undone (``ph`` → f, ``c`` before
e/i/y → s, ``x`` → ks, a silent ``r`` before a consonant), then both drop
vowels, merge the sounds Japanese does not tell apart (l/r, b/v, s/sh/ch/z;
ツ is one sound, spelt ``tz`` or a final ``ts`` in Latin) and collapse
doubled letters:

    シャネル  shaneru  → snr      chanel  → snr
    ペッツル  pettsuru → ptr      petzl   → ptr
    コンビ    konbi    → kmb      combi   → kmb

A skeleton is a blunt key: short ones collide (``nk`` is Nike and many
other things), so callers use keys of at least :data:`MIN_KEY` letters and
treat an agreement as evidence for a name, never as an identifier.
"""

from __future__ import annotations

import re
from functools import lru_cache

from backend.text.per_thread import per_thread

MIN_KEY = 3
_NOT_LETTER = re.compile(r"[^a-z]+")
_LATIN_RULES = [  # English spelling → sounds, in order
    (re.compile(r"(?<=[a-z]{3}[^aeiousx])e?s$"), ""),  # a plural: "scooters" is スクーター
    (re.compile(r"tch"), "ch"), (re.compile(r"sch"), "sh"), (re.compile(r"ph"), "f"), (re.compile(r"ck"), "k"),
    (re.compile(r"qu?"), "k"), (re.compile(r"x"), "ks"), (re.compile(r"c(?=[eiy])"), "s"), (re.compile(r"th"), "s"),
    (re.compile(r"tz|ts$"), "T"),  # ツ: "petzl" ペツル, "sports" スポーツ; "jetson" keeps its t and s
    (re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)"), ""),  # a vowel's r: "fisher" → フィッシャー
]
_SOUND_RULES = [  # what both scripts then share
    (re.compile(r"[sc]h|z|j(?=[^aeiou]|$)"), "s"), (re.compile(r"c"), "k"),
    (re.compile(r"l"), "r"), (re.compile(r"v"), "b"), (re.compile(r"n(?=[bpm])"), "m"),
    (re.compile(r"h(?![aeiou])"), ""), (re.compile(r"[aeiouyw]"), ""),
]
_DOUBLE = re.compile(r"(.)\1+")


@per_thread
def _kakasi():  # type: ignore[no-untyped-def]
    import pykakasi

    return pykakasi.kakasi()


@lru_cache(maxsize=65536)
def romaji(text: str) -> str:
    """Hepburn romanisation of kana and kanji (``象印`` → ``zoujirushi``); Latin stays as is."""
    if text.isascii():
        return text.lower()
    return "".join(part["hepburn"] for part in _kakasi().convert(text)).lower()


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """The consonant skeleton of a word in any script (see the module docstring)."""
    latin = word.isascii()
    text = _NOT_LETTER.sub("", (word if latin else romaji(word)).lower())
    if latin:
        for pattern, repl in _LATIN_RULES:
            text = pattern.sub(repl, text)
    else:
        text = text.replace("ts", "T")  # ツ
    for pattern, repl in _SOUND_RULES:
        text = pattern.sub(repl, text)
    return _DOUBLE.sub(r"\1", text.replace("T", "t"))


def sounds_alike(a: str, b: str) -> bool:
    """Whether two words in any scripts have the same skeleton of at least MIN_KEY letters."""
    key = sound_key(a)
    return len(key) >= MIN_KEY and key == sound_key(b)


@per_thread
def _e2k():  # type: ignore[no-untyped-def]
    import e2k  # a small model shipped in the package; loaded on first use (0.2 s)

    return e2k.C2K()


@lru_cache(maxsize=16384)
def katakana_of(word: str) -> str:
    """How a Japanese seller would most likely write a Latin word in katakana
    (``tikka`` → ティッカ, ``sugocal`` → スゴーカル), from a learned
    English-to-katakana converter: the other direction of :func:`romaji`, for
    product-line names that a skeleton is too short to tell apart."""
    if not word.isascii() or not word.isalpha():
        return word
    return str(_e2k()(word.lower()))
