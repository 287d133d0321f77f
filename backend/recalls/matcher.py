"""Scoring listings against a recall, and finding the listings worth scoring.

Evidence comes in three strengths:

1. barcode equality (GTIN-14, so UPC-A, EAN-13 and JAN spellings agree);
2. model-number equality after normalisation (NFKC, case, hyphens, spaces),
   or the recalled model with a colour suffix (``EH-NA0J-A``);
3. fuzzy name evidence: brand, product type and product line keys, and the
   remaining words of the product name (rapidfuzz for spelling slips).

Only 1 and 2 reach *high* confidence. A listing of the same brand that names
a *different* model of the recalled family, or carries another barcode, is a
near miss and stays *low* however similar its title is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple, get_type_hints

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from backend.listings.keys import normalise_model
from backend.listings.models import Listing
from backend.recalls.candidates import candidate_ids, member_of
from backend.recalls.companies import brand_names, title_brand
from backend.recalls.extract import Found, family, looks_like_model, model_numbers, without_variant
from backend.recalls.models import Confidence, ListingReading, Recall, RecallProduct
from backend.recalls.reading import TEXT_FIELDS, ListingFields, ListingText, Spans, spans_of, stored_or_read
from backend.recalls.terms import GTIN, MODEL
from backend.recalls.text import MIN_BRAND_KEY, READING, SOUND, TYPE, analyse, term_of, vocabulary
from backend.text.fold import compact, fold, fold_width, fold_with_map
from backend.text.sound import MIN_KEY, katakana_of, sound_key

MIN_SCORE = 0.4
HIGH, MEDIUM = 0.85, 0.6
_LINE_WEIGHT, _WORD_WEIGHT, _TYPE_WEIGHT = 3.0, 1.0, 1.0
OTHER_TYPE = 0.7  # score factor for a listing whose title names only other product types
# A listing that shares only the product type with a name ("Power banks") could be
# any product of that type: the type may bring a listing of the brand up to low, never further.
TYPE_ONLY = 0.3


def confidence_for(score: float) -> Confidence:
    return Confidence.high if score >= HIGH else Confidence.medium if score >= MEDIUM else Confidence.low


def barcode_kind(digits: str) -> str:
    return {8: "EAN-8", 12: "UPC-A", 13: "JAN/EAN-13", 14: "GTIN-14"}.get(len(digits), "code")


@dataclass(frozen=True)
class NameVariant:
    """One product name of the recall, reduced to keys and weighted words."""

    label: str
    types: frozenset[str]
    lines: frozenset[str]
    words: frozenset[str]
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a word's other forms (丸ノコ: 丸鋸)

    @cached_property
    def total(self) -> float:
        return (_TYPE_WEIGHT if self.types else 0) + _LINE_WEIGHT * len(self.lines) + _WORD_WEIGHT * len(self.words)

    @cached_property
    def types_plain(self) -> frozenset[str]:
        """The type keys as evidence names them (without the key prefix)."""
        return frozenset(t[1:] for t in self.types)

    @cached_property
    def weighted_keys(self) -> tuple[tuple[str, float], ...]:
        """The type and line keys with their weights, worked out once rather than for every listing."""
        return tuple((k, _TYPE_WEIGHT if k in self.types else _LINE_WEIGHT) for k in self.types | self.lines)


@dataclass
class RecallProfile:
    """Everything matching needs from a recall, computed once per run."""

    recall_id: int
    number: str
    brands: dict[str, str]  # key -> the spelling the recall used
    names: list[NameVariant]
    models: dict[str, str]  # normalised -> as written
    gtins: dict[str, str]  # GTIN-14 -> as written
    brand_sounds: frozenset[str] = frozenset()  # sound keys of the brand names, for listings in another script
    # every word of the recalled products' names (and their sound keys): a listing's
    # brand named there ("Salsa Cowchipper" recalled by Quality Bicycle Products) is the recalled brand
    product_words: frozenset[str] = frozenset()

    @cached_property
    def query_terms(self) -> frozenset[str]:
        return frozenset(self.term_weights)

    @cached_property
    def term_weights(self) -> dict[str, float]:
        """What each index term adds to the score estimate that ranks
        candidates: the brand 0.3, a product word its share of 0.7 in the
        product name it counts most in; identifiers are looked up apart."""
        weights: dict[str, float] = {b: 0.3 for b in self.brands}
        weights |= {prefix + k: 0.3 for k in self.brand_sounds for prefix in (SOUND, READING)}
        weights |= {MODEL + m: 1.0 for m in self.models} | {GTIN + g: 1.0 for g in self.gtins}
        for name in self.names:
            if not name.total:
                continue
            parts = [(t, _TYPE_WEIGHT) for t in name.types] + [(t, _LINE_WEIGHT) for t in name.lines]
            for word in name.words:
                # a katakana run is looked up by its pieces: "グランドモール トミカビル" has them too
                forms = name.forms.get(word, ()) if _KATAKANA.fullmatch(word) else ()
                pieces = [f for f in forms if _KATAKANA.fullmatch(f)]
                if pieces:
                    parts += [(term_of(p), _WORD_WEIGHT / len(pieces)) for p in pieces]
                elif len(word) >= (3 if word.isascii() else 2):  # 小物 says as much as "pouch"
                    parts.append((term_of(word), _WORD_WEIGHT))
            for term, part in parts:
                weights[term] = max(weights.get(term, 0.0), round(0.7 * part / name.total, 4))
        return weights

    @cached_property
    def key_weights(self) -> dict[str, float]:
        """The weights of vocabulary keys (brands, types, lines): found through keysets."""
        known = vocabulary().keys
        return {t: w for t, w in self.term_weights.items() if t in known}

    @cached_property
    def word_weights(self) -> dict[str, float]:
        """The other name weights (product words, a brand outside the vocabulary): read from their postings."""
        return {t: w for t, w in self.term_weights.items()
                if t not in self.key_weights and not t.startswith((MODEL, GTIN))}

    @cached_property
    def recalled_types(self) -> frozenset[str]:
        return frozenset().union(*(n.types for n in self.names))

    def type_factor(self, keys: Iterable[str]) -> float:
        """What scoring multiplies a listing's score by when its product types are all other ones."""
        types = {k for k in keys if k.startswith(TYPE)}
        return OTHER_TYPE if types and self.recalled_types and not types & self.recalled_types else 1.0

    @cached_property
    def lettered_models(self) -> dict[str, re.Pattern[str]]:
        """Recalled models without a digit ("RCS-NAS"), which listings' text is
        not read for: each as a pattern for the folded text, separators optional."""
        out = {}
        for raw in self.models.values():
            if not any(c.isdigit() for c in raw) and len(parts := re.findall(r"[a-z]+", fold(raw))) > 1:
                out[raw] = re.compile(r"(?<![a-z0-9])" + r"[\s\-.]?".join(parts) + r"(?![a-z0-9])")
        return out

    @cached_property
    def numbered_models(self) -> dict[str, re.Pattern[str]]:
        """Recalled models of digits alone ("2574", "087/01/0042"), as patterns."""
        return {raw: re.compile(r"(?<![0-9])" + r"[\s\-/.]?".join(re.findall(r"\d+", raw)) + r"(?![0-9])")
                for key, raw in self.models.items() if key.isdigit() and len(key) >= 4}

    @cached_property
    def families(self) -> frozenset[str]:
        """Model families of the recall: a listing naming a sibling model is a near miss."""
        return frozenset(family(m) for m in self.models)

    @cached_property
    def recalled_ids(self) -> str:
        """The recalled model numbers (or barcodes) as a near miss's evidence quotes them."""
        return ", ".join(list(self.models.values())[:3] or list(self.gtins.values())[:3])

    @cached_property
    def brand_compacts(self) -> list[str]:
        return [compact(key[1:]) for key in self.brands if len(key) > 4]


