"""Recalls from CSV, one row per product; rows sharing a ``number`` are one recall.

Columns (header row required; only ``number`` and ``title`` must be filled):

``number, title, source, recall_date, manufacturer, manufacturer_contact,
hazard, remedy, units, description, requested_at, product_name, brand,
model_numbers, barcodes``

``model_numbers`` and ``barcodes`` hold several values separated by ``;`` or
``|``. Dates are ISO 8601 (``requested_at`` with a time zone, e.g.
``2025-03-03T10:00:00+09:00``). ``source`` is regulator_feed, manufacturer
or manual (the default).
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from pydantic import ValidationError

from backend.errors import InvalidInput
from backend.recalls.schemas import ProductIn, RecallIn

COLUMNS = ("number", "title", "source", "recall_date", "manufacturer", "manufacturer_contact", "hazard",
           "remedy", "units", "description", "requested_at", "product_name", "brand", "model_numbers", "barcodes")
_RECALL_COLUMNS = COLUMNS[:11]
_MULTI = re.compile(r"\s*[;|]\s*")


def parse(content: str) -> list[RecallIn]:
    try:
        return _parse(content)
    except csv.Error as exc:
        raise InvalidInput(f"not readable as CSV: {exc}", field="content") from None


def _parse(content: str) -> list[RecallIn]:
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff"), newline=""))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = {"number", "title"} - set(header)
    if missing:
        raise InvalidInput(f"CSV header lacks column(s): {', '.join(sorted(missing))}", field="content")
    unknown = set(header) - set(COLUMNS)
    if unknown:
        raise InvalidInput(f"unknown CSV column(s): {', '.join(sorted(unknown))}; "
                           f"expected some of {', '.join(COLUMNS)}", field="content")
    recalls: dict[str, dict[str, Any]] = {}
    for line, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
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


def _products(row: dict[str, str]) -> list[ProductIn]:
    name, brand = row.get("product_name") or None, row.get("brand") or None
    models = [m for m in _MULTI.split(row.get("model_numbers", "")) if m]
    codes = [c for c in _MULTI.split(row.get("barcodes", "")) if c]
    products = [ProductIn(name=name, brand=brand, model_number=m) for m in models]
    products += [ProductIn(name=name, brand=brand, barcode=c) for c in codes]
    if not products and (name or brand):
        products.append(ProductIn(name=name, brand=brand))
    return products
