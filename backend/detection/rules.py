"""Curated rules per policy, with the negative contexts that keep honest listings up.

Each rule is a regular expression over normalised text (casefolded latin,
katakana for all kana) with a log-odds ``weight``: positive rules push a
policy's score up, negative ones (``包丁``, ``空箱``, ``攻略本``, ``古銭`` ...)
pull it down. Weights are on the same scale the detector adds up, so a single
strong rule (≥ 4.5) is enough to flag on rules alone, while weak rules need
support from other signals.

Rules are written with general vocabulary for the policy, never with phrases
copied from the evaluation set. Hiragana in patterns is converted to katakana
at compile time so patterns can be written naturally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _constants as _c, _parser  # type: ignore[attr-defined]

from backend.detection.normalize import Normalized

POLICIES: tuple[str, ...] = (
    "counterfeit", "medicine", "game_account", "stolen_goods", "weapon", "cash_equivalent",
)

_HIRA_TO_KATA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)}


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.translate(_HIRA_TO_KATA))


@dataclass(frozen=True, slots=True)
class Rule:
    """One curated signal.

    ``needs_brand``: only counts when the listing mentions a known brand.
    ``also``: only counts when this second pattern occurs anywhere as well.
    ``gate``: substrings one of which any match contains, for patterns whose
    literal prefixes cannot be derived (see ``_Gate``).
    """

    id: str
    policy: str
    weight: float
    reason: str
    pattern: re.Pattern[str]
    needs_brand: bool = False
    also: re.Pattern[str] | None = None
    gate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A fired rule and where it matched (ranges of the normalised text)."""

    rule: Rule
    spans: tuple[tuple[int, int], ...]


_GAMES = (
    r"モンスト|モンスターストライク|パズドラ|原神|genshin|スターレイル|star ?rail|崩壊|ウマ娘|(?<![a-z])fgo(?![a-z])"
    r"|fate/?grand ?order|プロセカ|ブルアカ|ブルーアーカイブ|blue archive|ポケモン ?go|pokemon ?go|(?<![a-z])apex(?![a-z])"
    r"|エーペックス|valorant|ヴァロラント|ヴァロ|fortnite|フォートナイト|フォトナ|roblox|ロブロックス|minecraft"
    r"|マイクラ|league of legends|clash of clans|クラクラ|clash royale|クラロワ|荒野行動|pubg|ドラクエウォーク"
    r"|グラブル|グランブルー|ff14|ffxiv|ドッカンバトル|ドッカン|白猫|ツムツム|スプラトゥーン|プリコネ|バウンティラッシュ"
    r"|トレクル|ブロスタ|brawl stars|プロスピ|イーフト|efootball|ウイイレ|ultimate team|call of duty|codモバイル"
    r"|runescape|osrs|world of warcraft|diablo|ディアブロ|エルデンリング|nikke|アークナイツ|arknights|デレステ"
    r"|ミリシタ|ガルパ|あんスタ|ドラゴンボール ?レジェンズ|ブロスタ|第五人格|identity ?v|ゼンゼロ|ゼンレスゾーンゼロ"
    r"|リネージュ|lineage|メイプルストーリー|maplestory|ラグナロク|dq10|ドラクエ10|ポケモンスリープ"
)