def _brand_keys(names: Iterable[str]) -> dict[str, str]:
    """Brand keys for brand names: the vocabulary's where it knows the brand, else the name's own."""
    out: dict[str, str] = {}
    for name in names:
        found = analyse(fold_width(name)).brands
        if found:
            out.update({key: key[1:] for key in found if key not in out})
            continue
        key = vocabulary().key_for_brand(name)
        if key and len(key) > 2 and key not in out:
            out[key] = name
    return out


_NOT_A_MODEL_AFTER = re.compile(
    r"(?:serial|lot|batch|date code|s/n|sku|upc|ean|jan|astm|ansi|iso|jis|iec|csa|cfr|en|ul|part|item|製造番号|ロット|"
    r"製造年月|製造記号)[^a-z0-9]{0,3}(?:numbers?|nos?\.?|codes?|#)?[^a-z0-9]{0,3}$")


_LATIN_WORD = re.compile(r"[a-z]{2,}")
_KATAKANA = re.compile(r"[ァ-ヺー]+")
_KANJI = re.compile(r"[一-龯々〆]")
_KANA_MARKS = str.maketrans("", "", "ッーｰ・")
_RANGE = re.compile(r"\s*(?:through|thru|to|until|[-–~〜～]|から)\s*")
_NOT_A_MODEL = re.compile(r"\d+-[a-z]{3,}$")  # "3-wheel", "2-pack"
_EXCLUDED = re.compile(r"\bnot (?:affected|included|recalled|part of|involved|subject)|\bexcluded\b|\bunaffected\b|"
                       r"\bare not\b|\bis not\b|対象外|対象ではありません|含まれません|該当しません")
