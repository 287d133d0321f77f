"""Rules for messages, written from the policy definitions and how people dodge them.

Each rule is a regular expression over the folded message (NFKC, lower case,
katakana for all kana: patterns are written in hiragana or katakana freely and
converted when compiled) with a log-odds weight; a strong rule (≥ 4.5) flags on
its own, weaker ones need a second rule or the model. Negative rules pull a
policy down: a member who says an off-app payment is *not* possible, asks
about the app's own payment methods, or thanks the other side for a rating.

Refusals: a rule's match in a sentence that refuses (できません, 禁止, can't,
not allowed …) counts only a quarter, so "直接取引はできません" is not a
proposal of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from backend.text.fold import kata

POLICIES: tuple[str, ...] = ("off_platform_payment", "contact_exchange", "cancel_to_relist", "harassment")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    policy: str
    weight: float
    reason: str
    pattern: re.Pattern[str]


def _r(policy: str, rule_id: str, weight: float, reason: str, pattern: str) -> Rule:
    return Rule(rule_id, policy, weight, reason, re.compile(kata(pattern)))


_PAY = "off_platform_payment"
_CONTACT = "contact_exchange"
_RELIST = "cancel_to_relist"
_HARASS = "harassment"

_WALLETS = (r"paypay|ぺいぺい|line ?pay|らいんぺい|楽天ぺい|rakuten ?pay|au ?pay|d払い(?!.{0,6}(で購入|で支払))|kyash|"
            r"paypal|ぺいぱる|venmo|zelle|cash ?app|wise\b|revolut|western union|wechat ?pay|alipay|apple cash|"
            r"amazon(ギフト|gift)|アマギフ|itunes ?card|google ?play ?card|ビットコイン|bitcoin|btc\b|usdt|crypto")
_OUTSIDE = r"(あぷり|app|サイト|site|platform|mercari|メルカリ)\s*(の)?\s*(外|以外|off|outside)|outside (of )?the (app|site|platform)|off[- ](the[- ])?(app|site|platform)|off[- ]app"
_DIRECT = r"直接|じかに|直で|直取引|直取り|directly|direct(ly)? (to|with) me"

RULES: tuple[Rule, ...] = (
    # --- off-platform payment
    _r(_PAY, "pay.bank", 3.0, "bank transfer to the other member",
       r"(銀行|口座)\s*(振込|振り込|振替|に(お)?振|へ(お)?振|送金)|振込先|口座(番号|教え|に入金|へ入金|に送金)|"
       r"bank (transfer|deposit|account|details)|wire (transfer|the money|it)|e-?transfer|iban|sort code|routing number"),
    _r(_PAY, "pay.wallet", 2.6, "a payment app outside the marketplace", _WALLETS),
    _r(_PAY, "pay.cash", 2.6, "cash by hand or on delivery",
       r"代引|代金引換|着払いで(代金|お支払)|cash on delivery|\bcod\b|手渡し|現金(払い|で(お)?(支払|払|渡|受け取|取引|お願い))|"
       r"(pay|paying|pay you|pay me) (in )?cash|cash (in hand|payment|only|when we meet|on pickup)|meet (up )?and pay"),
    _r(_PAY, "pay.outside", 3.2, "payment outside the app", _OUTSIDE),
    _r(_PAY, "pay.direct", 1.8, "paying the other member directly",
       r"(" + _DIRECT + r").{0,12}(支払|払|振込|振り込|送金|入金|取引|やり取り|pay|send (the )?money|deal|transaction)|"
       r"(pay|send (the )?money|deal|trade).{0,12}(" + _DIRECT + r")"),
    _r(_PAY, "pay.fee", 2.2, "avoiding the marketplace's fee",
       r"手数料.{0,14}(もったいな|かから|かけたくな|節約|浮|引か|取られ|なしで|無しで|省|払いたくな|避け)|"
       r"(avoid|skip|save|dodge|without|no|cut out)( on| paying)?( the)? (app |platform |site |mercari |selling |seller )?fees?|"
       r"fees?.{0,10}(avoid|skip|save)"),
    _r(_PAY, "pay.discount_if", 1.4, "a discount offered for paying another way",
       r"(その分|値引|割引|安く|お安く|off|discount|cheaper).{0,20}(振込|現金|送金|paypay|paypal|cash|transfer)|"
       r"(振込|現金|送金|paypay|paypal|cash|transfer).{0,20}(その分|値引|割引|安く|お安く|% off|discount|cheaper)"),
    _r(_PAY, "pay.app_methods", -2.5, "a payment method the app supports",
       r"めるぺい|merpay|こんびに払|ATM払|キャリア決済|クレジットカード|credit card|ポイント(で|払)|atm払い|"
       r"アプリ(内|の)(決済|支払)|in[- ]app payment|through the app|via the app|on the app|the app's payment"),
    # --- contact exchange (contact details themselves are found by contacts.py)
    _r(_CONTACT, "contact.ask", 3.2, "asks to move to another channel or for contact details",
       r"(らいん|line|いんすた|insta|instagram|\big\b|でぃすこ|discord|ついったー|twitter|\bx\b|かかお|kakao|telegram|"
       r"whatsapp|wechat|signal|めーる|e-?mail|gmail|電話|ばんごう|番号|連絡先|contact|\bdm\b|snapchat|facebook|messenger)"
       r".{0,14}(交換|教え|送って|追加|登録|つなが|繋が|で連絡|でれんらく|でやり取り|でやりとり|で話|で直接|で(お)?送り|"
       r"ください|くれ|いただけ|もらえ|me\b|yours|your|add|follow|exchange|swap|share|reach|hit me|chat|talk|text)|"
       r"(add|follow|dm|message|text|call|email|contact|reach|find) me (on|at|via|through)|"
       r"(your|my) (phone|number|email|e-mail|line|insta|instagram|whatsapp|discord|handle|id)\b|"
       r"友だち追加|友達追加|ともだち追加|qrこーど|QRコード|ID(教え|交換|送)|id(教え|交換|送)"),
    _r(_CONTACT, "contact.elsewhere", 2.4, "talk continued outside the app's messages",
       r"(あぷり|app|メルカリ|mercari|ここ|この(メッセージ|取引画面))\s*(外|以外|じゃなくて|ではなく|だと).{0,10}(連絡|やり取り|話|chat|talk)|"
       r"(talk|chat|continue|message) (outside|off) (of )?(the )?(app|here|platform)|somewhere else to (talk|chat)"),
    _r(_CONTACT, "contact.app_messages", -2.0, "keeps to the app's own messages",
       r"取引(メッセージ|画面)で|このメッセージで|アプリ(内|の)メッセージ|in the app('s)? (messages|chat)|through (the )?app messages|here in (the )?chat"),
    # --- cancel to relist
    _r(_RELIST, "relist.cancel_relist", 4.6, "cancel this sale and buy it again elsewhere or at a new listing",
       r"(きゃんせる|取り消|取消|cancel).{0,40}(再出品|出品し直|出品しなお|出し直|だしなお|新しく出品|別(に|で|の)?出品|"
       r"専用(出品|ページ)|出品(を)?し?直|別の(あぷり|さいと|ページ|出品)|他の(あぷり|さいと|ふりま)|らくま|rakuma|ふりる|"
       r"やふおく|yahoo|paypayふりま|じもてぃ|relist|re-list|new listing|separate listing|another (app|site|listing|platform)|"
       r"other (app|site|platform)|ebay|facebook|craigslist|depop|poshmark|vinted|offerup)|"
       r"(再出品|出品し直|出し直|relist|re-list|new listing|another listing).{0,40}(きゃんせる|取り消|取消|cancel)"),
    _r(_RELIST, "relist.elsewhere", 2.6, "buy it on another app or site",
       r"(らくま|rakuma|ふりる|やふおく|paypayふりま|じもてぃ|ebay|depop|poshmark|vinted|offerup|craigslist|"
       r"facebook marketplace|他の(あぷり|さいと|ふりま)|別の(あぷり|さいと|ふりま)|another (app|site|platform)|other (app|site|platform))"
       r".{0,24}(で(買|購入|取引|出品)|から(買|購入)|に出品|buy|purchase|list|sell|cheaper|安く)"),
    _r(_RELIST, "relist.price", 1.8, "a cheaper or changed price after cancelling",
       r"(きゃんせる|cancel).{0,30}(安く|値下|値引|cheaper|lower price|discount|送料込|別価格)"),
    _r(_RELIST, "relist.refusal", -1.5, "a cancellation for an ordinary reason",
       r"(在庫|破損|不具合|紛失|発送でき|事務局|運営|キャンセル申請.{0,6}(承認|しました))|out of stock|damaged|lost in"),
    # --- harassment
    _r(_HARASS, "harass.insult", 3.6, "insults the other member",
       r"ばか|馬鹿|あほ|くず|くそ|糞|死ね|しね(?!ま)|氏ね|ごみ(やろう|野郎|人間|みたい)|かす|きもい|ぶす|でぶ|無能|低能|"
       r"頭(おかし|悪|わる)|ふざけ(ん|る)な|なめてん|なめんな|舐めて|クズ|ボケ|キチガイ|きちがい|詐欺師|泥棒|"
       r"\b(idiot|stupid|moron|dumb|loser|pathetic|retard\w*|scumbag|bitch|asshole|jerk|fuck\w*|shit\w*|"
       r"clown|trash|garbage person|thief|scammer|liar|useless)\b"),
    _r(_HARASS, "harass.threat", 4.6, "threatens the other member",
       r"殺す|ころす|ぶっ殺|住所.{0,10}(わか|知って|特定|晒|さら|行く|いく)|晒す|さらす|晒し|さらし|家(まで|に).{0,6}(行|いく|押しかけ)|"
       r"覚えてろ|覚悟し|ただじゃ(おかな|すまな|済まな)|後悔させ|痛い目|許さない|ゆるさない|ネットに(書|晒|さら|載)|"
       r"know where you live|find (out )?where you live|(come|coming) to your (house|home|door)|you('ll| will) regret|"
       r"watch your back|hurt you|kill you|expose you|post your (name|address|photo|info)|ruin you|make you pay|"
       r"you('ll| will) be sorry|i('ll| will) find you"),
    _r(_HARASS, "harass.rating", 3.4, "pressure to change a rating",
       r"評価.{0,14}(変え|変更し|消し|削除し|直し|取り消|撤回|上げ|良い(に|へ)|つけ直).{0,20}(ないと|なければ|ないなら|ないと|ろ|しろ|して(くれ|よ)|"
       r"ないかぎり|限り|ば|たら|ぞ|からな|けど|ように)|"
       r"(悪い|最低|最悪|bad|ばっど)\s*評価.{0,12}(つけ|付け|にし|します|するぞ|するから|しますよ|しとく)|"
       r"(change|remove|delete|fix|update|raise) (my|the|your|that) (rating|review|feedback|stars?)|"
       r"(bad|negative|1[- ]star|one[- ]star|low) (rating|review|feedback).{0,30}(unless|if you don|or else|otherwise)|"
       r"(unless|if you don'?t|or else|otherwise).{0,40}(bad|negative|1[- ]star|one[- ]star|low) (rating|review|feedback)|"
       r"(leave|give|post) you a (bad|negative|1[- ]star|one[- ]star|low) (rating|review|feedback)"),
    _r(_HARASS, "harass.pressure", 1.6, "aggressive pressure",
       r"早くしろ|さっさと|いい加減にしろ|いいかげんにしろ|ふざけるな|何様|ありえねー|だろ(?!う)|てめ|お前|おまえ|貴様|"
       r"\b(hurry the hell|right now or|last warning|final warning)\b"),
    _r(_HARASS, "harass.polite_rating", -2.0, "an ordinary request or thanks about ratings",
       r"評価(を)?(お願い|よろしく|いたします|しました|させていただ|ありがと)|(please|kindly) (rate|leave a rating|leave feedback)|"
       r"thanks? (you )?for (the )?(rating|review|feedback)"),
)

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?\n]*")
_REFUSAL = re.compile(kata(
    r"できません(?!か)|できかねます|出来ません|しておりません|しません(?!か)|お断り|不可|禁止|規約違反|規約で|ルール違反|ダメ|だめです|"
    r"ないでください|控えて|やめて(ください|下さい)|できないので|できない(です|ん)|"
    r"\b(can'?t|cannot|won'?t|not allowed|against (the )?(rules|terms|policy)|prohibited|don'?t do|not possible|only through|"
    r"only via|only (use|pay) (through|via|in))\b"))
REFUSAL_FACTOR = 0.25


@dataclass(frozen=True, slots=True)
class RuleHit:
    rule: Rule
    spans: tuple[tuple[int, int], ...]  # folded-text offsets
    weight: float  # the rule's weight, reduced when every match is in a refusing sentence


def match(folded: str) -> list[RuleHit]:
    refusing: list[tuple[int, int]] = []
    if _REFUSAL.search(folded):
        refusing = [(m.start(), m.end()) for m in _SENTENCE.finditer(folded) if _REFUSAL.search(m.group())]
    hits = []
    for rule in RULES:
        spans = tuple((m.start(), m.end()) for m in rule.pattern.finditer(folded) if m.end() > m.start())
        if not spans:
            continue
        weight = rule.weight
        if rule.weight > 0 and refusing and all(any(a <= s < b for a, b in refusing) for s, _ in spans):
            weight *= REFUSAL_FACTOR
        hits.append(RuleHit(rule, spans, weight))
    return hits
