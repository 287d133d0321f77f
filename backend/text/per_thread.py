"""One instance per thread of the analysers and converters text reading uses.

MeCab taggers, pykakasi and e2k keep state between calls and are not safe to
share between the service's worker threads; they are also slow to create, so
each thread makes its own once, on first use (the console never loads them).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")


def per_thread(factory: Callable[[], T]) -> Callable[[], T]:
    """``factory``, called once per thread; later calls return that thread's instance."""
    local = threading.local()

    @wraps(factory)
    def instance() -> T:
        made = getattr(local, "instance", None)
        if made is None:
            made = local.instance = factory()
        return made

    return instance