_SENTENCE_END = re.compile(r"[.。!！?？]\s|[。!！?？]")


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around offset ``at``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    end = _SENTENCE_END.search(text, at)
    return text[starts[-1] if starts else 0:end.start() if end else len(text)]


def _prose_models(texts: Iterable[str], known: dict[str, str], gtins: dict[str, str],
                  number: str) -> dict[str, str]:
    """Model numbers a record names in its prose ("the Makita 5057KB circular
    saw", "BJ90121 for single strollers, BJ90221 …", "品番：NA-X1、NA-X2"): what
    looks like a model and is not a lot, serial, date code, standard or
    barcode, nor the recall's own number."""
    own = normalise_model(number) or ""
    found: dict[str, str] = {}
    for text in texts:
        folded = fold(text or "")
        excluded_end = -1
        for model in model_numbers(folded):
            key = model.key
            if excluded_end >= 0 and _RANGE.fullmatch(folded, excluded_end, model.start):
                excluded_end = model.end  # "serial numbers SN1234567 through SN1239999": the range's end too
                continue
            if key in known or key in found or key == own or key.isdigit() and not model.labelled \
                    or any(key in g for g in gtins) or len(key) < 4:
                continue
            if _NOT_A_MODEL_AFTER.search(folded[max(0, model.start - 24):model.start]) \
                    or _NOT_A_MODEL.match(model.raw) or sum(c.isdigit() for c in key) >= 8:
                excluded_end = model.end
                continue  # a lot, serial or date code, a standard; "3-wheel"; a serial number's many digits
            excluded_end = -1
            if _EXCLUDED.search(_sentence(folded, model.start)):  # "the 10000mAh version (CHE-111) is not affected"
                continue
            found[key] = model.raw
    return found


_HEAD = re.compile(r"[(（\[【「,、/]| [-–] ")  # where a name's first phrase ends: details follow
_BRACKETED = re.compile(r"\([^)]*\)|（[^）]*）|「|」|【[^】]*】")


def _is_model(text: str) -> bool:
    """A model field holding a model number ("SG-4C7", "RCS-NAS"), not a
    product-line name ("Hovertrax", "Salsa Cowchipper", "Whisky No.9 12F")."""
    words = text.split()
    return not any(len(w) >= 5 and w.isalpha() for w in words) and (any(c.isdigit() for c in text)
                                                                   or "-" in text and len(words) == 1)