@cache
def _rules() -> tuple[Rule, ...]:
    """Compiled on first use, not at import: the patterns cost every service start ~50 ms."""
    return (
        # --- counterfeit -------------------------------------------------------
        Rule("cf_super_copy", "counterfeit", 6.0, "advertised as a super copy / graded replica",
             _re(r"スーパーコピー|super ?copy|s級コピー|(?<![a-z0-9])(?:s級|n級)|aaa ?(級|grade|quality)|a級品"
                 r"|ミラー(品|グレード|級)|mirror (grade|quality|copy|replica)|top ?grade replica")),
        Rule("cf_fake", "counterfeit", 5.0, "described as fake / counterfeit",
             _re(r"偽物(?!では|じゃ|でない|ではな|だった|の場合|なら|と判明|が届|を掴|が多|に注意|対策)"
                 r"|偽ブランド|ニセモノ(?!では|じゃ|だった|の場合)|偽造品|コピー品|コピー商品|ブランドコピー|コピーブランド"
                 r"|パチモン|パチモノ|バッタモン|バッタもん|フェイク品"
                 r"|(?<!not )(?<!not a )(?<!no )(?<!never )(?<!isn't )(?<!isn't a )"
                 r"(?:fake(?! (?:fur|leather|lashes|eyelash|flowers?|plants?|nails?|grass|snow|food|tan|suede|pearls?|layer))"
                 r"|counterfeit|knock-?offs?|bootleg|dupes?(?![a-z]))")),
        Rule("cf_replica_brand", "counterfeit", 4.5, "brand item sold as a replica",
             _re(r"レプリカ(?!ユニ|ジャージ)|replica(?! (?:jersey|kit|shirt|uniform))"), needs_brand=True),
        Rule("cf_replica", "counterfeit", 2.0, "mentions a replica",
             _re(r"レプリカ(?!ユニ|ジャージ)|replica(?! (?:jersey|kit|shirt|uniform))")),
        Rule("cf_not_genuine", "counterfeit", 5.0, "seller says the item is not genuine",
             _re(r"本物ではありません|本物ではない|本物じゃない|正規品ではありません|正規品ではない|正規品じゃない|非正規品"
                 r"|not (?:an? )?(?:authentic|genuine|original|real)(?![a-z])|inauthentic|unauthori[sz]ed (?:copy|reproduction)")),
        Rule("cf_same_as_genuine", "counterfeit", 3.5, "claims to be indistinguishable from the genuine item",
             _re(r"(?:正規品|本物|純正品?)(?:と|に)?(?:ほぼ|全く|まったく|ほとんど)?(?:同等|同じ|同様|そっくり|遜色|見分け|区別|変わ[らり])"
                 r"|見分けが?つかない|見分け不可|区別がつかない|same (?:quality )?as (?:the )?(?:original|genuine|authentic|real)"
                 r"|indistinguishable|identical to (?:the )?(?:original|genuine|real|authentic)"
                 r"|(?:looks|feels) (?:just |exactly )?like (?:the )?real")),
        Rule("cf_one_to_one", "counterfeit", 3.5, "brand item advertised as a 1:1 copy",
             _re(r"(?<![\d/])1 ?[:対比] ?1(?![\d/])|one to one copy"), needs_brand=True),
        Rule("cf_no_brand", "counterfeit", 3.0, "says 'no brand' while naming a brand",
             _re(r"ノーブランド|ノンブランド|(?<![a-z])no ?brand|non-?brand|unbranded|ブランド不明|ブランドタグなし"),
             needs_brand=True),
        Rule("cf_unknown_authenticity", "counterfeit", 2.0, "authenticity unknown or not guaranteed",
             _re(r"真贋不明|真偽不明|真贋(?:は)?(?:わかりません|保証できません|保証なし)|鑑定(?:なし|無し|していません|未)"
                 r"|authenticity (?:unknown|not guaranteed|unverified|uncertain)"
                 r"|(?:can'?t|cannot|can not) (?:guarantee|verify|confirm) (?:the )?authenticity"), needs_brand=True),
        Rule("cf_dirt_cheap", "counterfeit", 1.0, "brand item advertised as dirt cheap",
             _re(r"激安|破格|最安値|爆安|super cheap|dirt cheap|wholesale price|卸値"), needs_brand=True),
        Rule("cf_neg_proof", "counterfeit", -2.5, "proof of authenticity offered (receipt / guarantee)",
             _re(r"レシート|領収書|保証書|ギャランティ|国内正規店|正規店(?:で|にて)?購入|直営店|ブティック(?:で|にて)購入"
                 r"|購入証明|鑑定済|鑑定書|鑑定士|正規品保証|receipt|guarantee card|warranty card|certificate of authenticity"
                 r"|authenticated by|proof of purchase|bought (?:it )?(?:at|from) (?:the )?(?:boutique|official|flagship)"
                 r"|コメ兵|大黒屋|なんぼや|ブランドオフ|エコリング|ラクマ鑑定|entrupy|real authentication")),
        Rule("cf_grade_words", "counterfeit", 4.5, "graded-copy jargon next to a brand (SS級, UA, reps, best batch, OEM same factory)",
             _re(r"(?<![a-z0-9])ss ?(?:級|品質|グレード)|トップグレード|最高級グレード|(?<![a-z])ua(?![a-z])|(?<![a-z])reps?(?![a-z])"
                 r"|rep quality|(?:best|top|factory|god) batch|same factory|oem ?(?:same|工場|品)|同(?:じ)?工場|同等品|同型品"
                 r"|正規ルート(?:で|じゃ)?(?:は)?ない|正規ルート外|legit check|(?<![a-z])lc(?![a-z])"), needs_brand=True),
        # Slang and euphemisms sellers use instead of "copy" (homage / respect pieces, "looks just like",
        # "rep", "パチ"): general vocabulary of evasion, strongest next to a brand.
        Rule("cf_slang_brand", "counterfeit", 4.5, "look-alike slang next to a brand (激似, オマージュ, リスペクト, rep, 1:1)",
             _re(r"激似|酷似|瓜二つ|オマージュ|リスペクト(?:モデル|品|作品|アイテム)|インスパイア(?:モデル|品|アイテム)?|ほぼ本物"
                 r"|本物(?:そっくり|みたい|っぽい|と遜色)|パチ(?:物|もん|モン|品)?(?![ァ-ヺー])|ぱち(?:もの|もん)|コピ(?:品|物|系)|レプ(?:品|系)(?![ァ-ヺー])"
                 r"|類似品(?!に注意|にご注意|が出回|と違|ではな|では)|模倣品(?!に注意|にご注意|が出回|と違|ではな|では)|互換(?:品|モデル)(?=.{0,20}(?:バッグ|財布|時計|ウォッチ|スニーカー))|ノーブラ(?:ンド)?(?:扱い|表記|で出品)"
                 r"|homage (?:watch|piece|model)|(?<![a-z])homage(?![a-z])|look-?alike|lookalike|(?<![a-z])reps(?![a-z])"
                 r"|(?:high|top|best|1:1) quality (?:copy|replica|rep|version)|mirror (?:image )?(?:version|copy)"
                 r"|(?:same|identical) (?:as|to) (?:retail|the real)|unbranded version|(?:inspired|dupe) version"),
             needs_brand=True),
        Rule("cf_logo_no_brand", "counterfeit", 4.0, "brand marks present but listed as no brand",
             _re(r"(?:ロゴ|刻印|タグ|シリアル|モノグラム)(?:や|と|、)?(?:刻印|ロゴ|タグ)?(?:は|も)?(?:あり|有り|入り|付き|ついて|入って)"
                 r"(?=.{0,40}(?:ノーブランド|ノンブランド|ブランド(?:は)?不明|no ?brand|unbranded))"
                 r"|(?:ノーブランド|ノンブランド|ブランド(?:は)?不明)(?=.{0,40}(?:ロゴ|刻印|モノグラム)(?:は|も)?(?:あり|有り|入り|付き|ついて|入って))"
                 r"|(?:logo|engraving|monogram)s? (?:present|included|on it)(?=.{0,40}(?:no ?brand|unbranded))")),
        Rule("cf_bulk_luxury", "counterfeit", 3.0, "bulk new stock of a brand item",
             _re(r"大量(?:入荷|在庫|仕入れ|出品)|在庫(?:多数|あり(?:ます)?|大量|複数)|まとめ売り(?:可|歓迎)?(?=.{0,20}新品)|複数(?:在庫|個)あり"
                 r"|色違い(?:あり|在庫)|(?:in stock|stock available|bulk (?:order|stock|lot)|wholesale|multiple (?:pieces|units) available)"),
             needs_brand=True),
        Rule("cf_not_official", "counterfeit", 4.5, "unofficial reproduction (proxy / not an official product)",
             _re(r"プロキシカード|proxy cards?|公式(?:の)?(?:商品|品|グッズ|製品)(?:では|じゃ)(?:ござい|あり)?(?:ません|ない)"
                 r"|not (?:an )?official (?:product|merch|item)|unofficial (?:copy|reproduction)|海賊版|bootleg copy"
                 r"|ノーブランド扱い|no ?brand扱い")),
        Rule("cf_neg_no_logo", "counterfeit", -3.0, "plain look-alike without any brand marks",
             _re(r"ロゴ(?:や刻印)?(?:は)?(?:一切)?(?:なし|無し|ございません|ありません|入っていません)|no logos?(?: or)?|logo-?free"
                 r"|without (?:any )?(?:logo|branding)")),
        Rule("cf_neg_accessory_only", "counterfeit", -5.0, "only packaging / accessories (box, bag, case)",
             _re(r"空箱|空き箱|箱のみ|外箱のみ|保存袋のみ|袋のみ|ショッパー|紙袋|ショップ袋|付属品のみ|ケースのみ|タグのみ"
                 r"|本体(?:は)?(?:なし|無し|付属(?:いた)?しません|ございません|ありません|含まれません)|ベルトのみ|バンドのみ"
                 r"|(?:純正)?(?:替え|交換用)?(?:ベルト|バンド|尾錠)(?:のみ|単品)|strap only|band only|(?:watch|bag) (?:is )?not included"
                 r"|リボンのみ|empty box|box only|boxes only|dust ?bag only|shopping bag|paper bag|case only|tags? only"
                 r"|packaging only|ノベルティ|novelty|カタログ|catalogue")),
        Rule("cf_neg_replica_kit", "counterfeit", -3.0, "official replica sports kit",
             _re(r"レプリカユニ|レプリカジャージ|replica (?:jersey|kit|shirt|uniform)|official replica")),
        Rule("cf_neg_damaged", "counterfeit", -1.5, "sold as damaged / junk (explains a low price)",
             _re(r"ジャンク|junk|ボロボロ|破損|for parts|damaged|heavily used|worn out")),
        Rule("cf_neg_flawed", "counterfeit", -1.5, "sold with flaws",
             _re(r"難あり|訳あり|傷み")),

        # --- medicine ----------------------------------------------------------
        Rule("md_prescription", "medicine", 5.0, "prescription or controlled drug",
             _re(r"処方薬|処方せん薬|処方箋薬|処方箋医薬品|医療用医薬品|病院で(?:処方|もら)|処方され|処方して"
                 r"|prescription (?:drugs?|medicines?|medication|pills?|only|strength)|rx only"
                 r"|抗生物質|抗生剤|antibiotics?|睡眠薬|睡眠導入剤|sleeping pills?|向精神薬|抗不安薬|精神安定剤|抗うつ薬"
                 r"|バイアグラ|viagra|シアリス|cialis|レビトラ|ed治療薬|インスリン|insulin|ステロイド(?:剤|軟膏|外用)"
                 r"|メラトニン|melatonin|フィナステリド|finasteride|デュタステリド|ミノキシジル(?:タブレット|錠|内服)"
                 r"|アフターピル|低用量ピル|経口避妊薬|birth control pills?|ダイエット薬|やせ薬|痩せ薬|diet pills?"
                 r"|ゾルピデム|デパス|マイスリー|ハルシオン|ベンゾ|ヒルドイド|ビタミン剤\(処方\)|オゼンピック|ozempic|リベルサス|マンジャロ")),
        Rule("md_otc", "medicine", 4.5, "over-the-counter drug",
             _re(r"(?<!部外)医薬品(?!では|じゃ|でな|以外|を除|ではな)|第[123一二三]類医薬品|指定第[2二]類|風邪薬|かぜ薬|カゼ薬"
                 r"|cold medicine|鎮痛剤|痛み止め|painkillers?|pain relief (?:tablets|pills)|解熱剤|解熱鎮痛|胃腸薬|胃薬|便秘薬"
                 r"|下剤|目薬|点眼薬|eye ?drops|頭痛薬|塗り薬|飲み薬|内服薬|外用薬|allergy (?:tablets|pills|medicine|relief)|湿布薬|漢方薬|咳止め|鼻炎薬|花粉症薬|アレルギー薬|水虫薬|ニキビ治療薬"
                 r"|ロキソニン|loxonin|バファリン|イブプロフェン|ibuprofen|アセトアミノフェン|acetaminophen|tylenol|パブロン"
                 r"|コンタック|ベンザブロック|アレグラ|ガスター|正露丸|太田胃散|葛根湯|リアップ|命の母|龍角散|セデス|ナロン")),
        Rule("md_ingredient", "medicine", 4.5, "drug named by product or active ingredient",
             _re(r"シルデナフィル|sildenafil|タダラフィル|tadalafil|バルデナフィル|ミノキシジル|minoxidil|イソトレチノイン|isotretinoin"
                 r"|トレチノイン|tretinoin|ハイドロキノン|hydroquinone|ロキソプロフェン|loxoprofen|ジクロフェナク|diclofenac"
                 r"|フェルビナク|インドメタシン|ケトプロフェン|プレドニゾロン|prednisolone|ベタメタゾン|betamethasone|デルモベート"
                 r"|リンデロン|アンテベート|ロコイド|モーラス|ヘパリン類似|ゲンタシン|アモキシシリン|amoxicillin|クラリス|メトホルミン"
                 r"|metformin|セマグルチド|semaglutide|リラグルチド|シブトラミン|sibutramine|オルリスタット|orlistat|ゼニカル|マジンドール"
                 r"|サノレックス|プロペシア|propecia|ザガーロ|ロゲイン|rogaine|ボトックス|botox|ボツリヌス|ヒアルロン酸 ?(?:注射|注入|フィラー)"
                 r"|dermal fillers?|fillers? (?:syringe|injection|kit)|フィラー ?(?:注射|注入)|リドカイン|lidocaine|麻酔クリーム|numbing cream"
                 r"|プラセンタ注射|ビタミン注射|注射剤|injectables?|アンプル剤|ステロイド|steroids?|アナボリック|anabolic|クロミッド|hgh"
                 r"|ピル(?:シート)?|ed薬|精力剤(?:\(?医薬品)|湿布(?:薬)?(?:\s?\d+ ?枚)?(?!ケース)")),
        Rule("md_unapproved", "medicine", 3.0, "personal import or unapproved drug",
             _re(r"個人輸入|未承認|海外製(?:の)?(?:薬|医薬|サプリ)|海外(?:の)?(?:薬|医薬品)|unapproved|imported (?:pills|meds|medicine)"
                 r"|overseas (?:pills|meds|medicine)|not approved (?:in japan|by)|(?:効果|効き目)(?:は)?(?:抜群|保証|折り紙付き)")),
        Rule("md_contacts", "medicine", 4.5, "contact lenses (medical devices)",
             _re(r"コンタクトレンズ(?!ケース|用ケース|入れ)|contact lens(?:es)?(?! case)|カラコン(?!ケース)|カラーコンタクト"
                 r"|colou?red contacts?|circle lens(?:es)?|ワンデー|ワンデイ|1day ?(?:アキュビュー|acuvue|レンズ)|2ウィーク"
                 r"|2week|アキュビュー|acuvue|デイリーズ|dailies|メダリスト|ワンマンス|bc ?8\.\d|dia ?1[2-5]\.\d")),
        Rule("md_device", "medicine", 4.5, "regulated medical device",
             _re(r"血圧計|体温計|パルスオキシメーター|pulse ?oximeter|オキシメーター|補聴器|hearing aids?|低周波治療器"
                 r"|電気治療器|電位治療器|tens unit|注射器|注射針|syringes?|医療機器|medical device|吸入器|inhaler"
                 r"|ネブライザー|nebuli[sz]er|血糖測定器|血糖値測定器|血糖計|glucose meter|酸素濃縮器|cpap"
                 r"|blood pressure (?:monitor|cuff)|thermometer")),
        Rule("md_dosage", "medicine", 1.5, "dosage units (tablets / mg)",
             _re(r"\d+ ?(?:錠|カプセル|tablets?|capsules?)(?![a-z])|\d+ ?mg(?![a-z])|使用期限|有効期限 ?\d"),
             gate=("錠", "カプセル", "tablet", "capsule", "mg", "期限")),
        Rule("md_slang", "medicine", 4.5, "drug by slang or by what it is for (眠剤, 痩せ薬, 脂肪溶解注射, GLP-1)",
             _re(r"眠剤|睡眠剤|精神薬|抗精神病薬|安定剤|頓服|残薬|余った(?:お)?薬|薬(?:の)?(?:余り|残り)|お薬(?:余り|です)"
                 r"|脂肪溶解(?:注射|注入)?|ダイエット注射|痩身注射|glp-?1|ゼップバウンド|サクセンダ|ウゴービ|wegovy|mounjaro|saxenda"
                 r"|美容(?:注射|注入|液注射)|(?:自己|セルフ)注射|打つタイプ|注射(?:タイプ|用|キット)|ペン型注入器"
                 r"|トレチ(?![ァ-ヺー])|ハイドロキ(?![ァ-ヺー])|ミノキ(?![ァ-ヺー])|フィナ(?![ァ-ヺー])|アイピル|ラスベリル|モーニングアフターピル"
                 r"|軟膏(?!ケース|容器|ツボ)|クリーム(?:\(|（)?処方|外用(?:剤|液)|貼り薬|塗布薬|カプセル剤|シロップ剤|点鼻薬|坐薬|座薬"
                 r"|度なし(?:カラコン|コンタクト)|(?<![a-z])pwr ?-?\d|power -?\d\.\d\d"
                 r"|sleeping (?:tablets|meds)|(?:leftover|left over|spare) (?:meds|medication|pills|tablets|prescription)"
                 r"|(?<![a-z])meds(?![a-z])|ointment|(?:weight[- ]loss|slimming|fat[- ]burning) (?:pills?|injections?|pens?)"
                 r"|fat dissolving|(?:beauty|cosmetic) injections?|otc (?:drug|medicine|pills)")),
        Rule("md_neg_container", "medicine", -5.0, "a container or accessory, not the medicine itself",
             _re(r"ピルケース|pill ?(?:case|box|organi[sz]er|holder|container|dispenser)|薬ケース|おくすりケース|お薬ケース"
                 r"|薬入れ|メディスン(?:ケース|ボックス)|ピルボックス|薬箱|救急箱|レンズケース|コンタクトケース|lens case"
                 r"|コンタクト(?:レンズ)?用?ケース|お薬手帳|空き瓶|空容器|空き容器|empty (?:bottle|container)")),
        Rule("md_neg_toy_book", "medicine", -4.0, "toy or book about medicine",
             _re(r"お医者さんごっこ|ドクターセット|doctor (?:play )?(?:set|kit)|おもちゃ|玩具|(?<![a-z])toy|参考書|教科書"
                 r"|フィギュア|(?<![a-z])figures?(?![a-z])|一番くじ|プライズ|ぬいぐるみ|plush"
                 r"|textbook|問題集|国家試験|国試|図鑑")),
        Rule("md_neg_supplement", "medicine", -2.0, "food supplement, not a drug",
             _re(r"サプリ|supplements?|プロテイン|protein|青汁|健康食品|栄養補助食品|ハーブティー|herbal tea")),

        # --- game_account ------------------------------------------------------
        Rule("ga_account_sale", "game_account", 5.0, "sale of a game account / RMT",
             _re(r"アカウント(?:販売|譲渡|売買|売り|売ります|引き?渡し|引退|データ|ごと|を?譲)|(?:引退|初期|リセマラ|最強|サブ|メイン|放置|育成済み?)(?:垢|アカ(?![ァ-ヺ])|アカウント)"
                 r"|垢(?:販売|売り|譲渡|売買|bang)|(?<![a-z])rmt(?![a-z])|リアルマネートレード|(?:game|gaming) accounts?"
                 r"|boost (?:your|my) (?:rank|account|elo|mmr)|(?:selling|sell) (?:my |a |an )?(?:main |smurf |old |stacked |maxed |high level )?accounts?"
                 r"|accounts? for sale|(?<![a-z])smurf(?![a-z])|引き?継ぎ(?:コード|id|パスワード|情報)|データ引き?継ぎ|transfer code"
                 r"|login (?:details|info|credentials)|ログイン情報")),
        Rule("ga_currency", "game_account", 4.5, "in-game currency for real money",
             _re(r"ゲーム内(?:通貨|マネー|ゴールド|アイテム|コイン)|in-?game (?:currency|gold|coins|money|items?|credits)"
                 r"|v-bucks|vbucks|ブイバックス|robux|ロバックス|wow gold|osrs gold|rs3 gold|fifa coins|fut coins|(?:gold|coins) farming"
                 r"|ゴールド(?:販売|代行)")),
        Rule("ga_boosting", "game_account", 5.0, "boosting / play-for-hire service",
             _re(r"(?:レベル|ランク|レート|段位|ランクマ|周回|育成|称号|トロフィー|実績|ガチャ|ストーリー)(?:上げ)?代行"
                 r"|代行(?:プレイ|します|いたします|承り|承ります|サービス)|(?<![a-z])boosting(?![a-z])|elo ?boost|rank ?boost"
                 r"|boost(?:ing)? service|win ?boost|carry service|power ?level(?:l)?ing|account (?:leveling|levelling)"
                 r"|ランク上げ|レベル上げ(?:します|いたします)")),
        Rule("ga_proxy_game", "game_account", 3.5, "play-for-hire for a named game",
             _re(r"代行"), also=_re(_GAMES)),
        Rule("ga_account_game", "game_account", 4.5, "account / character data for a named game",
             _re(r"アカウント|(?<![a-z])accounts?(?![a-z])|垢(?![a-z])|(?<![ァ-ヺ])アカ(?![ァ-ヺ])|(?<![a-z])uid|ランク ?\d{2,}"
                 r"|(?<![a-z])lv\.? ?\d{2,}|(?<![a-z])level \d{2,}|全キャラ|限定キャラ|星5|☆5|(?<![a-z])ssr ?\d|(?<![a-z])ur ?\d"
                 r"|所持(?:キャラ|数)|天井|スキン ?\d+|skins? ?\d+|\d+\+? ?skins|(?<![a-z])(?:ar|tl|th) ?\d{2}(?![a-z\d])"),
             also=_re(_GAMES)),
        Rule("ga_currency_game", "game_account", 2.0, "currency amounts for a named game",
             _re(r"\d[\d,]* ?(?:石|ジェム|ダイヤ|クリスタル|オーブ|コイン|ゴールド|gems?|coins|crystals|diamonds|primogems?|orbs?)"
                 r"|(?:gold|coins|gems) \d|原石|魔法石|星晶石|聖晶石|オーブ|ジュエル"),
             also=_re(_GAMES)),
        Rule("ga_slang", "game_account", 4.0, "account hand-over slang for a game (総課金, 連携解除, ID/パス渡し)",
             _re(r"総課金|課金(?:総)?額|課金(?:済|しました|して)|連携(?:解除|済|変更|先)|紐付け|紐づけ|(?<![a-z])id ?(?:と|&|/|・)? ?(?:パス|pw|password)"
                 r"|メアド(?:変更|付き|ごと)|ログイン(?:方法|情報|情報ごと)|データ(?:を)?(?:お)?(?:譲り|渡し|販売|譲渡)|譲渡(?:します|いたします)"
                 r"|(?:email|login) (?:change|transfer)|(?:full|complete) access|(?:transfer|hand over) (?:the )?(?:account|login)|spent \$?\d"),
             also=_re(_GAMES + r"|ゲーム|アプリ|(?<![a-z])game|垢")),
        Rule("ga_neg_physical", "game_account", -4.0, "physical game goods (book, software, console, merch)",
             _re(r"攻略本|攻略ガイド|公式ガイド|ガイドブック|guide ?book|strategy guide|設定資料集|art ?book|アートブック"
                 r"|サウンドトラック|サントラ|soundtrack|パッケージ版|ソフト|カセット|cartridge|ディスク|(?<![a-z])disc(?![a-z])"
                 r"|本体|console|コントローラー|controller|amiibo|アミーボ|フィギュア|figure|ぬいぐるみ|plush|アクリルスタンド"
                 r"|アクスタ|缶バッジ|ポスター|poster|グッズ|merch|トレーディングカード|トレカ|ボードゲーム|board game"
                 r"|ゲーミング(?:マウス|キーボード|チェア|pc)|gaming (?:mouse|keyboard|chair|pc|headset)|プレイマット")),
        Rule("ga_neg_account_removed", "game_account", -4.0, "account removed / device reset before sale",
             _re(r"アカウント(?:は)?(?:削除|初期化|リセット|サインアウト|ログアウト)(?:済|しました|して)|初期化済|初期化しました"
                 r"|factory reset|account (?:deleted|removed|signed out|logged out)|signed out of")),

        # --- stolen_goods ------------------------------------------------------
        Rule("sg_stolen", "stolen_goods", 6.0, "stolen / shoplifted / diverted goods",
             _re(r"盗品(?!では|じゃ|でない|ではな|ではございません|等|など|の出品)|盗難品(?!では|じゃ|でない|ではな|の出品)|万引き|横流し|横流れ|盗んだ"
                 r"|パクってきた|くすねた|(?<!not )(?<!never )(?<!not been )(?<!never been )stolen(?! from me)"
                 r"|shoplifted|fell off (?:the back of )?a truck|off the back of a truck")),
        Rule("sg_found", "stolen_goods", 4.5, "found / lost property",
             _re(r"拾った|拾いました|拾い物|拾得物|落とし物|落し物|(?:お客様|客)の忘れ物|忘れ物(?:を|です|なので)"
                 r"|found (?:it|this|these|them) (?:on|in|at|by) (?:the |a )?(?:street|road|train|bus|park|station|floor|sidewalk|taxi|bench|beach|gym)"
                 r"|found (?:it |this |these |them |an? |the )?(?:[a-z]+ )?(?:on|in|at) (?:the |a )?(?:street|road|train|bus|park|station|taxi|cab|gym)|lost and found|lost property|持ち主(?:不明|がわからない|わからず|は不明)"
                 r"|owner unknown|someone left (?:it|this) ")),
        Rule("sg_provenance", "stolen_goods", 4.0, "seller refuses to say where the item came from",
             _re(r"出所不明|出どころ(?:は|不明)|入手経路(?:は|不明|非公開|秘密|言えません|については)|入手先(?:は|不明|秘密|言えません)"
                 r"|聞かないで|no questions asked|don'?t ask (?:where|how)"
                 r"|can'?t say (?:where|how) (?:i|we) got")),
        Rule("sg_locked_device", "stolen_goods", 4.5, "device locked to another owner / blacklisted",
             _re(r"赤ロム|アクティベーションロック(?!(?:は)?(?:解除|なし|無し|オフ))|activation lock(?! (?:removed|off|disabled))"
                 r"|icloud ?(?:lock|ロック|locked)(?!(?:は)?(?:解除|なし|無し| removed| off))|find my (?:iphone|ipad|mac) (?:on|enabled)"
                 r"|imei (?:blacklisted|blocked|blacklist)|blacklisted imei|ネットワーク利用制限 ?[:：]? ?(?:×|x|バツ)"
                 r"|利用制限(?:×|あり)|bad esn|パスコード(?:不明|わかりません|解除できません)|passcode (?:unknown|locked)"
                 r"|ロック解除(?:できません|不可)|ロック(?:がかかったまま|かかったまま|がかかっています)")),
        Rule("sg_property", "stolen_goods", 4.5, "someone else's property (rental, company, institution)",
             _re(r"レンタル品|リース品|借り物|借りた(?:もの|物)|会社の備品|会社備品|職場の備品|社用(?:pc|携帯|スマホ)|備品シール"
                 r"|資産管理(?:シール|番号|ラベル)|管理番号シール|asset tag|property of|company (?:laptop|property|phone)"
                 r"|学校の備品|図書館の(?:本|蔵書)|library (?:book|copy|stickers?|barcodes?)(?! sale)|レンタル(?:店|ショップ)の|ホテル(?:の)?(?:備品|バスローブ|タオル)"
                 r"|hotel (?:towels?|bathrobes?|robes?)|(?:ホテル|旅館).{0,12}持ち帰|病院の備品|官給品|官品|支給品|(?:会社|職場|学校)から(?:支給|貸与)"
                 r"|貸与(?:品|された)|rented (?:from|item)")),
        Rule("sg_tags", "stolen_goods", 4.5, "security tag still attached / serial removed",
             _re(r"防犯タグ(?:付|つき|あり)|盗難防止タグ(?:付|つき|あり)|security tags? (?:still )?(?:attached|on)"
                 r"|シリアル(?:番号|ナンバー|プレート|シール)?(?:を|は)?(?:削除|削り|削って|消し|消して|剥が|はが|外し|外して|なし|無し|不明)"
                 r"|serial (?:numbers?|plates?|stickers?|tags?)? ?(?:removed|scratched|filed|missing|ground off|taken off)"
                 r"|(?:removed|scratched off|filed off) (?:the )?serial")),
        Rule("sg_public_property", "stolen_goods", 4.5, "shared or public property (bike share, road fixtures, plates)",
             _re(r"シェアサイクル|シェア(?:自転車|バイク)|レンタサイクル|bike ?share|share ?bikes?|(?:rental|shared|share) (?:e-?)?scooters?"
                 r"|(?:lime|luup|bird) (?:scooter|bike)|ループ(?:の)?(?:キックボード|自転車)|電動キックボード(?:の)?(?:シェア|レンタル)"
                 r"|ナンバープレート|license plates?|number plates?|マンホール(?:の)?(?:蓋|ふた)|manhole covers?|グレーチング|溝蓋"
                 r"|道路標識|road signs?|カーブミラー|catalytic converters?|触媒(?:コンバーター)?|工事現場の|construction site")),
        Rule("sg_contents", "stolen_goods", 4.0, "someone's wallet or bag with cards still inside",
             _re(r"カード(?:類)?(?:が|も)?(?:入った|入って(?:いる|います|る))(?:まま)?|(?:免許証|保険証|身分証|キャッシュカード)(?:も|が)?(?:入って|入った)"
                 r"|cards? (?:still )?inside|(?:id|cards|license) (?:still )?(?:in it|inside)")),
        Rule("sg_no_receipt_bulk", "stolen_goods", 2.5, "bulk new goods without receipts, in a hurry",
             _re(r"レシート(?:は)?(?:ない|無い|なし|無し|ありません)|領収書(?:は)?(?:ない|なし|ありません)|no receipts?"
                 r"|(?:need|want) (?:them |it )?gone|早く(?:取引|手放)したい|急ぎで(?:手放|売)|no questions?(?![a-z])|質問(?:は)?(?:なし|ご遠慮)"
                 r"|出どころ|どこから(?:来た|手に入れた)|where (?:it|they) came from")),

        Rule("sg_slang", "stolen_goods", 4.5, "seller hints the goods are stolen or diverted (パクった, 職場から, 流出品)",
             _re(r"パクった|パクってきた|パクり品|ぱくった|盗ってきた|拾ってきた|拾得|ネコババ|ねこばば"
                 r"|流出品|横流れ品|(?:職場|バイト先|勤務先|会社|店|倉庫|工場|現場)から(?:持ち出|持って(?:き|帰)|拝借|くすね|流)"
                 r"|持ち出し品|拝借(?:した|品|してきた)|(?:経緯|理由|出品理由|入手方法)(?:は)?(?:聞かないで|秘密|内緒|言えません|察して|ワケあり)"
                 r"|詮索(?:しないで|禁止|なし|ご遠慮)"
                 r"|five[- ]finger discount|liberated (?:from|it)|(?:took|got) (?:it|these|them) from (?:work|my job|the warehouse|the store)"
                 r"|from (?:my )?(?:work|job)'?s? (?:stock|warehouse|inventory)|don'?t ask questions"
                 r"|(?:previous|original) owner (?:unknown|not known)")),
        Rule("sg_marks_attached", "stolen_goods", 4.0, "another owner's marks still on it (asset sticker, engraved name, rental label)",
             _re(r"(?:管理|備品|資産|レンタル|リース)(?:番号|ナンバー|シール|ラベル|タグ)(?:あり|付き|つき|残り|が貼|付いた|ついた|そのまま)"
                 r"|(?:会社名|社名|企業名|学校名)(?:の)?(?:刻印|シール|ラベル|入り)(?:あり|付き|がある|が入|そのまま)"
                 r"|(?:レンタル|リース)(?:会社|店)?(?:の)?(?:シール|ラベル|タグ)|防犯タグ|盗難防止タグ|(?:セキュリティ|防犯)(?:ピン|タグ|シール)(?:が)?(?:付|つい|あり)"
                 r"|(?:rental|asset|inventory|company) (?:sticker|label|tag|number)s? (?:still )?(?:on|attached)|engraved with (?:a|the) (?:company|school|name)"
                 r"|(?:security|anti-?theft|ink) tags? (?:still )?(?:on|attached)")),
        Rule("sg_bulk_unboxed", "stolen_goods", 2.5, "bulk new goods, no box or receipt",
             _re(r"(?:新品|未使用|未開封)(?:品)?(?:が)?(?:大量|多数|\d+(?:個|台|点|本|着)(?:セット|まとめ)?)(?=.{0,40}(?:箱なし|箱無し|レシート|領収|保証書なし|購入証明))"
                 r"|(?:箱なし|箱無し|保証書なし)(?=.{0,30}(?:新品|未使用))(?=.{0,60}(?:大量|多数|まとめ|\d+(?:個|台|点)))"
                 r"|(?:brand new|unopened|sealed) (?:in )?bulk|(?:bulk|lots? of|\d+) (?:brand new|sealed|unopened) .{0,30}(?:no (?:box|receipt|boxes))")),
        Rule("sg_bike", "stolen_goods", 2.5, "bicycle without registration or key",
             _re(r"防犯登録(?:は)?(?:なし|無し|していな|されていな|抹消でき|解除でき|抹消不可|解除不可|シール(?:剥がし|はがし))"
                 r"|鍵(?:は)?(?:なし|無し|がない|ない|紛失|無くし|なくし)|no (?:bike )?registration|(?:without|no) (?:a )?key")),
        Rule("sg_neg_legit", "stolen_goods", -3.0, "legitimate provenance (deregistered, library discard, anti-theft goods)",
             _re(r"防犯登録(?:は)?(?:抹消済|解除済|抹消します|カード|控え)|除籍本|除籍済|廃棄本|discarded library|ex-library"
                 r"|盗難防止(?!タグ)|anti-?theft|防犯ブザー|防犯カメラ|security camera|盗難保険|レンタル落ち|ex-rental"
                 r"|どんぐり|松ぼっくり|貝殻|流木|落ち葉|seashells?|driftwood|pine ?cones?")),

        # --- weapon ------------------------------------------------------------
        Rule("wp_firearm", "weapon", 7.0, "firearm, ammunition, explosives or illegally modified gun",
             _re(r"実銃|拳銃(?!型)|本物の(?:銃|拳銃)|real (?:gun|firearm|pistol|rifle)|firearms?|handguns?|ammunition|ammo(?![a-z])"
                 r"|実弾|弾薬|live rounds|火薬|gunpowder|black powder|爆薬|explosives?|ダイナマイト|dynamite"
                 r"|改造(?:エアガン|エアーガン|ガン|銃|電動ガン|ガスガン)|modified (?:airsoft|air ?gun|bb gun)"
                 r"|(?:初速|パワー)(?:アップ|up)済|法定(?:初速)?(?:超え|オーバー)|規制値(?:超え|オーバー|以上)|0\.98j(?:超え|オーバー|以上)"
                 r"|改造済|改造品|初速(?:アップ|up)|3dプリント(?:銃|ガン)|3d printed gun|ghost gun|散弾銃|shotgun|猟銃|火縄銃|古式銃")),
        Rule("wp_defence", "weapon", 5.0, "stun gun, knuckles, baton, crossbow or similar",
             _re(r"スタンガン|stun ?guns?|taser|テーザー|メリケンサック|ナックルダスター|brass knuckles|knuckle ?dusters?"
                 r"|メリケン|特殊警棒|伸縮警棒|警棒|(?:expandable|telescopic|police|tactical) baton|催涙スプレー|催涙ガス|pepper spray"
                 r"|護身用スプレー|クロスボウ|crossbow|ボウガン|bowgun|スリングショット|slingshot|吹き矢|blowgun"
                 r"|仕込み(?:杖|刀|ナイフ)|sword cane|throwing (?:stars?|knives)")),
        Rule("wp_by_type", "weapon", 4.5, "weapon named by type (sap, nunchaku, spear, double-edged blade, air rifle)",
             _re(r"ブラックジャック(?!.{0,6}(?:カード|ゲーム|トランプ|漫画|コミック|dvd))|(?<![a-z])saps?(?![a-z])|blackjack (?:sap|weapon|baton)"
                 r"|サップ(?:手袋|グローブ)?|sap gloves?|ヌンチャク|nunchaku|nunchucks?|(?<![a-z])槍|spear(?:head)?|薙刀|naginata"
                 r"|青龍刀|両刃|double[- ]edged|諸刃|エアライフル|air ?rifles?|空気銃|pcp (?:rifle|air)|ライフル(?:銃)?(?!スコープ)"
                 r"|(?:銃身|バレル)(?:を|は)?(?:開通|貫通)|(?:barrel) (?:drilled|opened)|\d(?:\.\d+)? ?(?:j|ジュール)(?:超え|超|オーバー|以上)"
                 r"|(?:法定|規制)(?:の)?(?:基準|上限|値)(?:を|は)?(?:超え|オーバー)|over the legal (?:limit|fps|muzzle)|fps (?:over|above) (?:the )?(?:legal|limit)"
                 r"|パワー(?:を)?上げ(?:済|て|ました)|(?:ボウガン|クロスボウ)用(?:の)?矢"
                 r"|(?:ナックル|メリケン)[^\s]{0,6}\s?(?:キーホルダー|キーリング)|knuckles? (?:duster )?(?:keychain|key ?ring)"
                 r"|(?:keychain|key ?ring) knuckles?")),
        Rule("wp_blade", "weapon", 4.5, "combat / folding knife, dagger or sword",
             _re(r"(?:サバイバル|バタフライ|飛び出し|スイッチ|タクティカル|コンバット|軍用|ミリタリー|ハンティング|狩猟用?|ボウイ|アーミー|スローイング|折りたたみ|折り畳み|フォールディング)ナイフ"
                 r"|ダガー|dagger|(?:butterfly|balisong|switchblade|survival|tactical|combat|hunting|bowie|gravity|automatic|throwing|military|boot|trench|folding) knife"
                 r"|switchblade|balisong|日本刀|真剣|脇差|短刀|刀剣|katana|wakizashi|machete|マチェーテ|マチェット|匕首")),
        Rule("wp_knife", "weapon", 2.5, "knife / blade",
             _re(r"ナイフ|(?<![a-z])knife|knives|刃渡り ?\d+|blade (?:length )?\d+ ?(?:cm|mm|inch|in)|刃物")),
        Rule("wp_self_defence", "weapon", 1.5, "sold as a weapon or for self-defence",
             _re(r"武器|(?<![a-z])weapons?|護身用|self[- ]defen[cs]e|殺傷")),
        Rule("wp_slang", "weapon", 4.5, "weapon by type or slang (手裏剣, トンファー, カランビット, 本身, 防犯スプレー, OTF)",
             _re(r"手裏剣|棒手裏剣|クナイ|苦無|トンファー|鉄扇|十手|鎖鎌|カランビット|karambit|プッシュダガー|push daggers?|ブラスナックル|ナックル(?:ダスター|リング)"
                 r"|(?<![a-z])otf(?![a-z])|out the front|スプリング(?:アシスト)?ナイフ|spring[- ]assisted|gravity knife|flick ?knife|飛び出しナイフ"
                 r"|本身|真剣(?:の)?(?:刀|日本刀)|刃付け(?:済|あり)|(?:ガチ|本物)の?(?:刃|ナイフ|刀)|sharpened (?:blade|edge)|live blade|battle[- ]ready"
                 r"|防犯スプレー|撃退スプレー|熊(?:撃退|よけ)スプレー(?=.{0,20}(?:護身|人))|(?:defen[cs]e|bear) spray (?:for|against) (?:people|humans|self)"
                 r"|高電圧(?:護身|スタン)|stun (?:baton|flashlight)|スタン(?:バトン|ロッド|警棒)|ブラックジャック(?:型)?(?:警棒)?(?:護身)|打撃(?:武器|用)"
                 r"|初速(?:を)?(?:上げ|強化|改造|カスタム)|ハイパワー(?:カスタム|化|仕様)|(?:海外|外国)仕様(?:の)?(?:エアガン|ガスガン|電動ガン|エアライフル)"
                 r"|\d{3} ?fps(?=.{0,20}(?:over|above|more))|high[- ]?power (?:airsoft|air ?gun|bb)"
                 r"|tuned (?:past|above|beyond)|(?:hop|power) ?up (?:done|mod)|(?:弓矢|矢じり|ブロードヘッド|broadheads?)(?=.{0,30}(?:狩|hunting))"
                 r"|伸縮(?:式)?(?:ロッド|バトン|スティック)(?=.{0,20}(?:護身|防犯|打撃))|collapsible baton")),
        Rule("wp_neg_kitchen", "weapon", -5.0, "kitchen, craft or table knife",
             _re(r"包丁|kitchen knife|chef'?s knife|キッチンナイフ|ペティナイフ|三徳|牛刀|出刃|柳刃|菜切り|パン切り|bread knife"
                 r"|fillet(?:ing)? knife|fish(?:ing)? knife|フィレナイフ|釣り用|victorinox|ビクトリノックス|swiss army|十徳|マルチツール"
                 r"|multi-?tool|オピネル|opinel|肥後守|誘導灯|誘導棒|traffic (?:wand|baton|control)|(?:light|signal|glow) (?:baton|wand)"
                 r"|ペンライト|指揮棒|バトントワリング|twirling baton|relay baton|リレー(?:用)?バトン"
                 r"|バターナイフ|butter knife|ケーキナイフ|チーズナイフ|ステーキナイフ|steak knife|ペーパーナイフ|letter opener"
                 r"|カッターナイフ|カッター|utility knife|box cutter|テーブルナイフ|カトラリー|cutlery|フォーク|fork|パレットナイフ"
                 r"|palette knife|彫刻刀|クラフトナイフ|craft knife|デザインナイフ|アートナイフ|ピーラー|peeler|調理|cooking|料理")),
        Rule("wp_neg_toy", "weapon", -4.0, "toy, replica or legal airsoft item",
             _re(r"おもちゃ|玩具|トイガン|toy (?:gun|sword|knife|weapon|blaster)|(?<![a-z])toy(?![a-z])|コスプレ|cosplay|小道具"
                 r"|(?<![a-z])props?(?![a-z])|模造刀(?!では|じゃ)|模擬刀|居合刀|美術刀|木刀|wooden sword|竹刀|スポンジ|foam|ソフビ|nerf|ナーフ"
                 r"|水鉄砲|water (?:gun|pistol)|モデルガン|model gun"
                 r"|ガチャ|フィギュア|figure|キーホルダー|keychain|keyring|プラモデル|ミニチュア|miniature|ダミー|dummy|ストラップ"
                 r"|ゲームソフト|ハロウィン|halloween|ペーパークラフト")),

        Rule("wp_neg_airsoft", "weapon", -2.5, "legal airsoft / BB gun",
             _re(r"エアガン|エアーガン|エアソフト|airsoft|電動ガン|ガスガン|bb弾|bb gun")),

        # --- cash_equivalent ---------------------------------------------------
        Rule("ce_cash", "cash_equivalent", 5.0, "cash / current banknotes for sale",
             _re(r"現金 ?\d|\d[\d,万千]* ?円分?の?現金|現金(?:の)?(?:販売|出品|譲渡|お譲り|譲ります|売ります)|現行(?:紙幣|貨幣|硬貨|の紙幣)"
                 r"|(?<!旧)(?:一万|1万|五千|5千|二千|2千|千|1千)円札|ドル札|米ドル|ユーロ札|外貨両替|新札|新紙幣|棒金|(?<![a-z])cash (?:for sale|bundle|lot)"
                 r"|selling (?:cash|money|banknotes)|(?:jpy|yen|usd|dollar|euro) (?:banknotes?|notes|bills|cash)"
                 r"|\d+ ?(?:yen|jpy|usd|\$) (?:in )?cash|(?<![a-z])cash (?:\d|¥|\$)"),
             gate=("現金", "円札", "ドル", "ユーロ", "外貨", "新札", "新紙幣", "現行", "棒金", "cash", "money", "banknote", " notes",
                   " bills")),
        Rule("ce_banknote", "cash_equivalent", 2.0, "banknotes or coins",
             _re(r"紙幣|お札(?!.{0,4}(?:神社|お守り|御朱印|寺))|ピン札|banknotes?|外貨|硬貨|us dollars?")),
        Rule("ce_gift_card", "cash_equivalent", 4.5, "gift card / code or charged prepaid card",
             _re(r"ギフトカード(?!ケース|入れ|ホルダー|封筒|用)|ギフト券|お食事券|食事券|ジェフグルメ|ギフトコード|gift ?cards?(?! (?:case|holder|sleeve|envelope|box|wallet|organi[sz]er))"
                 r"|gift ?codes?|e-gift|egift|アマギフ|amazonギフト|アマゾンギフト|itunes ?(?:カード|card|ギフト|gift)"
                 r"|apple ?(?:gift ?card|ギフトカード)|google ?play ?(?:カード|card|ギフト|gift|コード|code)|グーグルプレイ"
                 r"|playstation ?(?:store )?(?:card|カード)|psn (?:card|code)|プレイステーションストアカード|ニンテンドープリペイド"
                 r"|nintendo (?:eshop|prepaid) (?:card|code)|steam (?:wallet|gift) (?:card|code)|steamウォレット|webmoney|ウェブマネー"
                 r"|bitcash|ビットキャッシュ|quo ?カード|quo ?card|クオカード|図書カード|図書券|商品券|ビール券|お米券|おこめ券"
                 r"|jcbギフト|visaギフト|vjaギフト|百貨店ギフト|全国百貨店共通|プリペイドカード|prepaid (?:card|visa|mastercard)"
                 r"|vプリカ|バニラvisa|vanilla visa|スタバカード|starbucks card|チャージ(?:済|されて)|残高(?:あり|有| ?\d|付き|[:：] ?\d)"
                 r"|balance (?:of|included|loaded)|loaded with|pre-?loaded|(?:コード|code)(?:のみ|だけ|通知|送信|をお送り|番号)"
                 r"|(?:番号|コード)を?(?:メッセージ|取引メッセージ)(?:で|にて)")),
        Rule("ce_crypto", "cash_equivalent", 4.5, "cryptocurrency",
             _re(r"ビットコイン|bitcoin|(?<![a-z])btc(?![a-z])|仮想通貨|暗号資産|暗号通貨|crypto ?currenc|(?<![a-z])crypto(?![a-z])"
                 r"|イーサリアム|ethereum|(?<![a-z])eth(?![a-z])|usdt|tether|リップル|(?<![a-z])xrp|ドージコイン|dogecoin|solana")),
        Rule("ce_slang", "cash_equivalent", 4.0, "money in another form (現金化, 金券, charged e-money, codes)",
             _re(r"現金化|換金(?:用|目的|率)|金券(?!ショップ)|電子マネー(?:残高|チャージ|付き|\\d)|(?:paypay|ペイペイ|楽天ペイ|line ?pay|メルペイ|au ?pay)(?:残高|マネー|ポイント)"
                 r"|(?:suica|スイカ|pasmo|パスモ|nanaco|ナナコ|waon|ワオン|edy|エディ|icoca|イコカ)(?:カード)?(?:[^。\n]{0,10})?(?:残高|チャージ)"
                 r"|ギフト(?:券|コード)|(?:プリペイド|ギフト)(?:番号|コード)|(?:e-?money|store credit|prepaid balance|(?:paypay|suica) balance)"
                 r"|(?:code|pin) (?:sent|delivered|via message|by message)|unused (?:code|balance)|(?:full|remaining) balance")),
        Rule("ce_neg_collectible", "cash_equivalent", -4.5, "old or commemorative money for collectors",
             _re(r"古銭|古札|旧紙幣|旧札|旧一万円札|旧千円札|旧五千円札|聖徳太子|伊藤博文|夏目漱石|板垣退助|岩倉具視|新渡戸稲造"
                 r"|記念硬貨|記念コイン|記念貨幣|記念銀貨|記念金貨|記念メダル|commemorative (?:coins?|medals?)|collectors?(?![a-z])|コレクター"
                 r"|コレクション|numismatic|古いお金|old (?:banknotes?|coins|currency|bills)|vintage (?:banknotes?|coins|currency)"
                 r"|エラー(?:紙幣|硬貨|コイン)|error (?:note|coin)|銀貨|金貨|プルーフ|proof set|ミントセット|mint set|貨幣セット"
                 r"|軍票|藩札|寛永通宝|明治|大正|souvenir|メッキ|plated|使用済|残高0|残高なし|残高ゼロ|zero balance|no balance")),
        Rule("ce_neg_holder", "cash_equivalent", -4.0, "holder, toy money or something that holds cards or cash",
             _re(r"カードケース|card (?:case|holder|sleeve)s?|gift card (?:case|holder|sleeve|envelope|box)|ギフトカードケース"
                 r"|空箱|空き箱|箱のみ|外箱のみ|empty box|box only|(?:card|code) (?:is )?not included|no (?:card|code) (?:or code )?inside"
                 r"|中身(?:の)?(?:カード)?(?:は)?(?:ありません|なし|無し|入っていません)"
                 r"|ポチ袋|お年玉袋|のし袋|祝儀袋|封筒|envelope|ギフトボックス|gift box|財布|(?<!steam )(?<!hardware )wallet(?! code| card| address)"
                 r"|コインケース|coin (?:case|purse)|小銭入れ|money clip|マネークリップ|貯金箱|piggy bank|金庫|safe box|札入れ"
                 r"|紙幣(?:ケース|ホルダー)|名刺入れ|おもちゃ|玩具|toy money|play money|子供銀行|こども銀行|prop money|movie money"
                 r"|撮影用|ダミー紙幣|ジョーク紙幣|ハードウェアウォレット|hardware wallet|ledger nano|trezor|書籍|入門書|解説書"
                 r"|(?<![a-z])book(?![a-z])|マイニング(?:リグ|マシン)")),
    )


