"""Text that is stored or required must be real text.

- :func:`clean` removes NUL and the other control characters (C0 but tab,
  newline and carriage return; DEL; C1) from text. PostgreSQL refuses NUL in
  text and JSON, SQLite keeps it; both databases now store the same cleaned
  text. It runs on every string column and every string inside JSON columns of
  every row the ORM writes (:func:`install`), and on audit events before they
  are hashed.
- :data:`VisibleText` is a request field that must contain something visible:
  empty, whitespace-only and invisible-only text (zero-width characters, BOM,
  control characters) is refused with 422.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator
from sqlalchemy import String, event
from sqlalchemy.orm import Mapper

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    return _CONTROL.sub("", value) if _CONTROL.search(value) else value


def clean_json(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k) if isinstance(k, str) else k: clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_json(v) for v in value]
    return value


def has_visible_text(value: str) -> bool:
    """Whether ``value`` has a character that is neither white space nor a
    control/format/unassigned code point (zero-width space, BOM, ...)."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp")
               for ch in value)


def _visible(value: str) -> str:
    value = clean(value)
    if not has_visible_text(value):
        raise ValueError("must contain visible text (not only spaces or invisible characters)")
    return value.strip()


#: A reason, note or statement a person must actually write.
VisibleText = Annotated[str, AfterValidator(_visible)]


def _clean_row(_mapper: Mapper[Any], _connection: Any, target: Any) -> None:
    for column in _mapper.columns:
        key = _mapper.get_property_by_column(column).key
        value = target.__dict__.get(key)
        if value is None:
            continue
        if isinstance(value, str) and isinstance(column.type, String):
            cleaned = clean(value)
        elif isinstance(value, dict | list):
            cleaned = clean_json(value)
            if cleaned == value:
                continue
        else:
            continue
        if cleaned is not value and cleaned != value:
            setattr(target, key, cleaned)


def install(base: type) -> None:
    """Clean every row of ``base``'s mapped classes before it is inserted or updated."""
    event.listen(base, "before_insert", _clean_row, propagate=True)
    event.listen(base, "before_update", _clean_row, propagate=True)