def profile_of(recall: Recall, products: Sequence[RecallProduct]) -> RecallProfile:
    companies = [p.brand for p in products] + (recall.manufacturer or "").split(";") + [title_brand(recall.title)]
    brand_spellings = [name for company in companies for name in brand_names(company)]
    brands = _brand_keys(brand_spellings)
    brands.update({k: k[1:] for text in [recall.title, *(p.name for p in products)]
                   for k in analyse(fold_width(text or "")).brands if k not in brands})
    brand_words = {compact(b[1:]) for b in brands} | {compact(s) for s in brands.values()}
    # A product's name, the same without what brackets add (colours, sale dates),
    # and a "model" that is really a line name are each a name a listing may use.
    texts = {p.name for p in products if p.name} or {recall.title}
    texts |= {p.model_number for p in products if p.model_number and not _is_model(p.model_number)}
    texts_as_given = {stripped: t for t in texts if (stripped := _BRACKETED.sub(" ", t).strip()) and stripped != t}
    texts_as_given |= {head: t for t in texts if (head := _HEAD.split(t)[0].strip()) and head != t}
    texts |= set(texts_as_given)
    names: dict[str, NameVariant] = {}
    product_words: set[str] = set()
    for text in texts:
        found = analyse(fold_width(text))
        product_words |= {w for w in found.words if len(w) >= 3 and not looks_like_model(w)}
        product_words |= {term_of(w) for w in found.words if len(w) >= 3}
        product_words |= {SOUND + k for w in found.words if len(k := sound_key(w)) >= MIN_BRAND_KEY}
        brand_words |= {w for w in found.words if compact(w) in brand_words}
        words = frozenset(w for w in found.words
                          if w not in brand_words and not looks_like_model(w) and not w.isdigit()
                          and not w.startswith((SOUND, READING)) and w not in found.aliases)
        if text != texts_as_given.get(text, text) and not (words or found.lines):
            continue  # stripped down to a product type alone: says nothing of which product
        forms: dict[str, tuple[str, ...]] = {}
        for form, word in found.aliases.items():
            forms[word] = (*forms.get(word, ()), form)
        for word in words:  # "tikka": ティッカ, as a Japanese seller would write the line's name
            if word.isascii() and word.isalpha() and len(word) >= 4:
                forms[word] = (*forms.get(word, ()), katakana_of(word))
        names[text] = NameVariant(text, frozenset(found.types), frozenset(found.lines), words, forms)
    if not any(n.types for n in names.values()):
        title_types = frozenset(analyse(fold_width(recall.title)).types)
        names = {k: NameVariant(v.label, title_types, v.lines, v.words, v.forms) for k, v in names.items()}
    models = {p.model_norm: p.model_number or p.model_norm for p in products
              if p.model_norm and _is_model(p.model_number or p.model_norm)}
    gtins = {p.gtin: p.barcode or p.gtin for p in products if p.gtin}
    models |= _prose_models([recall.title, recall.description, *(p.name for p in products)], models, gtins,
                            recall.number)
    sounds = {sound_key(compact(name)) for name in brand_spellings + [b[1:] for b in brands]}
    return RecallProfile(recall.id, recall.number, brands, list(names.values()), models, gtins,
                         frozenset(k for k in sounds if len(k) >= MIN_BRAND_KEY), frozenset(product_words))


@dataclass(slots=True)
class Evidence:
    kind: str
    text: str
    field: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def as_json(self, raw_fields: dict[str, str]) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "field": self.field,
                "spans": _raw_spans(raw_fields.get(self.field) or "", self.spans)}


def _raw_spans(raw: str, folded_spans: list[tuple[int, int]]) -> list[list[int]]:
    """Folded offsets back to offsets in the text as the seller typed it."""
    if not folded_spans or not raw:
        return []
    folded, index = fold_with_map(raw)
    if folded != fold(raw):
        return []
    out = []
    for start, end in folded_spans:
        if 0 <= start < end <= len(index):
            out.append([index[start], index[end - 1] + 1])
    return out


@dataclass(slots=True)
class Candidate:
    listing_id: int
    listing_external_id: str
    listing_status: str
    seller_id: int
    title: str
    score: float
    confidence: Confidence
    evidence: list[Evidence]
    raw_fields: dict[str, str]

    def evidence_json(self) -> list[dict[str, Any]]:
        return [e.as_json(self.raw_fields) for e in self.evidence]

    def as_json(self) -> dict[str, Any]:
        return {"listing_external_id": self.listing_external_id, "listing_id": self.listing_id,
                "score": self.score, "confidence": self.confidence.value, "evidence": self.evidence_json()}


