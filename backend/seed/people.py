"""Member identities (names, contact details) drawn from precomputed Faker pools.

Calling Faker per row costs tens of microseconds, which at 200,000 members
is most of the time budget; a few thousand pooled values, combined per row
with the member id, look just as varied in the console and stay unique
where it matters (emails carry the id).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from backend.members.models import Member
from backend.seed.context import DAY, HOUR, YEAR, SeedContext

# Reserved example domains only: the console can send notices, and seeded
# contact details must never reach a real mailbox.
EMAIL_DOMAINS_JA: tuple[str, ...] = ("example.jp", "example.ne.jp", "mail.example.co.jp", "example.or.jp")
EMAIL_DOMAINS_EN: tuple[str, ...] = ("example.com", "example.net", "example.org")

NICKNAME_JA: tuple[str, ...] = (
    "{kana}@プロフ必読", "{kana}ショップ", "古着屋 {kana}", "{kana}のお店", "{kana}⭐︎即購入OK", "{kana}ママ", "{kana}@断捨離中",
)
NICKNAME_EN: tuple[str, ...] = ("{first}_shop", "{first}'s closet", "{first}{n}", "{first} sells stuff", "vintage_{first}")


@dataclass(frozen=True)
class Person:
    """One pooled identity; ``lang`` also picks the language the member writes in."""

    lang: str  # "ja" | "en"
    name: str
    kana: str  # given name in katakana (ja) or first name (en), for nicknames
    email_local: str


class PeoplePools:
    """Faker output computed once per seed; rows pick from it with the seeded RNG."""

    def __init__(self, *, seed: int, size: int) -> None:
        # Imported here: every service start imports this package to ask
        # whether the database is empty, and Faker costs ~0.1 s to import.
        from faker import Faker

        ja = Faker("ja_JP")
        en = Faker("en_US")
        ja.seed_instance(seed)
        en.seed_instance(seed + 1)
        ja_count = max(20, size * 3 // 4)
        en_count = max(10, size - ja_count)
        self.people: list[Person] = []
        for _ in range(ja_count):
            first, first_kana, first_roman = ja.first_name_pair()
            last, _last_kana, last_roman = ja.last_name_pair()
            local = f"{first_roman}.{last_roman}".lower()
            self.people.append(Person("ja", f"{last} {first}", first_kana, local))
        for _ in range(en_count):
            first, last = en.first_name(), en.last_name()
            self.people.append(Person("en", f"{first} {last}", first, f"{first}.{last}".lower().replace("'", "")))
        self.addresses_ja = [ja.address() for _ in range(max(20, size // 2))]
        self.addresses_en = [en.address().replace("\n", ", ") for _ in range(max(10, size // 6))]


def member_row(rng: random.Random, pools: PeoplePools, member_id: int) -> tuple[dict[str, object], str]:
    """Identity columns for one member, and the language they write in."""
    person = pools.people[rng.randrange(len(pools.people))]
    if person.lang == "ja":
        domain = EMAIL_DOMAINS_JA[member_id % len(EMAIL_DOMAINS_JA)]
        phone = f"0{rng.choice('789')}0-{rng.randrange(10000):04d}-{rng.randrange(10000):04d}"
        address = pools.addresses_ja[rng.randrange(len(pools.addresses_ja))]
        nickname = rng.choice(NICKNAME_JA).format(kana=person.kana) if rng.random() < 0.2 else None
    else:
        domain = EMAIL_DOMAINS_EN[member_id % len(EMAIL_DOMAINS_EN)]
        phone = f"+1-{rng.randrange(201, 990)}-555-{rng.randrange(10000):04d}"
        address = pools.addresses_en[rng.randrange(len(pools.addresses_en))]
        nickname = (rng.choice(NICKNAME_EN).format(first=person.kana.lower(), n=member_id % 100)
                    if rng.random() < 0.2 else None)
    row = {
        "external_id": f"{400_000_000 + member_id}",
        "display_name": nickname or person.name,
        "email": f"{person.email_local}{member_id}@{domain}",
        "phone": phone,
        "address": address,
    }
    return row, person.lang


NEW_ACCOUNT_SHARE = 0.015
HISTORY_YEARS = 6


def joining_times(ctx: SeedContext) -> list[float]:
    """Ascending join times: six years of growth (denser lately) plus a few brand-new accounts."""
    rng = ctx.rng
    n = ctx.scale.members
    fresh = max(3, int(n * NEW_ACCOUNT_SHARE))
    start, settled = ctx.base - HISTORY_YEARS * YEAR, ctx.base - 7 * DAY
    older = [start + (settled - start) * rng.random() ** 0.7 for _ in range(n - fresh)]
    newest = [ctx.base - HOUR - (7 * DAY - HOUR) * rng.random() for _ in range(fresh)]
    return sorted(int(t) for t in older + newest)


def write_members(ctx: SeedContext, pools: PeoplePools, strikes: Counter[int]) -> None:
    """Members in joining order, with strikes and the status they led to."""
    rng = ctx.rng
    table = Member.__table__
    n = ctx.scale.members
    ctx.member_base = ctx.writer.reserve(table, n)
    ctx.member_lang = bytearray(n)
    ctx.member_status = bytearray(n)
    for index in range(n):
        member_id = ctx.member_id(index)
        row, lang = member_row(rng, pools, member_id)
        count = strikes.get(index, 0)
        # Three strikes suspend, two restrict; a single strike restricts after some account reviews.
        status = 2 if count >= 3 else 1 if count == 2 or (count == 1 and rng.random() < 0.3) else 0
        ctx.member_lang[index] = lang == "en"
        ctx.member_status[index] = status
        row.update(id=member_id, joined_at=ctx.at(ctx.joined[index]), strikes=count,
                   status=("active", "restricted", "suspended")[status], version=1)
        ctx.writer.add(table, row)
