"""Contact details inside a message: phone numbers, e-mail addresses and
messenger handles (LINE, Instagram, Discord, X/Twitter, Telegram, Kakao,
WeChat), also as writers hide them: full-width digits, digits spelled out in
kana, kanji or English (ゼロキューゼロ, 〇九〇, "zero nine zero"), "at mark",
"(at)", アットマーク and "dot" for the punctuation of an address.

Numbers that are not phone numbers stay out: tracking and order numbers
(by length, or by the words before them: 追跡番号, 伝票, order …), prices
(¥, 円, yen), dates and counts. A Japanese phone number has 10 digits
(landline, 0 + area code) or 11 (mobile 070/080/090, IP 050, free dial 0120/0800).

Used twice: by screening (a found contact is the ``contact_exchange`` policy's
strongest evidence) and by masking (staff see ``***-****-5678``, never the
number, unless they reveal the message's contact details with a reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend.detection.messages.reading import Message, read
from backend.text.fold import kata

PHONE, EMAIL, HANDLE = "phone", "email", "handle"


@dataclass(frozen=True, slots=True)
class Contact:
    kind: str  # phone | email | handle
    start: int  # offsets in the original text
    end: int
    value: str  # what was found, normalised (digits, lower-case address or handle)
    spelled: bool = False  # written to dodge filters (digits in words, "at mark")
    service: str = ""  # for handles: line, instagram, discord ...


_SEP = r"[\s\-‐‑–—−ー～~.,、，()（）/・のノ]{0,3}"
_DIGIT_RUN = re.compile(r"(?:\+\s?81" + _SEP + r")?\d(?:" + _SEP + r"\d)+")
#: Words that make a number a tracking, order or account number, a code or an id, when they come just before it.
_NOT_PHONE_BEFORE = re.compile(kata(
    r"(?:追跡|伝票|送リ状|オ?問イ?合ワ?セ|オ?問合セ?|荷物|配送|オ?届ケ|受付|注文|オーダー|取引|商品|会員|品番|型番|"
    r"jan|シリアル|serial|tracking|track|order|invoice|receipt|parcel|package|ref|no\.?|id|#|番号|コード|code|"
    r"口座|account|a/c|郵便|〒|zip|postal|ゆうパック|ヤマト|佐川|クロネコ|レターパック|ネコポス|ゆうパケット)"
    r"[^\n。!?！？]{0,12}$"))
_PHONE_WORD_BEFORE = re.compile(r"(?:電話|tel|phone|携帯|ケータイ|スマホ|連絡先?|call|text me|sms|ショートメ|携帯番号|電話番号)"
                                r"[^\n。!?！？]{0,12}$")
_NOT_PHONE_AFTER = re.compile(r"^\s*(?:円|yen|jpy|万|件|個|点|枚|本|回|pt|ポイント|%|％|g\b|kg|cm|mm|年|月|日|時|分|秒)")
_MONEY_BEFORE = re.compile(r"[¥￥$]\s*$")

_AT = r"(?:@|\(at\)|\[at\]|<at>|\{at\}|\s+at\s+|\s*アットマーク\s*|\s*アット\s*|\s*at\s*mark\s*|\s*atmark\s*)"
_DOT = r"(?:\.|\(dot\)|\[dot\]|\s+dot\s+|\s*ドット\s*|\s*dot\s*)"
_EMAIL = re.compile(r"(?<![a-z0-9._%+\-])([a-z0-9][a-z0-9._%+\-]{0,63})" + _AT + r"([a-z0-9\-]+(?:" + _DOT
                    + r"[a-z0-9\-]+)*" + _DOT + r"(?:com|net|org|jp|co|ne|or|ac|io|me|info|biz|us|uk|de|fr|kr|cn|tw))"
                    r"(?![a-z0-9])")
_PLAIN_AT = re.compile(r"@(?:\s|$)|\(at\)|\[at\]|アットマーク|at\s*mark|atmark")

_SERVICES = (
    ("line", r"line|ライン|ﾗｲﾝ"),
    ("instagram", r"instagram|insta|インスタ(?:グラム)?|ig"),
    ("discord", r"discord|ディスコード|ディスコ|dc"),
    ("twitter", r"twitter|ツイッター|ツイ垢|x(?=\s*(?:\(|（)?\s*(?:旧)?\s*(?:twitter|ツイッター)?\s*(?:\)|）)?\s*[:：@]) "),
    ("telegram", r"telegram|テレグラム|tg"),
    ("kakao", r"kakao(?:talk)?|カカオ(?:トーク)?"),
    ("wechat", r"wechat|ウィーチャット"),
    ("skype", r"skype|スカイプ"),
)
_HANDLE = r"@?\s*([a-z0-9][a-z0-9._\-]{2,31})"
_SERVICE_HANDLE = re.compile(
    r"(?<![a-z])(" + "|".join(f"(?P<{name}>{pattern.strip()})" for name, pattern in _SERVICES) + r")"
    r"\s*(?:の|no)?\s*(?:id|アカウント|account|acc|ユーザー名|ユーザーネーム|username|user|name|handle|名前)?\s*"
    r"(?:[:：=＝]|は|ハ|→|->|is|です)?\s*" + _HANDLE, re.IGNORECASE)
_AT_HANDLE = re.compile(r"(?<![a-z0-9._%+\-])@([a-z0-9_](?:[a-z0-9._]{1,29}))(?![a-z0-9._]*" + _DOT + r"[a-z])")
_DISCORD_TAG = re.compile(r"(?<![a-z0-9])([a-z0-9._]{2,32})#(\d{4})(?!\d)")
#: Words after a service name that are not a handle ("line id please", "LINEで送ります").
_NOT_HANDLE = frozenset({"please", "pls", "plz", "and", "the", "for", "you", "your", "me", "with", "was", "are", "is",
                         "id", "ok", "okay", "thanks", "thank", "only", "not", "but", "app", "pay", "payment", "too",
                         "instead", "here", "there", "then", "now", "ask", "add", "dm", "message", "chat", "call",
                         "would", "could", "can", "will", "if", "so", "to", "on", "in", "of", "or", "at", "it", "we",
                         "our", "my", "his", "her", "them", "this", "that", "account", "user", "name", "handle"})


def find(message: Message | str) -> list[Contact]:
    """Every contact detail in a message, in order of position."""
    msg = read(message) if isinstance(message, str) else message
    found = _phones(msg) + _emails(msg) + _handles(msg)
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[Contact] = []
    for contact in found:  # an e-mail's local part is not also a handle
        if out and contact.start < out[-1].end:
            continue
        out.append(contact)
    return out


_MAY_BE_SPELLED = re.compile(r"ゼロ|レイ|マル|イチ|サン|ヨン|ロク|ナナ|ハチ|キュ|[〇零一二三四五六七八九]|zero|one|two|"
                             r"three|four|five|six|seven|eight|nine")


def _phones(msg: Message) -> list[Contact]:
    if sum(ch.isdigit() for ch in msg.folded) < 10 and len(_MAY_BE_SPELLED.findall(msg.folded)) < 3:
        return []
    reading = msg.digits
    text = reading.text
    if sum(ch.isdigit() for ch in text) < 10:
        return []
    out: list[Contact] = []
    for match in _DIGIT_RUN.finditer(text):
        raw = match.group()
        digits = "".join(ch for ch in raw if ch.isdigit())
        if raw.lstrip().startswith("+"):
            digits = "0" + digits[2:]
        if not _is_phone_number(digits):
            continue
        before = text[max(0, match.start() - 24):match.start()]
        after = text[match.end():match.end() + 6]
        if _MONEY_BEFORE.search(before) or _NOT_PHONE_AFTER.match(after):
            continue
        if _NOT_PHONE_BEFORE.search(before) and not _PHONE_WORD_BEFORE.search(before):
            continue
        start = reading.origin[match.start()]
        end = reading.origin_end[match.end() - 1]
        spelled = any(i in reading.spelled for i in range(match.start(), match.end()))
        a, b = msg.span(start, end)
        out.append(Contact(PHONE, a, b, digits, spelled=spelled))
    return out


def _is_phone_number(digits: str) -> bool:
    if len(digits) == 11:
        return digits[:3] in ("070", "080", "090", "050", "060") or digits[:4] in ("0120", "0800")
    if len(digits) == 10:
        return digits[0] == "0" and digits[1] != "0"
    return False


def _emails(msg: Message) -> list[Contact]:
    text = msg.folded
    if "@" not in text and "at" not in text and "アット" not in text:
        return []
    out = []
    for match in _EMAIL.finditer(text):
        value = re.sub(r"\s+", "", match.group())
        spelled = "@" not in match.group() or bool(re.search(r"\(dot\)|\[dot\]|\sdot\s|ドット", match.group()))
        a, b = msg.span(match.start(), match.end())
        out.append(Contact(EMAIL, a, b, value, spelled=spelled))
    return out


def _handles(msg: Message) -> list[Contact]:
    text = msg.folded
    out = []
    for match in _SERVICE_HANDLE.finditer(text):
        handle = match.group(match.lastindex or 0)
        if handle in _NOT_HANDLE or handle.isdigit() and len(handle) < 5 or not re.search(r"[a-z0-9]", handle):
            continue
        service = next(name for name, _ in _SERVICES if match.group(name))
        start = match.start(match.lastindex or 0)
        a, b = msg.span(start, match.end())
        out.append(Contact(HANDLE, a, b, handle, service=service))
    for match in _AT_HANDLE.finditer(text):
        a, b = msg.span(match.start(), match.end())
        out.append(Contact(HANDLE, a, b, match.group(1), service="at"))
    for match in _DISCORD_TAG.finditer(text):
        a, b = msg.span(match.start(), match.end())
        out.append(Contact(HANDLE, a, b, match.group(), service="discord"))
    return out


def mask(text: str, contacts: list[Contact] | None = None) -> str:
    """The message with every contact detail masked as staff see it: the last
    four digits of a phone number, the first letter and domain of an address,
    the first letter of a handle."""
    contacts = find(text) if contacts is None else contacts
    out = []
    pos = 0
    for contact in contacts:
        out.append(text[pos:contact.start])
        out.append(masked(contact))
        pos = contact.end
    out.append(text[pos:])
    return "".join(out)


def masked(contact: Contact) -> str:
    if contact.kind == PHONE:
        return "[phone ***-****-" + contact.value[-4:] + "]"
    if contact.kind == EMAIL:
        domain = re.split(r"@|\(at\)|\[at\]|<at>|\{at\}|at\s*mark|atmark|アットマーク|アット|\sat\s", contact.value)[-1]
        return f"[e-mail {contact.value[:1]}***@{domain}]"
    return f"[{contact.service if contact.service != 'at' else 'handle'} {contact.value[:1]}***]"