class Similar:
    """Which listing words a product-name word is spelt like (rapidfuzz ratio
    of 85 or more), remembered for one matching run: listings repeat words."""

    def __init__(self) -> None:
        self._ratios: dict[str, dict[str, float]] = {}

    def closest(self, word: str, words: Iterable[str]) -> str | None:
        """The first of ``words`` most like ``word``, if any is alike enough."""
        ratios = self._ratios.setdefault(word, {})
        best, best_ratio = None, 0.0
        for other in words:
            ratio = ratios.get(other)
            if ratio is None:
                ratio = ratios[other] = _ratio(word, other)
            if ratio > best_ratio:
                best, best_ratio = other, ratio
        return best


def _ratio(word: str, other: str) -> float:
    """The ratio if 85 or more, else 0. Words whose lengths differ too much
    to get there are not compared (the ratio is at most 100 * (1 - |length
    difference| / total length))."""
    if abs(len(word) - len(other)) * 100 > 15 * (len(word) + len(other)):
        return 0.0
    return fuzz.ratio(word, other, score_cutoff=85)


def _word_hit(word: str, text: ListingText, similar: Similar) -> tuple[str, Spans, str] | None:
    """Where a product-name word appears in the listing: exactly, inside run-on text, or spelt slightly off."""
    if word in text.title_words:
        return "title", text.title_words[word], word
    if word in text.description_words:
        return "description", text.description_words[word], word
    if len(key := sound_key(word)) >= MIN_KEY and not _KANJI.search(word):
        for fld, words in (("title", text.title_words), ("description", text.description_words)):
            if SOUND + key in words:
                return fld, words[SOUND + key], word
            if _KATAKANA.fullmatch(word):  # a Japanese name written in Latin letters (パルスキップ ~ pulskip)
                for other, spans in words.items():
                    if other.isascii() and other[:1].isalpha() and sound_key(other) == key:
                        return fld, spans, other
        if _KATAKANA.fullmatch(word) and len(key) >= 6 and key in _latin_sounds(text.folded_text("title")):
            return "title", [], word  # ... in several words ("smart handy fan" ~ スマートハンディファン)
    if len(word) < 4:
        return None
    if word in text.compact:
        return "title", [], word
    if _KATAKANA.fullmatch(word) and len(plain := _plain_kana(word)) >= 3 and plain in _plain_kana(text.compact):
        return "title", [], word  # ティッカ in ペツルティカコア: sellers drop and add ッ and ー
    for fld, words in (("title", text.title_words), ("description", text.description_words)):
        best = similar.closest(word, words)
        if best is not None:
            return fld, words[best], best
    return None


def _plain_kana(text: str) -> str:
    """Katakana without the marks sellers spell freely (ッ, ー, ・)."""
    return text.translate(_KANA_MARKS)


@lru_cache(maxsize=4096)
def _latin_sounds(folded: str) -> str:
    """The sound keys of a text's Latin words, run together."""
    return "".join(sound_key(word) for word in _LATIN_WORD.findall(folded))


def _surface(text: ListingText, fld: str, spans: list[tuple[int, int]], default: str) -> str:
    """What the listing actually says at the first span, for the evidence line."""
    if not spans or fld not in TEXT_FIELDS:
        return default
    start, end = spans[0]
    return text.folded_text(fld)[start:end]


def _name_coverage(profile: RecallProfile, text: ListingText, similar: Similar) -> tuple[float, list[Evidence]]:
    """The best share of a recalled product name found in the listing, and
    the evidence for it (built for that name only)."""
    coverage, best = 0.0, []
    title_keys, description_keys = text.title_keys, text.description_keys
    for name in profile.names:
        if not name.total:
            continue
        got, hits = 0.0, []  # (name part, field, spans, what the listing says or None for a key)
        for key, weight in name.weighted_keys:
            if key in title_keys:
                hits.append((key[1:], "title", title_keys[key], None))
            elif key in description_keys:
                hits.append((key[1:], "description", description_keys[key], None))
            else:
                continue
            got += weight
        for word in name.words:
            word_hit = _word_hit(word, text, similar)
            for form in name.forms.get(word, ()):
                if word_hit is not None:
                    break
                word_hit = _word_hit(form, text, similar)
            if word_hit is not None:
                got += _WORD_WEIGHT
                hits.append((word, *word_hit))
        named = any(part[0] not in name.types_plain for part in hits)  # a word or line of the name, not its type
        share = got / name.total if named else min(got / name.total, TYPE_ONLY)
        if share > coverage:
            coverage, best = share, hits
    evidence = []
    for part, fld, found, shown in best:
        spans = spans_of(found)
        evidence.append(Evidence("name", f"name {part} ~ {shown or _surface(text, fld, spans, part)}", fld, spans))
    return coverage, evidence


