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
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from backend.text.fold import compact, fold, kata
from backend.text.japanese import has_japanese, words
from backend.text.sound import MIN_KEY, sound_key

VOCABULARY_PATH = Path(__file__).with_name("data") / "vocabulary.json"
BRAND, TYPE, LINE = "@", "#", "%"
SOUND = "~"  # a word's sound key (backend.text.sound), for names written in another script
READING = "≈"  # the same for a word with kanji: its reading is no spelling of a foreign word, but of a brand (象印)
MIN_BRAND_KEY = 2  # a brand is a whole word of the title or brand field: a shorter key is still telling (ボッシュ ~ bs)
_FUNCTION_WORDS = frozenset({"助詞", "助動詞", "補助記号", "記号", "接尾辞", "接頭辞", "空白", "感動詞", "動詞",
                             "形容詞", "副詞", "連体詞", "代名詞", "接続詞"})

_LATIN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_LATIN_PHRASE = re.compile(r"[a-z0-9]+(?:[\s\-'’・]{1,3}[a-z0-9]+)*")
_RUN_CHAR = "[ァ-ヺー・一-龯々〆]"
_JAPANESE_RUN = re.compile(_RUN_CHAR + "+")
_SCRIPT_RUN = re.compile(r"[ァ-ヺー]{2,}|[一-龯々〆]{2,}")  # a run of one script: a word, roughly
_SEPARATORS = re.compile(r"[\s\-'’・]+")
_KANJI = re.compile(r"[一-龯々〆]")
# a katakana marker ends where the katakana word does: ブラシ, not ブラシレス
_KATAKANA_ONLY = re.compile(r"[ァ-ヺー]+")
_KATAKANA_RUN = re.compile(r"[ァ-ヺー]{3,}")
# "5057KB用 集じんホース", "A1263対応ケース", "case for A1263": made for that model, not the model
_FOR_MODEL = re.compile(r"[a-z0-9]\s?(用|専用|対応|互換)|\b(for|fits|compatible with)\s+[a-z]*[0-9][a-z0-9\-]*")
_INCLUDED = re.compile(r"\s?(?:付|つき|セット|同梱|incl)|with\s$|w/\s?$")  # "スタンド付き", "with stand": comes with it


@dataclass(frozen=True)
class Vocabulary:
    latin: dict[str, str]  # spelling without separators -> "@brand" / "#type" / "%line"
    phrase_starts: frozenset[str]  # first words of the multi-word Latin spellings
    kana: dict[str, str]  # Japanese spelling as folded -> key
    kana_spellings: re.Pattern[str]  # every Japanese spelling, longest first (see _kana_pattern)
    stopwords: frozenset[str]
    accessory: re.Pattern[str]
    accessory_words: tuple[str, ...]  # the markers as folded, to rule most titles out with a substring test
    keys: frozenset[str]  # every canonical key

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
        if (match := _FOR_MODEL.search(folded_title)) is not None:
            return match.group(1) or match.group(2)
        if not any(word in folded_title for word in self.accessory_words):
            return None
        for match in self.accessory.finditer(folded_title):
            if not _INCLUDED.match(folded_title, match.end()) \
                    and not _INCLUDED.search(folded_title[max(0, match.start() - 6):match.start()]):
                return match.group()
        return None


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
    accessory = re.compile("|".join(rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.isascii() else
                                    rf"{re.escape(m)}(?![ァ-ヺー])" if _KATAKANA_ONLY.fullmatch(m) else re.escape(m)
                                    for m in sorted(markers, key=len, reverse=True)))
    starts = {_normal_spelling(_LATIN.findall(s)[0]) for s in (fold(x) for sec in ("lines", "types", "brands")
              for name, spellings in raw[sec].items() for x in (name, *spellings)) if s.isascii()
              and len(_LATIN.findall(s)) > 1}
    return Vocabulary(latin=latin, phrase_starts=frozenset(starts), kana=kana, kana_spellings=_kana_pattern(kana),
                      stopwords=frozenset(fold(w) for w in raw["stopwords"]), accessory=accessory,
                      accessory_words=tuple(markers), keys=frozenset(latin.values()) | frozenset(kana.values()))


def _kana_pattern(kana: dict[str, str]) -> re.Pattern[str]:
    """One regex finding the Japanese spellings greedily, left to right and
    longest first, as a reader segments run-on text. A one-character
    spelling ("枕") counts only with more Japanese after it, never as the
    last character of a run."""
    spellings = sorted((s for s in kana if _JAPANESE_RUN.fullmatch(s)), key=len, reverse=True)
    parts = [re.escape(s) for s in spellings if len(s) > 1]
    single = [re.escape(s) for s in spellings if len(s) == 1]
    if single:
        parts.append(f"(?:{'|'.join(single)})(?={_RUN_CHAR})")
    return re.compile("|".join(parts) or "(?!)")


def _normal_spelling(spelling: str) -> str:
    return _SEPARATORS.sub("", spelling)


def _plain(token: str) -> str:
    """``_normal_spelling`` of one Latin token, whose only separator can be an apostrophe."""
    return token.replace("'", "").replace("’", "") if "'" in token or "’" in token else token


