"""What the classifier sees of a listing: three hashed blocks of features.

- **characters**: ``char_wb`` 2–4-grams of the normalised text (masked,
  spaced-out and leet spellings already undone). They survive spelling games
  and need no segmentation, but they read ``クスリ`` and ``薬`` as unrelated;
- **words**: lemmas (dictionary forms) from the morphological analyser and
  the pairs of neighbouring lemmas, so ``処方されました`` and ``処方して
  もらった`` share ``処方``, ``為ル``; a loanword also brings its original
  spelling (``~rolex``);
- **listing**: what the text alone does not say: a known brand's price
  against the usual price for the brand and category (a luxury bag at
  ¥3,000), the price's order of magnitude, a brand that the brand field
  calls "no brand", and the words of the seller's category.

Hashing needs no vocabulary to fit or store; each block is L2-normalised on
its own and weighted, so a long description cannot drown the listing block.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backend.detection.brands import brand_from_field, find_brands
from backend.detection.lexicon import Brand
from backend.detection.morph import lemmas
from backend.detection.normalize import Normalized, normalize
from backend.detection.price import PriceBook, PriceSignal, canonical_category
from backend.text.fold import fold

if TYPE_CHECKING:
    import scipy.sparse

N_CHAR_FEATURES = 2 ** 19
N_WORD_FEATURES = 2 ** 18
BLOCK_WEIGHTS = (1.0, 1.0, 0.25)  # characters, words, listing
_NO_BRAND = re.compile(fold(r"ノーブランド|ノンブランド|no ?brand|non-?brand|unbranded|ブランド不明|不明"))
_CATEGORY_SPLIT = re.compile(r"[\s>/／＞・,、()（）\-]+")


@dataclass(frozen=True, slots=True)
class Doc:
    """A listing as the classifier reads it."""

    normalized: str  # normalize(title + "\n" + description).text
    original: str  # title + "\n" + description as written
    listing_tokens: tuple[str, ...]


def listing_tokens(listing: Mapping[str, Any], brand: Brand | None, signal: PriceSignal | None,
                   *, typical_known: bool, brand_in_text: bool) -> tuple[str, ...]:
    """The listing block's tokens (see the module docstring)."""
    tokens: list[str] = []
    price = listing.get("price")
    if isinstance(price, int) and price > 0:
        magnitude = int(2 * math.log10(price))
        tokens.append(f"p{magnitude}")
    if brand is not None:  # a brand alone says nothing; its price against the usual one does
        if signal is not None:
            tokens.append("ratio<0.1" if signal.ratio < 0.1 else "ratio<0.25")
        elif typical_known:
            tokens.append("ratio-ok")
        field = listing.get("brand")
        if brand_in_text and isinstance(field, str) and _NO_BRAND.search(fold(field)):
            tokens.append("brand-said-none")
    category = listing.get("category")
    if isinstance(category, str):
        tokens.extend("c:" + part for part in _CATEGORY_SPLIT.split(fold(category)) if part)
    return tuple(tokens)


def doc_of(listing: Mapping[str, Any] | str, *, price_book: PriceBook | None = None) -> Doc:
    """A Doc from a listing mapping (title, description, price, category, brand) or a bare text.

    The detector builds Docs from the evidence it has already gathered
    (:func:`doc_from_evidence`); this is for training and the model alone.
    """
    if isinstance(listing, str):
        listing = {"title": listing}
    text = f"{listing.get('title') or ''}\n{listing.get('description') or ''}"
    norm = normalize(text)
    hits = find_brands(norm)
    field_brand = brand_from_field(listing.get("brand") if isinstance(listing.get("brand"), str) else None)
    brand = field_brand or (hits[0].brand if hits else None)
    return doc_from_evidence(listing, norm, brand, bool(hits), price_book or _builtin_book())


def doc_from_evidence(listing: Mapping[str, Any], norm: Normalized, brand: Brand | None, brand_in_text: bool,
                      price_book: PriceBook) -> Doc:
    """A Doc from what the detector already knows about the listing."""
    signal = None
    typical_known = False
    if brand is not None:
        category = canonical_category(listing.get("category"), listing.get("title"))
        price = listing.get("price")
        typical_known = price_book.typical(brand, category) is not None
        signal = price_book.check(brand, category, price if isinstance(price, int) else None)
    return Doc(norm.text, norm.original,
               listing_tokens(listing, brand, signal, typical_known=typical_known, brand_in_text=brand_in_text))


_BOOK: list[PriceBook] = []


def _builtin_book() -> PriceBook:
    if not _BOOK:
        _BOOK.append(PriceBook.builtin())
    return _BOOK[0]


def _word_tokens(doc: Doc) -> list[str]:
    words = lemmas(doc.original)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def matrix(docs: Sequence[Doc]) -> scipy.sparse.csr_matrix:
    """The feature matrix of ``docs`` (one row each)."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize as l2

    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), n_features=N_CHAR_FEATURES,
                              alternate_sign=False, norm=None, dtype=np.float32)
    tokens = HashingVectorizer(analyzer=_identity, n_features=N_WORD_FEATURES, alternate_sign=False,
                               norm=None, dtype=np.float32)
    blocks = (chars.transform([d.normalized for d in docs]),
              tokens.transform([_word_tokens(d) for d in docs]),
              tokens.transform([d.listing_tokens for d in docs]))
    weighted = []
    for block, weight in zip(blocks, BLOCK_WEIGHTS):
        block.data = np.log1p(block.data)  # sublinear term frequency
        weighted.append(l2(block) * weight)
    return sp.hstack(weighted, format="csr")


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens
