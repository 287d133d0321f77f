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
from backend.detection.normalize import fold

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
    category: str | None

    def reason(self) -> str:
        """Human-readable explanation, e.g. for a moderator's queue row."""
        what = f"{self.brand.name} {self.category}" if self.category else self.brand.name
        return (f"price ¥{self.price:,} is {self.ratio:.0%} of typical "
                f"¥{self.typical:,} for {what}")


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
    """Reference median prices per (brand key, category) with a per-brand fallback."""

    def __init__(self, by_category: dict[tuple[str, str], int], by_brand: dict[str, int]) -> None:
        self._by_category = by_category
        self._by_brand = by_brand

    @classmethod
    def builtin(cls) -> PriceBook:
        """The curated reference table."""
        return cls(
            {(b.key, cat): price for b in BRANDS for cat, price in b.prices.items()},
            {b.key: b.default_price for b in BRANDS},
        )

    @classmethod
    def from_observations(
        cls, observations: Iterable[tuple[str, str | None, int]], *, base: PriceBook | None = None,
    ) -> PriceBook:
        """Medians of observed ``(brand key, category, price)``, over ``base`` (default: built-in).

        Groups with fewer than five observations keep the base value so that a
        handful of odd listings cannot move the reference.
        """
        base = base or cls.builtin()
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        brands: dict[str, list[int]] = defaultdict(list)
        for brand, category, price in observations:
            if price <= 0:
                continue
            brands[brand].append(price)
            if category:
                groups[(brand, category)].append(price)
        by_category = dict(base._by_category)
        by_category.update({k: int(statistics.median(v)) for k, v in groups.items()
                            if len(v) >= _MIN_OBSERVATIONS})
        by_brand = dict(base._by_brand)
        by_brand.update({k: int(statistics.median(v)) for k, v in brands.items()
                         if len(v) >= _MIN_OBSERVATIONS})
        return cls(by_category, by_brand)

    def typical(self, brand: Brand, category: str | None) -> tuple[int, str | None] | None:
        """Reference price and the category it is for (None: brand-wide)."""
        if category and (brand.key, category) in self._by_category:
            return self._by_category[(brand.key, category)], category
        if brand.key in self._by_brand:
            return self._by_brand[brand.key], None
        return None

    def check(self, brand: Brand, category: str | None, price: int | None) -> PriceSignal | None:
        """A signal when ``price`` is below the suspicious fractions of the reference."""
        if not price or price <= 0:
            return None
        found = self.typical(brand, category)
        if found is None:
            return None
        typical, used_category = found
        ratio = price / typical
        for limit, weight in PRICE_STEPS:
            if ratio < limit:
                return PriceSignal(price, typical, ratio, weight, brand, used_category)
        return None
