"""Brand mentions, exact and fuzzy, including obfuscated spellings.

A brand mention on its own is never a violation: most branded listings are
genuine. Brands matter because counterfeit signals (``〇〇風``, "1:1", a price
far below the usual one) only mean something next to a brand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from backend.detection.lexicon import BRANDS, Brand
from backend.detection.normalize import Normalized, normalize
from backend.text.fold import fold

_FUZZY_CUTOFF = 88.0
# Ordinary words a fuzzy match would otherwise mistake for a brand.
_FUZZY_STOPWORDS = frozenset({"channel", "channels", "coaches", "homes", "prado", "omegas", "nikes"})
_TOKENS = re.compile(r"[a-z]{5,}|[ァ-ヺー]{4,}")
_STYLE_AFTER = re.compile(fold(
    r"\s?(?:風|タイプ|系|っぽい|テイスト|調|ライク|に似|似|モチーフ|オマージュ|リスペクト|インスパイア"
    r"|-?style|-?inspired|-?type|-?look-?alike|-like)"
))
_STYLE_BEFORE = re.compile(r"(?:inspired by|in the style of|looks like|similar to|style of)\s?$")


@dataclass(frozen=True, slots=True)
class BrandHit:
    """A brand mention; ``start``/``end`` index the normalised text."""

    brand: Brand
    start: int
    end: int
    fuzzy: bool


def _compact(alias: str) -> str:
    return "".join(c for c in fold(alias) if c.isalnum())


@lru_cache(maxsize=1)
def _index() -> tuple[re.Pattern[str], dict[str, Brand], dict[str, Brand]]:
    by_alias: dict[str, Brand] = {}
    fuzzy_choices: dict[str, Brand] = {}
    for brand in BRANDS:
        for alias in (*brand.latin, *brand.kana, brand.name):
            by_alias[_compact(alias)] = brand
            if len(_compact(alias)) >= 5 or (not alias.isascii() and len(_compact(alias)) >= 4):
                fuzzy_choices[_compact(alias)] = brand
    pattern = re.compile("|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True)))
    return pattern, by_alias, fuzzy_choices


def _is_latin_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


def find_brands(norm: Normalized) -> list[BrandHit]:
    """All brand mentions in ``norm``: exact alias matches first, then fuzzy.

    Matching runs on a compact copy without spaces and punctuation so that
    ``louis-vuitton`` and ``ルイ・ヴィトン`` match; latin aliases must start and
    end on word boundaries of the normalised text so ``mini kettle`` is not Nike.
    """
    pattern, by_alias, fuzzy_choices = _index()
    text = norm.text
    keep = [i for i, c in enumerate(text) if c.isalnum()]
    compact = "".join(text[i] for i in keep)
    hits: list[BrandHit] = []
    covered: set[int] = set()
    for m in pattern.finditer(compact):
        start, end = keep[m.start()], keep[m.end() - 1] + 1
        alias = m.group()
        if alias.isascii() and (
            (start > 0 and _is_latin_char(text[start - 1]))
            or (end < len(text) and _is_latin_char(text[end]))
        ):
            continue
        hits.append(BrandHit(by_alias[alias], start, end, fuzzy=False))
        covered.update(range(start, end))
    for m in _TOKENS.finditer(text):
        if covered.intersection(range(m.start(), m.end())) or m.group() in _FUZZY_STOPWORDS:
            continue
        best = process.extractOne(m.group(), fuzzy_choices.keys(), scorer=fuzz.ratio,
                                  score_cutoff=_FUZZY_CUTOFF)
        if best is not None:
            hits.append(BrandHit(fuzzy_choices[best[0]], m.start(), m.end(), fuzzy=True))
    return hits


def brand_from_field(value: str | None) -> Brand | None:
    """The curated brand a listing's brand field names, if any."""
    if not value:
        return None
    hits = find_brands(normalize(value))
    return hits[0].brand if hits else None


def style_mentions(norm: Normalized, hits: list[BrandHit]) -> list[tuple[int, int]]:
    """Ranges (normalised text) where a brand is used as a style: ``シャネル風``, ``gucci inspired``.

    Sellers of look-alikes describe the item *by* the brand instead of *as* the
    brand, which is the usual way counterfeits dodge keyword filters.
    """
    spans = []
    for hit in hits:
        after = _STYLE_AFTER.match(norm.text, hit.end)
        if after:
            spans.append((hit.start, after.end()))
            continue
        before = _STYLE_BEFORE.search(norm.text[max(0, hit.start - 20):hit.start])
        if before:
            spans.append((hit.start - (len(before.group())), hit.end))
    return spans