def _literal_prefixes(items: list) -> set[str] | None:
    """Literal strings one of which every match must start with, or None if unknown."""
    prefix = ""
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            if prefix:
                break
            continue
        if op is _c.LITERAL:
            prefix += chr(av)
            continue
        if prefix:
            break
        if op is _c.SUBPATTERN:
            return _literal_prefixes(av[3].data)
        if op is _c.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                sub = _literal_prefixes(branch.data)
                if sub is None:
                    return None
                found |= sub
            return found
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            return _literal_prefixes(av[2].data)
        return None
    return {prefix} if prefix else None


class _Gate:
    """Cheap pre-filter: which rules can possibly match a text.

    Scanning ~40 large alternations per listing dominates detection time, so
    every rule is indexed by the first (up to three) characters of the literal
    prefixes its matches (or its required ``also`` matches) must start with, or
    by its explicit ``gate``; only rules whose keys occur in the text are run.
    Rules without a derivable prefix always run.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.always: list[int] = []
        self.by_key: dict[str, list[int]] = {}
        for i, rule in enumerate(rules):
            required = rule.also or rule.pattern
            prefixes = set(rule.gate) or _literal_prefixes(_parser.parse(required.pattern).data)
            if prefixes is None:
                self.always.append(i)
                continue
            for key in {p[:3] for p in prefixes}:
                self.by_key.setdefault(key, []).append(i)
        self.keys_by_length = {
            n: frozenset(k for k in self.by_key if len(k) == n) for n in (1, 2, 3)
        }

    def candidates(self, text: str) -> list[int]:
        keys: set[str] = set()
        for n, wanted in self.keys_by_length.items():
            keys |= wanted.intersection(text[i:i + n] for i in range(len(text) - n + 1))
        chosen = set(self.always)
        for key in keys:
            chosen.update(self.by_key[key])
        return sorted(chosen)


@cache
def _gate() -> _Gate:
    """Built on first use: parsing every pattern again costs the service's start-up ~50 ms."""
    return _Gate(_rules())


def match_rules(norm: Normalized, *, has_brand: bool) -> list[RuleHit]:
    """Every rule that fires on ``norm``, with its match ranges in normalised text."""
    hits = []
    text = norm.text
    for index in _gate().candidates(text):
        rule = _rules()[index]
        if rule.needs_brand and not has_brand:
            continue
        spans = tuple(m.span() for m in rule.pattern.finditer(text) if m.end() > m.start())
        if not spans:
            continue
        if rule.also is not None:
            extra = tuple(m.span() for m in rule.also.finditer(text))
            if not extra:
                continue
            spans = spans + extra
        hits.append(RuleHit(rule, spans))
    return hits
