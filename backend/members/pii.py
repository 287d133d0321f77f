"""Masking contact details: staff see enough to recognise a member, not to contact them."""

from __future__ import annotations

import re
import unicodedata


def mask_email(email: str | None) -> str | None:
    if not email:
        return email
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_phone(phone: str | None) -> str | None:
    if not phone:
        return phone
    digits = [c for c in phone if c.isdigit()]
    return "***-****-" + "".join(digits[-4:]) if len(digits) >= 4 else "***"


#: The 47 prefectures: (name in kanji, romaji). An address is shown to staff as its prefecture at most.
PREFECTURES = (
    ("北海道", "Hokkaido"), ("青森県", "Aomori"), ("岩手県", "Iwate"), ("宮城県", "Miyagi"), ("秋田県", "Akita"),
    ("山形県", "Yamagata"), ("福島県", "Fukushima"), ("茨城県", "Ibaraki"), ("栃木県", "Tochigi"),
    ("群馬県", "Gunma"), ("埼玉県", "Saitama"), ("千葉県", "Chiba"), ("東京都", "Tokyo"), ("神奈川県", "Kanagawa"),
    ("新潟県", "Niigata"), ("富山県", "Toyama"), ("石川県", "Ishikawa"), ("福井県", "Fukui"), ("山梨県", "Yamanashi"),
    ("長野県", "Nagano"), ("岐阜県", "Gifu"), ("静岡県", "Shizuoka"), ("愛知県", "Aichi"), ("三重県", "Mie"),
    ("滋賀県", "Shiga"), ("京都府", "Kyoto"), ("大阪府", "Osaka"), ("兵庫県", "Hyogo"), ("奈良県", "Nara"),
    ("和歌山県", "Wakayama"), ("鳥取県", "Tottori"), ("島根県", "Shimane"), ("岡山県", "Okayama"),
    ("広島県", "Hiroshima"), ("山口県", "Yamaguchi"), ("徳島県", "Tokushima"), ("香川県", "Kagawa"),
    ("愛媛県", "Ehime"), ("高知県", "Kochi"), ("福岡県", "Fukuoka"), ("佐賀県", "Saga"), ("長崎県", "Nagasaki"),
    ("熊本県", "Kumamoto"), ("大分県", "Oita"), ("宮崎県", "Miyazaki"), ("鹿児島県", "Kagoshima"),
    ("沖縄県", "Okinawa"),
)
_POSTCODE = re.compile(r"^\s*〒?\s*\d{3}-?\d{4}\s*")
_ROMAJI = {romaji.casefold(): romaji for _, romaji in PREFECTURES}
_ROMAJI_SUFFIX = re.compile(r"^([a-z]+?)(?:-?(?:to|fu|ken))?(?:\s+prefecture)?\b", re.IGNORECASE)


def prefecture_of(address: str) -> str | None:
    """The prefecture a Japanese address starts with (after any postcode), in the address's script."""
    text = _POSTCODE.sub("", unicodedata.normalize("NFKC", address)).strip()
    for kanji, romaji in PREFECTURES:
        bare = kanji if kanji == "北海道" else kanji[:-1]
        if text.startswith(kanji) or text.startswith(bare):
            return kanji
    # "Tokyo Shibuya 1-2-3", "Osaka-fu ...": the first word is the prefecture.
    match = _ROMAJI_SUFFIX.match(text)
    if match and match.group(1).casefold() in _ROMAJI:
        return _ROMAJI[match.group(1).casefold()]
    # "1-2-3 Jingumae, Shibuya-ku, Tokyo 150-0001": the prefecture named after the city.
    for word in re.findall(r"[A-Za-z]+", text):
        if word.casefold() in _ROMAJI:
            return _ROMAJI[word.casefold()]
    return None


def mask_address(address: str | None) -> str | None:
    """The prefecture at most (``東京都 ***``); nothing of a street, city or ward."""
    if not address:
        return address
    prefecture = prefecture_of(address)
    return f"{prefecture} ***" if prefecture else "***"