def score_listing(profile: RecallProfile, row: Any, similar: Similar | None = None) -> Candidate | None:
    """The listing's best reading against the recall, or None below MIN_SCORE.
    ``row`` is a listing, or a row of its columns with its stored reading;
    ``similar`` carries word comparisons over from other listings of the run."""
    text = stored_or_read(row)
    brand_match, brand_conflict, evidence = _brand(profile, text, row)
    coverage, name_evidence = _name_coverage(profile, text, similar or Similar())
    evidence += name_evidence

    score = min(0.8, 0.3 * brand_match + 0.7 * coverage)
    recalled_types, listing_types = profile.recalled_types, text.title_types
    if listing_types and recalled_types and not (listing_types & recalled_types):
        score *= OTHER_TYPE
        evidence.append(Evidence("type_mismatch", f"product type {', '.join(k[1:] for k in listing_types)} "
                                 f"is not {', '.join(k[1:] for k in recalled_types)}", "title", []))
    if brand_conflict:
        score *= 0.5
        evidence.append(Evidence("brand_mismatch", f"brand {row.brand} is not "
                                 f"{', '.join(profile.brands.values())}", "brand", []))

    score, identified, barcode = _identifiers(profile, text, row, score, brand_match, brand_conflict, coverage)
    if identified is not None:
        evidence.insert(0, identified)
    if score >= MEDIUM and (remedy := _remedied(text)) is not None:
        evidence.append(Evidence("remedied", f"says the recall remedy was applied: {remedy!r}", "description", []))
        score = min(score, 0.7)
    if text.accessory is not None and not barcode and not _names_accessory(profile, text.accessory):
        evidence.append(Evidence("accessory", f"accessory: title says {text.accessory!r}", "title", []))
        score = min(score, 0.45)
    if score < MIN_SCORE:
        return None
    score = round(score, 3)
    raw_fields = {"title": row.title or "", "description": row.description or "", "brand": row.brand or "",
                  "model_number": row.model_number or "", "barcode": row.barcode or ""}
    return Candidate(row.id, row.external_id, row.status, row.seller_id, row.title, score, confidence_for(score),
                     evidence, raw_fields)


_REMEDIED = re.compile(r"リコール交換品|リコール対応済|リコール対策済|交換済み|交換済|改修済|点検済|修理済|"
                       r"対策品|対策済|"
                       r"recall (?:repair|fix|kit) (?:done|installed|applied)|repaired under the recall|"
                       r"already (?:repaired|replaced|fixed)")


def _remedied(text: ListingText) -> str | None:
    """What in the listing says the recall's repair or exchange was done: the
    officer decides (medium at most), not the matcher."""
    for fld in TEXT_FIELDS:
        if (match := _REMEDIED.search(text.folded_text(fld))) is not None:
            return match.group()
    return None


def _names_accessory(profile: RecallProfile, marker: str) -> bool:
    """Whether the recalled product is itself what the accessory word names
    ("SideKick Dry Gear Case" is a case): then the word says nothing."""
    return marker in profile.product_words or SOUND + sound_key(marker) in profile.product_words \
        or any(marker in name.types_plain or marker in fold(name.label) for name in profile.names)


def _brand(profile: RecallProfile, text: ListingText, row: Any) -> tuple[bool, bool, list[Evidence]]:
    """Whether the listing is of a recalled brand, whether its brand field names
    another one, and the evidence for the brand."""
    hit = None
    for key in profile.brands:
        if key in text.title_keys:
            hit = (key, "title", text.title_keys[key])
            break
        if key in text.description_keys:
            hit = (key, "description", text.description_keys[key])
            break
    if hit is None and profile.brands:
        hit = _brand_by_sound(profile, text)
    if hit is None and text.brand_words:
        hit = _brand_in_products(profile, text)
    match = hit is not None or text.brand_key in profile.brands or any(
        b in text.compact for b in profile.brand_compacts)
    conflict = bool(text.brand_key and profile.brands and not match and _comparable(text.brand_key[1:]))
    if not match:
        return False, conflict, []
    key, fld, found = hit if hit is not None else (next(iter(profile.brands)), "brand", [])
    spans = spans_of(found)
    shown = _surface(text, fld, spans, row.brand or "")
    return True, conflict, [Evidence("brand", f"brand {profile.brands.get(key, key)} ~ {shown}", fld, spans)]


