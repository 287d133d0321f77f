"""Brand names from the company names and titles of recall records.

Regulators name the legal entity that recalls, not the brand on the box:
"Bosch Power Tools U.S.A. Inc., of La Mirada, Calif.", "X North America
Bicycle Inc.", "アンカー・ジャパン株式会社", "Wal-Mart Canada Corp. d/b/a
…", or no company at all while the title says "X Recalls …". Sellers write
the brand ("Bosch", "アンカー"). This module strips what a company name adds
to a brand (legal forms, countries and regions, "of City, State", words
such as Holdings or Trading) and offers the rest, whole and by its first
word, as the names a listing's brand may be written as.
"""

from __future__ import annotations

import re

from backend.text.fold import fold

_LOCATION = re.compile(r",?\s+(?:of|in|based in|headquartered in)\s+[a-z][a-z .'\-]*(?:,\s*[a-z .]+)*$")
_DBA = re.compile(r"\s*(?:\bd/b/a\b|\bdba\b|\bdoing business as\b|\btrading as\b|\bt/a\b|\ba\.k\.a\.?)\s*")
_PARENS = re.compile(r"\([^)]*\)|（[^）]*）")
_LEGAL = re.compile(
    r"(?<![a-z])(?:incorporated|inc|corporation|corp|company|co|limited|ltd|llc|l\.l\.c|llp|lp|plc|gmbh|"
    r"ag|s\.?a|s\.?p\.?a|s\.?r\.?l|b\.?v|n\.?v|pty|k\.?k|oy|ab|a/s|sarl|sas|kabushiki kaisha|kaisha)(?![a-z])\.?")
_REGION = re.compile(
    r"(?<![a-z])(?:u\.?s\.?a\.?|u\.?s\.?|usa|american?|americas|north america|canada|japan|europe|uk|china|"
    r"hong kong|international|intl|global|worldwide|holdings?|group|enterprises?|industries|trading|"
    r"manufacturing|mfg|distribution|imports?|the)(?![a-z])\.?")
_JAPANESE_FORMS = re.compile(r"株式会社|有限会社|合同会社|\(株\)|㈱|ジャパン|日本|ホールディングス|グループ|本社")
# What a Japanese company name adds after the brand: ブリヂストンサイクル, ヤマハ発動機, 神田無線電機.
_JAPANESE_TRADES = re.compile(r"(?<=.{2})(?:サイクル|発動機|工業|電機|電器|電工|産業|商事|製作所|技研|化学|販売|技術|"
                              r"ホームプロダクツ|インターナショナル|コーポレーション|カンパニー)$")
_TITLE_BRAND = re.compile(r"^(.{2,60}?)\s+(?:recalls|recall of|announces recall|issues recall|is recalling)\b"
                          r"|^[^-–]{3,60}\s[-–]\s(.{2,40}?)\s[-–]\s")  # EU Safety Gate: "Hair dryer - Brand - ..."
_JOINERS = re.compile(r"[\s,.&/・\-]+")
# First words too common to stand for a brand on their own ("American Baby Co." is not "American").
_GENERIC = frozenset("""
american national general united royal great first best new international global baby kids home pet
family happy little green blue red star sun best north south east west pacific atlantic premier
""".split())


def brand_names(company: str | None) -> list[str]:
    """Folded names a company's products may carry, best first: the name
    without its legal form, region and location, and its first word."""
    if not company or not company.strip():
        return []
    names: list[str] = []
    for part in _DBA.split(fold(company)):
        name = _LOCATION.sub("", _PARENS.sub(" ", part))
        name = _JAPANESE_FORMS.sub(" ", _LEGAL.sub(" ", _REGION.sub(" ", name)))
        name = _JOINERS.sub(" ", name).strip()
        if len(name.replace(" ", "")) < 2:
            continue
        names.append(name)
        if (trimmed := _JAPANESE_TRADES.sub("", name)) != name:
            names.append(trimmed)
        first = name.split()[0]
        if " " in name and len(first) >= 4 and first not in _GENERIC:
            names.append(first)
    return list(dict.fromkeys(names))


def title_brand(title: str | None) -> str | None:
    """The company or brand a title names as recalling ("Bosch Recalls …")."""
    if not title:
        return None
    match = _TITLE_BRAND.match(fold(title).strip())
    return (match.group(1) or match.group(2)) if match else None
