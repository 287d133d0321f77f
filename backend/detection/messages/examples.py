"""Our own seed examples for the message model (never corpus lines): a few per
policy and many ordinary messages, Japanese and English. The model learns the
bulk from the corpus's TRAIN author and moderators' decisions; these make sure
a freshly installed service has every label to learn from."""

from __future__ import annotations

EXAMPLES: tuple[tuple[str, str], ...] = (
    ("ペイペイで直接送金してもらえれば、すぐ発送します", "off_platform_payment"),
    ("手数料かからないように口座に振り込んでください", "off_platform_payment"),
    ("近くなので手渡しで現金払いにしませんか", "off_platform_payment"),
    ("アプリを通さずに支払ってもらえたら千円引きます", "off_platform_payment"),
    ("If you send it by PayPal I can knock the fee off", "off_platform_payment"),
    ("Let's do the payment outside the app, cash when we meet", "off_platform_payment"),
    ("らいんで連絡取りたいのでID教えてください", "contact_exchange"),
    ("詳しい写真はインスタに載せてるのでDMください", "contact_exchange"),
    ("メアド交換して、そっちでやり取りしましょう", "contact_exchange"),
    ("電話番号を教えてもらえますか？直接話したいです", "contact_exchange"),
    ("Add me on Discord and we can talk there", "contact_exchange"),
    ("What's your WhatsApp? Easier to chat there", "contact_exchange"),
    ("一度キャンセルしてもらって、専用出品を作るのでそちらから買ってください", "cancel_to_relist"),
    ("キャンセルしてくれたらラクマで安く出します", "cancel_to_relist"),
    ("Cancel this one and buy it from my new listing, it's cheaper there", "cancel_to_relist"),
    ("Please cancel, I'll sell it to you on eBay instead", "cancel_to_relist"),
    ("いい加減にしろ、ふざけんなよ", "harassment"),
    ("評価を消さないと許さないからな", "harassment"),
    ("お前みたいなやつは二度と取引するな", "harassment"),
    ("You're an idiot, change the review now", "harassment"),
    ("I know where you live, fix the rating or else", "harassment"),
    ("ご購入ありがとうございます。明日発送いたします。", "ok"),
    ("追跡番号は 1234-5678-9012 です。よろしくお願いします。", "ok"),
    ("注文番号 0901234567 の件でお問い合わせしました", "ok"),
    ("2,000円でしたら即購入したいのですが、お値下げ可能でしょうか？", "ok"),
    ("コンビニ払いで支払いました。ご確認お願いします。", "ok"),
    ("メルペイ残高で払っても大丈夫ですか？", "ok"),
    ("受け取り評価をしました。ありがとうございました。", "ok"),
    ("評価をお願いいたします。", "ok"),
    ("直接のお取引はできませんので、アプリ内でお願いします", "ok"),
    ("在庫切れのため、申し訳ありませんがキャンセル申請させていただきます", "ok"),
    ("5月3日に発送予定です。ゆうパケットでお送りします。", "ok"),
    ("Thanks for buying! Tracking number is 4455 6677 8899.", "ok"),
    ("Could you do 3,500 yen including shipping?", "ok"),
    ("I paid with my credit card through the app, please check.", "ok"),
    ("Please leave a rating when it arrives, thanks!", "ok"),
    ("Sorry, I can't share contact details outside the app messages.", "ok"),
    ("Order #20240501-0901234 shipped on 05/01 by Yamato.", "ok"),
)