def _comparable(brand: str) -> bool:
    """Whether a brand that matched none of the recall's is surely another one:
    a Latin name is, a Japanese one only if it has a telling sound key
    (イエティ has none, so it may well be YETI)."""
    return brand.isascii() or len(sound_key(brand)) >= MIN_KEY


def _brand_in_products(profile: RecallProfile, text: ListingText) -> tuple[str, str, Spans] | None:
    """The listing's brand field names a brand the recalled products' names carry."""
    for word in text.brand_words:
        if not word.startswith(SOUND) and (word in profile.product_words or term_of(word) in profile.product_words):
            return word, "brand", []
    return None


def _brand_by_sound(profile: RecallProfile, text: ListingText) -> tuple[str, str, Spans] | None:
    """A recalled brand written in another script: a Japanese word of the
    title or brand field that sounds like it (ペツル ~ Petzl), or a Latin one
    sounding like a brand the record writes in Japanese (Panasonic ~ パナソニック)."""
    brand = next(iter(profile.brands))
    for key in profile.brands:  # the brand itself among the words, as a loanword's origin (イエティ: yeti)
        if len(word := compact(key[1:])) >= 3 and word in text.title_words:
            return key, "title", text.title_words[word]
    if text.brand_key and sound_key(text.brand_key[1:]) in profile.brand_sounds:  # "Takara Tomy" ~ タカラトミー
        return brand, "brand", []
    for key in profile.brand_sounds:
        for term in (SOUND + key, READING + key):
            if term in text.title_words:
                return brand, "title", text.title_words[term]
            if term in text.brand_words:
                return brand, "brand", []
    for fld, words in (("title", text.title_words), ("brand", dict.fromkeys(text.brand_words, ""))):
        for word, spans in words.items():
            if word.isascii() and word[:1].isalpha() and sound_key(word) in profile.brand_sounds:
                return brand, fld, spans
    return None


def _identifiers(profile: RecallProfile, text: ListingText, row: Any, score: float, brand_match: bool,
                 brand_conflict: bool, coverage: float) -> tuple[float, Evidence | None, bool]:
    """The score once barcodes and model numbers are weighed, the evidence
    leading the list, and whether a recalled barcode matched."""
    for fld, found in text.gtins:
        if found.key in profile.gtins:
            digits = re.sub(r"\D", "", found.raw)
            spans = [(found.start, found.end)] if fld != "barcode" else [(0, len(row.barcode or ""))]
            return 1.0, Evidence("barcode", f"barcode {found.key} = {barcode_kind(digits)} {digits}", fld, spans), True
    if profile.models:
        models = text.models
        title_models = [f.key for fld, f in models if fld == "title"]
        if title_models and not any(k in profile.models or without_variant(k) in profile.models for k in title_models):
            # the title names another model ("S330 (not the S500)"): what is sold is that one
            models = [(fld, f) for fld, f in models if fld != "description"]
        models = [(fld, f) for fld, f in models if not _negated(text, fld, f)]
        for fld, found in models:
            if found.key in profile.models:
                trusted = found.labelled or brand_match or coverage > 0
                return (0.6 if brand_conflict or not trusted else (0.97 if brand_match else 0.92),
                        Evidence("model", f"model {profile.models[found.key]} ~ {found.key}", fld,
                                 [(found.start, found.end)] if fld != "model_number" else []), False)
        if coverage >= 0.5:  # "2574": only digits, so not read as a model; with the product's name, it is one
            for model, pattern in profile.numbered_models.items():
                for fld in TEXT_FIELDS:
                    if (hit := pattern.search(text.folded_text(fld))) is not None:
                        return (0.6 if brand_conflict else 0.9,
                                Evidence("model", f"model {model} ~ {hit.group()}", fld, [hit.span()]), False)
        for model, pattern in profile.lettered_models.items():  # "RCS-NAS": no digit, so not read as a model
            for fld in TEXT_FIELDS:
                if (hit := pattern.search(text.folded_text(fld))) is not None:
                    return (0.97 if brand_match and not brand_conflict else 0.6,
                            Evidence("model", f"model {model} ~ {hit.group()}", fld, [hit.span()]), False)
        for fld, found in models:
            base = without_variant(found.raw)
            if base in profile.models:
                return (0.87 if brand_match and not brand_conflict else 0.7,
                        Evidence("model", f"model {found.raw} ≈ {profile.models[base]} (variant suffix)", fld,
                                 [(found.start, found.end)] if fld != "model_number" else []), False)
    near_miss = _near_miss(profile, text, brand_match)
    return (score, None, False) if near_miss is None else (min(score, 0.45), near_miss, False)


