"""CSV that is safe to open in a spreadsheet, and download names that are only names.

Formula injection (OWASP "CSV Injection"): a cell whose text starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return may run as a formula
when the file is opened in Excel or LibreOffice. Such text cells are written
with a leading ``'`` so they are shown as text. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")  # and full-width forms


def neutralise(value: Any) -> Any:
    """``value`` as a cell that cannot start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose every text cell goes through :func:`neutralise`."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(out: TextIO) -> SafeWriter:
    return SafeWriter(out)


_UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;]')


def safe_filename(name: str, *, default: str = "download") -> str:
    """A file name with no path pieces, control or reserved characters, and no leading dots."""
    name = unicodedata.normalize("NFC", name)
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip().lstrip(".").strip()
    if not name or set(name) <= {"_", "."}:
        return default
    return name[:120]


def attachment(filename: str, *, default: str = "download") -> str:
    """A ``Content-Disposition`` value: an ASCII fallback plus the exact name (RFC 6266)."""
    name = safe_filename(filename, default=default)
    fallback = "".join(c if c.isascii() and c.isprintable() else "_" for c in name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
