"""Price anomaly: a branded item far below its usual price is a counterfeit hint.

Reference medians start from a curated table (``lexicon.BRANDS``) and can be
replaced by medians observed on the marketplace itself
(``PriceBook.from_observations``), which tracks real prices better over time.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from backend.detection.lexicon import BRANDS, CATEGORY_KEYWORDS, Brand
from backend.text.fold import fold

# (ratio below which the price is suspicious, log-odds weight it contributes)
PRICE_STEPS: tuple[tuple[float, float], ...] = ((0.10, 3.0), (0.25, 1.5))
_MIN_OBSERVATIONS = 5


@dataclass(frozen=True, slots=True)
class PriceSignal:
    """A price far below the reference for the brand (and category)."""

    price: int
    typical: int
    ratio: float
    weight: float
    brand: Brand
    category: str

    def reason(self) -> str:
        """Human-readable explanation, e.g. for a moderator's queue row."""
        return (f"price ¥{self.price:,} is {self.ratio:.0%} of typical "
                f"¥{self.typical:,} for {self.brand.name} {self.category}")


def canonical_category(*texts: str | None) -> str | None:
    """Map a free-text category (or, failing that, a title) to a canonical one."""
    for text in texts:
        if not text:
            continue
        folded = fold(text)
        for keyword, category in CATEGORY_KEYWORDS:
            if keyword in folded:
                return category
    return None


class PriceBook:
    """Reference median prices per (brand key, canonical category).

    There is deliberately no brand-wide fallback: a ¥3,000 Prada perfume is not
    a cheap Prada bag, so items of an unknown category are never price-checked.
    """

    def __init__(self, prices: dict[tuple[str, str], int]) -> None:
        self._prices = prices

    @classmethod
    def builtin(cls) -> PriceBook:
        """The curated reference table."""
        return cls({(b.key, cat): price for b in BRANDS for cat, price in b.prices.items()})

    @classmethod
    def from_observations(
        cls, observations: Iterable[tuple[str, str, int]], *, base: PriceBook | None = None,
    ) -> PriceBook:
        """Medians of observed ``(brand key, canonical category, price)``, over ``base`` (default: built-in).

        Groups with fewer than five observations keep the base value so that a
        handful of odd listings cannot move the reference.
        """
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for brand, category, price in observations:
            if price > 0 and category:
                groups[(brand, category)].append(price)
        prices = dict((base or cls.builtin())._prices)
        prices.update({k: int(statistics.median(v)) for k, v in groups.items() if len(v) >= _MIN_OBSERVATIONS})
        return cls(prices)

    def typical(self, brand: Brand, category: str | None) -> int | None:
        """Reference price for the brand in that category, if known."""
        return self._prices.get((brand.key, category)) if category else None

    def check(self, brand: Brand, category: str | None, price: int | None) -> PriceSignal | None:
        """A signal when ``price`` is below the suspicious fractions of the reference."""
        typical = self.typical(brand, category)
        if not price or price <= 0 or typical is None:
            return None
        ratio = price / typical
        for limit, weight in PRICE_STEPS:
            if ratio < limit:
                return PriceSignal(price, typical, ratio, weight, brand, category)
        return None
