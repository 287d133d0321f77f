"""Recalls from CSV, one row per product; rows sharing a ``number`` are one recall.

Columns (header row required), in English:

``number, title, source, recall_date, manufacturer, manufacturer_contact,
hazard, remedy, units, description, requested_at, sold_from, sold_to,
product_name, brand, model_numbers, barcodes``

or as Japanese manufacturers publish their recall lists: ``品名`` (product
name), ``型番``/``品番`` (model numbers), ``JANコード`` (barcodes), ``事業者名``
(company), ``対象期間`` (sold or made between, e.g. ``2023年4月〜2024年3月``),
``危険内容`` (hazard), ``対応方法`` (remedy), ``問い合わせ先`` (contact), and
optionally ``リコール番号``, ``件名``, ``公表日``, ``対象台数``. A Japanese
list rarely has a number or a title: then the rows of one company, period,
hazard and remedy are one recall, numbered ``JP-`` and a hash of those, and
titled after the company and its first product.

English files need ``number`` and ``title`` filled. ``model_numbers`` and
``barcodes`` hold several values separated by ``;`` or ``|`` (Japanese lists
also ``、``). Dates are ISO 8601 or Japanese (``2024年3月1日``, ``2024/3/1``);
``requested_at`` needs a time zone, e.g. ``2025-03-03T10:00:00+09:00``.
``source`` is regulator_feed, manufacturer or manual (the default).
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import re
import unicodedata
from datetime import date
from typing import Any

from pydantic import ValidationError

from backend.errors import InvalidInput
from backend.recalls.schemas import ProductIn, RecallIn

COLUMNS = ("number", "title", "source", "recall_date", "manufacturer", "manufacturer_contact", "hazard",
           "remedy", "units", "description", "requested_at", "sold_from", "sold_to", "product_name", "brand",
           "model_numbers", "barcodes")
_RECALL_COLUMNS = COLUMNS[:13]
JAPANESE_COLUMNS = {
    "品名": "product_name", "製品名": "product_name", "型番": "model_numbers", "品番": "model_numbers",
    "JANコード": "barcodes", "JAN": "barcodes", "事業者名": "manufacturer", "対象期間": "period",
    "危険内容": "hazard", "対応方法": "remedy", "問い合わせ先": "manufacturer_contact",
    "リコール番号": "number", "件名": "title", "公表日": "recall_date", "対象台数": "units",
}
_MULTI = re.compile(r"\s*[;|、，]\s*")
_JAPANESE_DATE = re.compile(r"(\d{4})\s*[年/\-.]\s*(\d{1,2})(?:\s*[月/\-.]\s*(\d{1,2})\s*日?|\s*月)?")
_PERIOD_SEPARATOR = re.compile(r"\s*(?:〜|～|~|から|–|—|-(?=\s*\d{4}))\s*")


def parse(content: str) -> list[RecallIn]:
    try:
        return _parse(content)
    except csv.Error as exc:
        raise InvalidInput(f"not readable as CSV: {exc}", field="content") from None


def _parse(content: str) -> list[RecallIn]:
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    header = [unicodedata.normalize("NFKC", h).strip() for h in reader.fieldnames or []]
    japanese = any(h in JAPANESE_COLUMNS for h in header)
    if japanese:
        unknown = set(header) - set(JAPANESE_COLUMNS)
        expected = ", ".join(JAPANESE_COLUMNS)
    else:
        missing = {"number", "title"} - set(header)
        if missing:
            raise InvalidInput(f"CSV header lacks column(s): {', '.join(sorted(missing))}", field="content")
        unknown = set(header) - set(COLUMNS)
        expected = ", ".join(COLUMNS)
    if unknown:
        raise InvalidInput(f"unknown CSV column(s): {', '.join(sorted(unknown))}; expected some of {expected}",
                           field="content")
    recalls: dict[str, dict[str, Any]] = {}
    for line, raw in enumerate(reader, start=2):
        row = {unicodedata.normalize("NFKC", k).strip(): (v or "").strip() for k, v in raw.items() if k}
        if japanese:
            row = _from_japanese(row, line)
        number = row.get("number", "")
        if not number:
            raise InvalidInput(f"line {line}: number is empty", field="content")
        fields = recalls.setdefault(number, {"products": [], "line": line})
        for column in _RECALL_COLUMNS:
            if row.get(column) and column not in fields:
                fields[column] = row[column]
        fields["products"].extend(_products(row))
    result = []
    for number, fields in recalls.items():
        line = fields.pop("line")
        try:
            result.append(RecallIn(**{k: v for k, v in fields.items() if v not in ("", None)}))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InvalidInput(f"line {line} (recall {number}): {where}: {first['msg']}", field="content") from None
    return result


def _from_japanese(row: dict[str, str], line: int) -> dict[str, str]:
    """A row of a Japanese recall list in the English columns."""
    out = {JAPANESE_COLUMNS[k]: v for k, v in row.items() if k in JAPANESE_COLUMNS}
    if period := out.pop("period", ""):
        parts = _PERIOD_SEPARATOR.split(period, maxsplit=1)
        try:
            out["sold_from"] = _japanese_date(parts[0], end=False) or ""
            out["sold_to"] = _japanese_date(parts[1], end=True) or "" if len(parts) > 1 else ""
        except ValueError:
            raise InvalidInput(f"line {line}: 対象期間 {period!r} is not a period such as 2023年4月〜2024年3月",
                               field="content") from None
    for column in ("recall_date",):
        if out.get(column):
            out[column] = _japanese_date(out[column], end=False) or out[column]
    if out.get("units"):
        out["units"] = re.sub(r"[^\d]", "", out["units"])
    company = out.get("manufacturer", "")
    if not out.get("number"):
        key = "\x1f".join([company, period, out.get("hazard", ""), out.get("remedy", "")])
        out["number"] = "JP-" + hashlib.sha256(key.encode()).hexdigest()[:10]
    if not out.get("title"):
        out["title"] = f"{company} {out.get('product_name', '')} リコール".strip()
    out.setdefault("source", "manufacturer")
    return out


def _japanese_date(text: str, *, end: bool) -> str | None:
    """ISO date of "2024年3月1日", "2024/3/1" or "2024-03-01"; a month alone is its
    first day, or its last when it ends a period."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    match = _JAPANESE_DATE.search(text)
    if match is None:
        raise ValueError(text)
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else (calendar.monthrange(year, month)[1] if end else 1)
    return date(year, month, day).isoformat()


def _products(row: dict[str, str]) -> list[ProductIn]:
    name, brand = row.get("product_name") or None, row.get("brand") or None
    models = [m for m in _MULTI.split(row.get("model_numbers", "")) if m]
    codes = [c for c in _MULTI.split(row.get("barcodes", "")) if c]
    products = [ProductIn(name=name, brand=brand, model_number=m) for m in models]
    products += [ProductIn(name=name, brand=brand, barcode=c) for c in codes]
    if not products and (name or brand):
        products.append(ProductIn(name=name, brand=brand))
    return products
