"""Reading an escrow ledger: what was paid, released, refunded and is still held."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from backend.escrow.models import EntryKind


@dataclass(frozen=True)
class Balance:
    paid: int
    released: int
    refunded: int

    @property
    def held(self) -> int:
        return self.paid - self.released - self.refunded


class Entry(Protocol):
    """A ledger line as the pane reads it: a :class:`LedgerEntry` or a row of its columns."""

    @property
    def kind(self) -> str: ...

    @property
    def amount(self) -> int: ...


def balance(entries: Iterable[Entry]) -> Balance:
    paid = released = refunded = 0
    for entry in entries:
        if entry.kind == EntryKind.payment:
            paid += entry.amount
        elif entry.kind == EntryKind.release:
            released += entry.amount
        elif entry.kind == EntryKind.refund:
            refunded += entry.amount
    return Balance(paid, released, refunded)
