"""Normalised product keys shared by listings and recalls, so that equality
on them is an index lookup rather than a scan."""

from __future__ import annotations

import re
import unicodedata

_NON_DIGIT = re.compile(r"\D")
_MODEL_NOISE = re.compile(r"[\s\-‐‑‒–—―ー_./]+")


def gtin14(code: str | None) -> str | None:
    """UPC-A (12), EAN-13/JAN (13), EAN-8 and GTIN-14 all padded to 14 digits,
    so the 12- and 13-digit spellings of one product compare equal.
    Anything that is not 8, 12, 13 or 14 digits is not a barcode."""
    if not code:
        return None
    digits = _NON_DIGIT.sub("", unicodedata.normalize("NFKC", code))
    if len(digits) not in (8, 12, 13, 14):
        return None
    return digits.zfill(14)


def gtin_check_digit_ok(gtin: str) -> bool:
    digits = [int(c) for c in gtin]
    body, check = digits[:-1], digits[-1]
    total = sum(d * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def normalise_model(model: str | None) -> str | None:
    """NFKC, case, hyphens and spaces: "AB-1234X", "ab 1234x" and "ＡＢ１２３４Ｘ" agree."""
    if not model:
        return None
    folded = _MODEL_NOISE.sub("", unicodedata.normalize("NFKC", model).casefold())
    return folded or None