_NEGATION = re.compile(r"[\s)）]*(?:ではありません|ではない|じゃない|じゃありません|とは違|とは別|は対象外|対象外|以外|"
                       r"is not\b|isn't\b|not\b)")


def _negated(text: ListingText, fld: str, found: Found) -> bool:
    """The listing says it is not that model: "S330（S500ではありません）"."""
    if fld not in TEXT_FIELDS:
        return False
    folded = text.folded_text(fld)
    return _NEGATION.match(folded, found.end) is not None or folded[max(0, found.start - 4):found.start] == "not "


def _near_miss(profile: RecallProfile, text: ListingText, brand_match: bool) -> Evidence | None:
    """Another model of the recalled family (or any labelled model), or, for
    the recalled brand, another barcode: the listing is not the recalled product."""
    kind, hit = "model", None
    if profile.models:
        hit = next(((fld, f) for fld, f in text.models if f.labelled or family(f.key) in profile.families), None)
    if hit is None and brand_match and profile.gtins:
        kind, hit = "barcode", next(((fld, f) for fld, f in text.gtins if f.key not in profile.gtins), None)
    if hit is None:
        return None
    fld, found = hit
    spans = [(found.start, found.end)] if fld not in ("model_number", "barcode") else []
    return Evidence(f"{kind}_mismatch", f"{kind} {found.raw} ≠ recalled {profile.recalled_ids}", fld, spans)


# A listing's columns for scoring: those its reading comes from, those a
# candidate reports, then its stored reading (or None). ListingFields extended,
# not wrapped: a row is still one flat NamedTuple, made from a result row as is.
ListingRow = NamedTuple("ListingRow", [*get_type_hints(ListingFields).items(), ("external_id", str),
                                       ("status", str), ("seller_id", int), ("reading", str | None)])


@lru_cache(maxsize=4)
def _rows_statement(dialect: str) -> Select[Any]:
    listing_columns = [getattr(Listing, name) for name in ListingRow._fields[:-1]]  # all but the reading
    return (select(*listing_columns, ListingReading.reading)
            .outerjoin(ListingReading, ListingReading.listing_id == Listing.id)
            .where(member_of(dialect)(Listing.id, "ids")))


def load_rows(session: Session, ids: Iterable[int], *, chunk: int = 2000) -> list[ListingRow]:
    """The listings' columns scoring needs, with their stored readings."""
    ids = list(ids)
    connection = session.connection()
    statement = _rows_statement(connection.dialect.name)
    rows: list[ListingRow] = []
    for start in range(0, len(ids), chunk):
        rows += map(ListingRow._make, connection.execute(statement, {"ids": ids[start:start + chunk]}))
    return rows


def match(session: Session, profile: RecallProfile) -> list[Candidate]:
    """Every listing (any status) scoring at least MIN_SCORE, best first."""
    similar = Similar()
    scored = (score_listing(profile, row, similar) for row in load_rows(session, candidate_ids(session, profile)))
    return sorted((c for c in scored if c is not None), key=lambda c: (-c.score, c.listing_id))


def load_profile(session: Session, recall: Recall) -> RecallProfile:
    products = session.scalars(select(RecallProduct).where(RecallProduct.recall_id == recall.id)
                               .order_by(RecallProduct.id)).all()
    return profile_of(recall, products)
