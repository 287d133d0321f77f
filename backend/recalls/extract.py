"""Barcodes and model numbers pulled out of free text.

Regulator feeds keep most identifiers in the prose ("... model numbers
JCH-12TD4 and JCH-12TD5, UPC 0 21638 60201 1 ..."), often several per record,
with spaces or hyphens inside. Listings do the same in their descriptions
("型番：ＪＣＨ－１２ＴＤ４"). Extraction works on :func:`backend.recalls.text.fold`-ed
text and reports folded offsets so a match can be highlighted.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from backend.listings.keys import gtin14, gtin_check_digit_ok, normalise_model

_DIGIT_RUN = re.compile(r"\d+(?:[ \-]\d+)*")
_ELEVEN_DIGITS = re.compile(r"\d(?:[ \-]?\d){10}")  # the shortest code a digit run can hold
_ASCII_DIGIT = re.compile(r"[0-9]")  # every model key has one
_BARCODE_LABEL = re.compile(r"(?:upc|ean|jan|gtin|barcode|bar code|バーコード|janコード)[^0-9]{0,12}$")
_MODEL_LABEL = re.compile(
    r"(?:model|item|style|part|catalog|product)s?\b\s*(?:numbers?\b|nos?\b\.?|#)?\s*[:：#]?\s*"
    r"|(?:型番|品番|型式|形式|形番|製品番号)\s*(?:は|:|：)?\s*"
)
_MODEL_ITEM = re.compile(r"[a-z0-9][a-z0-9\-./]*[a-z0-9]|[a-z0-9]")
_LIST_SEPARATOR = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:,|、|/|;|\band\b|\bor\b|&|および|と)\s*")
_MODEL_TOKEN = re.compile(r"(?<![a-z0-9])[a-z0-9]+(?:[\-./][a-z0-9]+)*(?![a-z0-9])")
_UNIT = re.compile(
    r"^\d+(?:\.\d+)?(?:mah|wh|kwh|w|v|mm|cm|m|km|kg|g|mg|ml|l|ft|in|inch|inches|lbs?|oz|hz|cc|a|h|hr|hrs|min|"
    r"p|k|gb|tb|mb|st|nd|rd|th|x|pcs|pc|pack|yr|yrs|mo|kcal|c|f|w)$")
_LETTERS = re.compile(r"[a-z]+")
_VARIANT_SUFFIX = re.compile(r"[\-/ ][a-z]{1,3}$")
_COMBINATION = re.compile(r"^\d+(?:in|to|x|by|for)\d+$")  # "2-in-1", "3x4"
_NUMERIC_MODEL = re.compile(r"\d{1,6}(?:[ \-/.]\d{1,6}){1,4}(?![0-9])")
_NOT_A_PREFIX = frozenset("a an and or the for with of to in at by on no nos from x per up lot sn batch code date ref "
                          "serial".split())  # "lot 2024-03" is a lot
_SPACED_MODEL = re.compile(r"(?<![a-z0-9\-])[a-z]{1,3} (?=[a-z0-9\-]*\d)[a-z0-9\-]{2,8}(?: [a-z]{2,4})?(?![a-z0-9\-])")
_SPLIT_MODEL_REST = re.compile(r"\s(\d[a-z0-9\-./]{0,7})(?![0-9])")


class Found(NamedTuple):
    """An identifier: its normalised key, the text it came from, folded offsets
    (a named tuple: a stored reading makes one per model number it holds)."""

    key: str
    raw: str
    start: int
    end: int
    labelled: bool = False


def barcodes(folded: str) -> list[Found]:
    """UPC-A, EAN-13/JAN and GTIN-14 codes, as GTIN-14.

    Groups of digits separated by single spaces or hyphens are joined while
    they stay within 14 digits. A code counts when its check digit holds; an
    11-digit run counts only after a UPC/JAN label (a UPC printed without its
    check digit), so Japanese mobile numbers (090-1234-5678) never do.
    """
    found: list[Found] = []
    if not _ELEVEN_DIGITS.search(folded):
        return found
    for run in _DIGIT_RUN.finditer(folded):
        groups = [(m.start() + run.start(), m.group()) for m in re.finditer(r"\d+", run.group())]
        i = 0
        while i < len(groups):
            digits, j, hit = "", i, None
            while j < len(groups) and len(digits) + len(groups[j][1]) <= 14:
                digits += groups[j][1]
                j += 1
                start, end = groups[i][0], groups[j - 1][0] + len(groups[j - 1][1])
                code = _valid_code(digits, labelled=bool(_BARCODE_LABEL.search(folded[max(0, start - 24):start])))
                if code is not None:
                    hit = (Found(code, folded[start:end], start, end), j)
            if hit is not None:
                found.append(hit[0])
                i = hit[1]
            else:
                i += 1
    return found


def _valid_code(digits: str, *, labelled: bool) -> str | None:
    if len(digits) == 11 and labelled:
        body = digits.zfill(13)
        total = sum(int(d) * (3 if k % 2 == 0 else 1) for k, d in enumerate(reversed(body)))
        digits += str((10 - total % 10) % 10)
    if len(digits) not in (12, 13, 14):
        return None
    code = gtin14(digits)
    return code if code is not None and gtin_check_digit_ok(code) else None


def looks_like_model(token: str) -> bool:
    """Letters and digits ("a1263", "eh-na0j"), not a quantity ("1500w", "20000mah"):
    two digits, or one digit in a hyphenated code of five characters or more."""
    key = normalise_model(token) or ""
    digits = sum(c.isdigit() for c in key)
    shaped = (digits >= 2 and len(key) >= 4) or (digits == 1 and len(key) >= 5 and "-" in token)
    return shaped and len(key) <= 24 and digits < len(key) and not _UNIT.match(key) and not _UNIT.match(token) \
        and not _COMBINATION.match(key)


def model_numbers(folded: str) -> list[Found]:
    """Model numbers: every item of a labelled list ("model numbers A, B and C",
    "型番: X"), plus unlabelled tokens that look like models."""
    found: dict[tuple[int, int], Found] = {}
    if not _ASCII_DIGIT.search(folded):
        return []
    for label in _MODEL_LABEL.finditer(folded):
        pos = label.end()
        if (run := _NUMERIC_MODEL.match(folded, pos)) is not None:  # "品番 234 25 1200", "item 087/01/0042"
            found[run.span()] = Found(normalise_model(run.group()) or "", run.group(), run.start(), run.end(),
                                      labelled=True)
            continue
        numeric_list = False
        while True:
            item = _MODEL_ITEM.match(folded, pos)
            if item is None:
                break
            raw = item.group()
            key = normalise_model(raw)
            first = pos == label.end()
            if first:
                numeric_list = bool(key and key.isdigit())
            if key and key.isdigit() and not numeric_list:
                break  # "model SG-S2, 2021": a year after a lettered model ends the list
            if key and any(c.isdigit() for c in key) and len(key) >= 3:
                found[item.span()] = Found(key, raw, item.start(), item.end(), labelled=True)
            elif key and key.isalpha() and len(key) <= 4 and pos == label.end():
                # "model AB 1234X": a short letter prefix split from the rest by a space
                nxt = _SPLIT_MODEL_REST.match(folded, item.end())
                if nxt is not None:
                    joined = folded[item.start():nxt.end()]
                    found[(item.start(), nxt.end())] = Found(normalise_model(joined) or "", joined,
                                                             item.start(), nxt.end(), labelled=True)
                    pos = nxt.end()
                    separator = _LIST_SEPARATOR.match(folded, pos)
                    if separator is None:
                        break
                    pos = separator.end()
                    continue
                break
            else:
                break
            separator = _LIST_SEPARATOR.match(folded, item.end())
            if separator is None:
                break
            pos = separator.end()
    taken = [(s, e) for s, e in found]
    for token in _MODEL_TOKEN.finditer(folded):
        if any(s <= token.start() < e for s, e in taken) or not looks_like_model(token.group()):
            continue
        key = normalise_model(token.group()) or ""
        found[token.span()] = Found(key, token.group(), token.start(), token.end())
    for split in _SPACED_MODEL.finditer(folded):  # "JJ M55D", "TS 55 REQ": a model written with a space
        joined = normalise_model(split.group()) or ""
        if split.group().split()[0] not in _NOT_A_PREFIX and not _UNIT.match(split.group().split()[1]) \
                and split.span() not in found and not any(s <= split.start() < e for s, e in taken) \
                and looks_like_model(joined):
            found[split.span()] = Found(joined, split.group(), split.start(), split.end())
    return sorted(found.values(), key=lambda f: f.start)


def family(model_key: str) -> str:
    """The leading letters of a model key ("jch12td4" → "jch"): models of one
    family share it, so a listing naming a sibling model is a near miss."""
    match = _LETTERS.match(model_key)
    return match.group() if match else ""


def without_variant(raw: str) -> str:
    """The model key with a colour/variant suffix dropped ("eh-na0j-a" → "ehna0j"),
    or "" when there is none: the recalled model sold in another colour."""
    stripped = _VARIANT_SUFFIX.sub("", raw)
    return (normalise_model(stripped) or "") if stripped != raw else ""