@dataclass
class Analysis:
    """Canonical keys found in a text, with where each was found (folded offsets)."""

    keys: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    words: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Other forms of a Japanese word (its dictionary form, a loanword's origin)
    # -> the word as written: one word of a name, however many forms it has.
    aliases: dict[str, str] = field(default_factory=dict)

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


def analyse(natural: str, *, segment: bool = True) -> Analysis:
    """Keys and leftover words of a :func:`backend.text.fold.fold_width`-ed text
    (spans are offsets in it, and in its :func:`fold`, which has the same length).

    Latin words are looked up alone and in runs of up to four (``iris ohyama``,
    ``rock 'n play``); Japanese runs are segmented greedily, longest known
    spelling first, so run-on text (``コンビスゴカルベビーカー``) yields every key.
    The rest of the Japanese goes through the morphological analyser; with
    ``segment=False`` (long descriptions, where it would be most of the cost
    of indexing) its runs of katakana and of kanji are taken as words instead.
    """
    vocab = vocabulary()
    result = Analysis()
    folded = kata(natural)
    covered = _latin_keys(folded, vocab, result)
    for match in vocab.kana_spellings.finditer(folded):
        result.add_key(vocab.kana[match.group()], match.span())
        covered.append(match.span())
    text = natural
    if covered:
        blanked = list(natural)
        for start, end in covered:
            blanked[start:end] = " " * (end - start)
        text = "".join(blanked)
    for match in _LATIN.finditer(text):
        word = match.group()
        if word in vocab.stopwords or len(word) < 2 or (word.isdigit() and len(word) < 4):
            continue
        result.words.setdefault(word, []).append(match.span())
    if has_japanese(text):
        if segment:
            _japanese_words(text, vocab, result)
        else:
            for match in _SCRIPT_RUN.finditer(kata(text)):
                _add_word(result, vocab, match.group(), match.span(), ())
    return result


def _japanese_words(natural: str, vocab: Vocabulary, result: Analysis) -> None:
    """Japanese words as the analyser segments them, each also under its
    dictionary form, the original spelling of a loanword (ケトル → kettle)
    and its sound key (ペツル → ``~ptr``), so that English names find them."""
    runs = {m.start(): m for m in _KATAKANA_RUN.finditer(kata(natural))}
    run, run_end = None, -1
    for word in words(natural):
        if word.start in runs and runs[word.start].end() > word.end:
            # a run of katakana the analyser splits (パルスキップ: パルス + キップ) is first of all one
            # name: the run is the word, its pieces other forms of it
            run, run_end = runs[word.start].group(), runs[word.start].end()
            _add_word(result, vocab, run, (word.start, run_end), ())
        if word.pos in _FUNCTION_WORDS or len(word.surface) < 2 \
                or (read := _forms(word.surface, word.lemma, word.origin)) is None:
            continue
        surface, forms = read
        if word.end <= run_end and run is not None:
            for form in (surface, *forms):
                _add_form(result, vocab, form, run, (word.start, word.end))
        else:
            _add_word(result, vocab, surface, (word.start, word.end), forms)


@lru_cache(maxsize=65536)
def _forms(surface: str, lemma: str, origin: str) -> tuple[str, tuple[str, ...]] | None:
    """A Japanese word as matching reads it (katakana) and its other forms; None
    for a word without Japanese. Words repeat across listings: cached."""
    if not has_japanese(surface):
        return None
    return kata(surface), (kata(lemma), *(part for part in origin.split() if len(part) >= 3))


def _add_word(result: Analysis, vocab: Vocabulary, surface: str, span: tuple[int, int],
              forms: tuple[str, ...]) -> None:
    """A word, its other forms and its sound key."""
    if surface in vocab.stopwords:
        return
    result.words.setdefault(surface, []).append(span)
    for form in forms:
        _add_form(result, vocab, form, surface, span)
    key = sound_key(surface)
    if len(key) >= MIN_BRAND_KEY:
        result.words.setdefault(sound_prefix(surface) + key, []).append(span)


def _add_form(result: Analysis, vocab: Vocabulary, form: str, word: str, span: tuple[int, int]) -> None:
    if form != word and form not in vocab.stopwords:
        result.words.setdefault(form, []).append(span)
        result.aliases.setdefault(form, word)


def term_of(word: str) -> str:
    """The index term a word is looked up by: its sound key where it has a
    long enough one, so a word finds its spellings in every script with one
    term (``sugocal`` and ``スゴカル`` are both ``~sgkr``); else the word."""
    if word.startswith((SOUND, READING)) or any(c.isdigit() for c in word):
        return word
    key = sound_key(word)
    return sound_prefix(word) + key if len(key) >= MIN_KEY else word


def sound_prefix(word: str) -> str:
    """How a word's sound key is marked: apart for words with kanji, whose
    readings match other words with kanji or a brand, never an English word
    (加湿 and "cassette" share a skeleton)."""
    return READING if _KANJI.search(word) else SOUND


def _latin_keys(folded: str, vocab: Vocabulary, result: Analysis) -> list[tuple[int, int]]:
    """Add the Latin keys to ``result``; returns the spans they cover."""
    covered: list[tuple[int, int]] = []
    tokens = [(m.start(), m.end(), m.group()) for m in _LATIN.finditer(folded)]
    i = 0
    while i < len(tokens):
        first = _plain(tokens[i][2])
        if first not in vocab.phrase_starts:
            key = vocab.latin.get(first)
            if key is not None:
                result.add_key(key, tokens[i][:2])
                covered.append(tokens[i][:2])
            i += 1
            continue
        for n in (4, 3, 2, 1):
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
    return covered
