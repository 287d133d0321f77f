"""Recall records in the US CPSC recall API's JSON form (an array of records
with RecallNumber, RecallDate, Title, Description, Products, Manufacturers,
ProductUPCs, Hazards, Remedies, ConsumerContact, ...)."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from typing import Any

from pydantic import ValidationError

from backend.errors import InvalidInput
from backend.recalls.schemas import ProductIn, RecallIn

# Model lists: "A, B and C", "A / B"; a slash before a plain number is part
# of the model ("HC-1620/30": size 30 of HC-1620), not a separator.
_SPLIT = re.compile(r"\s*(?:,|;|、|\band\b|/(?!\d+\b))\s*")


def parse(content: str) -> list[RecallIn]:
    """Every record, validated; the first bad one is reported with its position."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"not JSON: {exc.msg} at line {exc.lineno}", field="content") from None
    except RecursionError:
        raise InvalidInput("the JSON is nested too deeply to be recall records", field="content") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InvalidInput("expected an array of CPSC recall records", field="content")
    recalls = []
    for position, record in enumerate(data, start=1):
        if not isinstance(record, dict):
            raise InvalidInput(f"record {position} is not an object", field="content")
        try:
            recalls.append(from_record(record))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InvalidInput(f"record {position}: {where}: {first['msg']}", field="content") from None
    return recalls


def _names(record: dict[str, Any], key: str) -> list[str]:
    return [str(item["Name"]).strip() for item in record.get(key) or []
            if isinstance(item, dict) and item.get("Name") and str(item["Name"]).strip()]


_UNITS = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万|千|million|thousand)?", re.IGNORECASE)
_SCALE = {"万": 10_000, "千": 1_000, "million": 1_000_000, "thousand": 1_000}


def _units(text: Any) -> int | None:
    """The first count a record gives: "About 18,000", "1.9 million", "約4万個を出荷、うち約1万8000個が販売済み"
    (40,000); None when there is none or it is not a plausible number of units."""
    match = _UNITS.search(unicodedata.normalize("NFKC", str(text or "")).split("(")[0])
    if match is None:
        return None
    count = int(float(match.group(1).replace(",", "")) * _SCALE.get((match.group(2) or "").lower(), 1))
    return count if 0 <= count < 2**31 else None


def _date(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def from_record(record: dict[str, Any]) -> RecallIn:
    manufacturers = _names(record, "Manufacturers") or _names(record, "Importers") or _names(record, "Distributors")
    brand = manufacturers[0] if manufacturers else None
    products: list[ProductIn] = []
    unit_counts = []
    for product in record.get("Products") or []:
        if not isinstance(product, dict):
            continue
        name = (product.get("Name") or "").strip() or None
        unit_counts.append(_units(product.get("NumberOfUnits")))
        models = [m for m in _SPLIT.split(str(product.get("Model") or "")) if m.strip()]
        for model in models or [None]:
            products.append(ProductIn(name=name, brand=brand, model_number=model))
    default_name = products[0].name if products else record.get("Title")
    for upc in record.get("ProductUPCs") or []:
        code = upc.get("UPC") if isinstance(upc, dict) else upc
        if code:
            products.append(ProductIn(name=default_name, brand=brand, barcode=str(code)))
    number = str(record.get("RecallNumber") or record.get("RecallID") or "").strip()
    counted = [u for u in unit_counts if u is not None]
    return RecallIn(
        number=number,
        title=str(record.get("Title") or "").strip(),
        source="regulator_feed",
        recall_date=_date(record.get("RecallDate")),
        description=str(record.get("Description") or ""),
        manufacturer="; ".join(manufacturers) or None,
        manufacturer_contact=str(record.get("ConsumerContact") or "").strip() or None,
        hazard="; ".join(_names(record, "Hazards")) or None,
        remedy="; ".join(_names(record, "Remedies")) or None,
        units=sum(counted) if counted else None,
        products=products,
        raw=record,
    )
