<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../console/actions.py" line="+24"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+18"/>
        <source>&amp;Queue</source>
        <extracomment>Actions sharing a group are exclusive, checkable choices (the screens).</extracomment>
        <translation>キュー(&amp;Q)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&amp;Enforce</source>
        <translation>措置(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Escrow</source>
        <translation>エスクロー(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>&amp;Recalls</source>
        <translation>リコール(&amp;R)</translation>
    </message>
    <message>
        <location line="-23"/>
        <location filename="../../console/main_window.py" line="+360"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open flags and member inquiries waiting for staff</source>
        <translation>スタッフの対応を待つ未処理のフラグと会員からの問い合わせ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Listings</source>
        <translation>出品(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search every listing on the marketplace</source>
        <translation>マーケットプレイスの全出品を検索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Members</source>
        <translation>会員(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search marketplace members</source>
        <translation>マーケットプレイスの会員を検索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product recalls and their matches</source>
        <translation>製品リコールと一致した出品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find in List</source>
        <translation>一覧内を検索(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the cursor in the current screen&apos;s search box</source>
        <translation>現在の画面の検索欄にカーソルを移動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Selected</source>
        <translation>選択を開く(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the selected row in the detail pane</source>
        <translation>選択した行を詳細ペインに表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the current list again from the service</source>
        <translation>現在の一覧をサービスから読み込み直す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Detail Pane</source>
        <translation>詳細ペイン(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the detail pane</source>
        <translation>詳細ペインの表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History Pane</source>
        <translation>履歴ペイン(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the member history pane</source>
        <translation>会員履歴ペインの表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;Layout</source>
        <translation>レイアウトをリセット(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put panes, window size and columns back to their defaults</source>
        <translation>ペイン、ウィンドウサイズ、列を初期状態に戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;Out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End your session and close the console</source>
        <translation>セッションを終了してコンソールを閉じる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the console</source>
        <translation>コンソールを閉じる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List every command and its shortcut</source>
        <translation>すべてのコマンドとショートカットの一覧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Take Down…</source>
        <translation>削除(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected listing down with a reason code</source>
        <translation>選択した出品を理由コード付きで削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Down &amp;Temporarily…</source>
        <translation>一時的に削除(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the selected listing down for a number of hours</source>
        <translation>選択した出品を指定時間だけ削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss Flag…</source>
        <translation>フラグを却下(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the selected flag as a false positive; the listing stays up</source>
        <translation>選択したフラグを誤検知として閉じる(出品はそのまま)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reinstate Listing…</source>
        <translation>出品を復元(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the takedown in force (moderators within 24 hours)</source>
        <translation>有効な削除を取り消す(モデレーターは24時間以内)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make Takedown &amp;Permanent…</source>
        <translation>削除を恒久化(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a temporary takedown in force for good</source>
        <translation>一時的な削除を恒久的なものにする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Down &amp;Selected Listings…</source>
        <translation>選択した出品を削除(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take down every selected listing (or flagged listing) with one confirmation</source>
        <translation>選択したすべての出品(またはフラグ付き出品)を一度の確認で削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take Down All of Seller&apos;s &amp;Listings…</source>
        <translation>出品者の全出品を削除(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take down every active listing of the selected listing&apos;s seller</source>
        <translation>選択した出品の出品者の公開中の出品をすべて削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;anction Seller…</source>
        <translation>出品者に制裁(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the restriction or suspension the seller&apos;s strikes suggest</source>
        <translation>出品者の違反点数が示す制限または停止を確定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lift Sanction…</source>
        <translation>制裁を解除(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lift the seller&apos;s restriction or suspension</source>
        <translation>出品者の制限または停止を解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide &amp;Appeal…</source>
        <translation>異議申し立てを判断(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uphold or overturn the selected appeal</source>
        <translation>選択した異議申し立てを棄却または認容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detector &amp;Settings…</source>
        <translation>検知器の設定(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds per policy with their precision and volume, detector versions, training</source>
        <translation>ポリシー別のしきい値(適合率と件数)、検知器のバージョン、学習</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dashboards…</source>
        <translation>ダッシュボード(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations, enforcement and detection, and recall charts (supervisors)</source>
        <translation>運用、措置と検知、リコールのグラフ(スーパーバイザー)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit Log…</source>
        <translation>監査ログ(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit events by actor, action, target and time; verify the chain (supervisors)</source>
        <translation>実行者・操作・対象・時刻ごとの監査イベント、チェーンの検証(スーパーバイザー)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authority &amp;Requests…</source>
        <translation>当局からの照会(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register, approve or decline, close and export authority requests (supervisors)</source>
        <translation>当局からの照会の登録・承認/却下・終了・書き出し(スーパーバイザー)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights-&amp;Owner Reports…</source>
        <translation>権利者からの通報(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights owners&apos; reports with their evidence beside the listing; accept or reject</source>
        <translation>権利者からの通報を出品と根拠を並べて表示し、受理または却下</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go to…</source>
        <translation>移動(&amp;G)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open any member, listing or transaction by id or member/listing number</source>
        <translation>ID または会員番号・出品番号で会員、出品、取引を開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hold Payment (Dispute)…</source>
        <translation>支払いを保留(紛争)(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the escrow of the transaction in the escrow pane on hold</source>
        <translation>エスクローペインの取引のエスクローを保留にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release to Seller…</source>
        <translation>出品者に支払う(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release what escrow holds to the seller</source>
        <translation>エスクローの預かり金を出品者に支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fund Buyer…</source>
        <translation>購入者に返金(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund all or part of what escrow holds to the buyer (above your limit: a supervisor approves)</source>
        <translation>エスクローの預かり金の全額または一部を購入者に返金(上限を超える場合はスーパーバイザーが承認)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel Sale…</source>
        <translation>取引をキャンセル(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the sale before completion, refunding everything held</source>
        <translation>完了前の取引をキャンセルし、預かり金を全額返金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund &amp;Approvals</source>
        <translation>返金の承認(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds above an agent&apos;s limit waiting for a supervisor</source>
        <translation>エージェントの上限を超え、スーパーバイザーの承認を待つ返金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal &amp;Contact Details…</source>
        <translation>連絡先を表示(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unmask the member&apos;s email, phone and address (asks for a reason; audited)</source>
        <translation>会員のメール・電話・住所のマスクを外す(理由が必要、監査されます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Recall…</source>
        <translation>新規リコール(&amp;N)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type in a recall</source>
        <translation>リコールを入力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Recalls…</source>
        <translation>リコールを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import recalls from a CPSC JSON or CSV file</source>
        <translation>CPSC の JSON または CSV ファイルからリコールを取り込む</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run &amp;Matching</source>
        <translation>照合を実行(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match the selected recall against listings, active and sold</source>
        <translation>選択したリコールを公開中・売却済みの出品と照合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirm Selected Matches…</source>
        <translation>選択した一致を確定(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the selected candidates (suspends active listings)</source>
        <translation>選択した候補を確定(公開中の出品は停止されます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject Selected Matches…</source>
        <translation>選択した一致を却下(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the selected candidates as not the recalled product</source>
        <translation>選択した候補をリコール対象外として却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send Notices…</source>
        <translation>通知を送信(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify the sellers and buyers of confirmed matches (each only once)</source>
        <translation>確定した一致の出品者と購入者に通知(各1回のみ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export CSV Report…</source>
        <translation>CSV レポートを書き出す(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the recall&apos;s report for the manufacturer as CSV</source>
        <translation>メーカー向けのリコールレポートを CSV で保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Member Pane</source>
        <translation>会員ペイン(&amp;M)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the member summary</source>
        <translation>会員の概要の表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;scrow Pane</source>
        <translation>エスクローペイン(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the escrow pane</source>
        <translation>エスクローペインの表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transactions Pane</source>
        <translation>取引ペイン(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the member&apos;s transactions</source>
        <translation>会員の取引の表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;atings Pane</source>
        <translation>評価ペイン(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show or hide the member&apos;s ratings</source>
        <translation>会員の評価の表示/非表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Enforcement Pane</source>
        <translation>措置ペイン(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the enforcement pane</source>
        <translation>措置ペインの表示/非表示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Item</source>
        <translation>次の項目(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim the most urgent unclaimed item for your role and open it</source>
        <translation>担当ロールの未担当項目のうち最も緊急のものを担当して開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Claim Selected</source>
        <translation>選択を担当(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim the selected item and open it</source>
        <translation>選択した項目を担当して開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;lease</source>
        <translation>担当を外す(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the opened item back to the queue</source>
        <translation>開いている項目をキューに戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hand to Colleague…</source>
        <translation>同僚に引き継ぐ(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand the opened item to someone on this shift, with a note</source>
        <translation>開いている項目をメモ付きで同じシフトの人に引き継ぐ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close &amp;Item</source>
        <translation>項目を閉じる(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop working on the opened item (your claim is released)</source>
        <translation>開いている項目の作業をやめる(担当は解除されます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;xt Row</source>
        <translation>次の行(&amp;X)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select the next item in the queue</source>
        <translation>キューの次の項目を選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Row</source>
        <translation>前の行(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select the previous item in the queue</source>
        <translation>キューの前の項目を選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reply to Member</source>
        <translation>会員に返信(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a reply to the member of the opened inquiry</source>
        <translation>開いている問い合わせの会員への返信を書く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal N&amp;ote</source>
        <translation>社内メモ(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an internal note (never shown to the member)</source>
        <translation>社内メモを書く(会員には表示されません)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert &amp;Macro…</source>
        <translation>定型文を挿入(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a canned reply, filled in for this inquiry</source>
        <translation>この問い合わせ用に記入済みの定型返信を選ぶ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the reply or note being written</source>
        <translation>作成中の返信またはメモを送信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark Op&amp;en</source>
        <translation>対応中にする(&amp;E)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set the inquiry&apos;s status to open</source>
        <translation>問い合わせの状態を「対応中」にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;Waiting on Member</source>
        <translation>会員の返信待ちにする(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the inquiry&apos;s status to waiting on the member</source>
        <translation>問い合わせの状態を「会員の返信待ち」にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark Resol&amp;ved</source>
        <translation>解決済みにする(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve the inquiry (it leaves the queue)</source>
        <translation>問い合わせを解決済みにする(キューから外れます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock &amp;In</source>
        <translation>出勤(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clock in to the running shift</source>
        <translation>現在のシフトに出勤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock Ou&amp;t…</source>
        <translation>退勤(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock out with a handover note; your items go back to the queue</source>
        <translation>引き継ぎメモを残して退勤(担当項目はキューに戻ります)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;hift Pane</source>
        <translation>シフトペイン(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the shift: who is on, time left, the handover summary</source>
        <translation>シフト(勤務中の人、残り時間、引き継ぎの概要)の表示/非表示</translation>
    </message>
    <message>
        <location filename="../../console/context_panes.py" line="+116"/>
        <source>No transactions</source>
        <extracomment>Noun -&gt; (none, one, many, many shown while more load).</extracomment>
        <translation>取引はありません</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} transaction</source>
        <translation>{n:,} 件の取引</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} transactions</source>
        <translation>{n:,} 件の取引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} transactions shown, more as you scroll</source>
        <translation>{n:,} 件(続きはスクロール)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ratings</source>
        <translation>評価はありません</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} rating</source>
        <translation>{n:,} 件の評価</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} ratings</source>
        <translation>{n:,} 件の評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} ratings shown, more as you scroll</source>
        <translation>{n:,} 件(続きはスクロール)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+134"/>
        <location line="+117"/>
        <location filename="../../console/dashboards/window.py" line="+86"/>
        <location filename="../../console/detail_pane.py" line="+67"/>
        <location filename="../../console/escrow_actions.py" line="+266"/>
        <location line="+183"/>
        <location filename="../../console/inquiry_workspace.py" line="+256"/>
        <location filename="../../console/recalls_screen.py" line="+466"/>
        <location line="+1"/>
        <location line="+63"/>
        <location filename="../../console/screens/list_pane.py" line="+159"/>
        <location filename="../../console/screens/queue_screen.py" line="+412"/>
        <source>Loading…</source>
        <extracomment>The member the shown record concerns: (member id, display name).</extracomment>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="-249"/>
        <location filename="../../console/screens/list_pane.py" line="+2"/>
        <location filename="../../console/screens/queue_screen.py" line="+2"/>
        <source>{rows:,} shown — loading stopped</source>
        <translation>{rows:,} 件を表示 — 読み込みが止まりました</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+49"/>
        <location line="+19"/>
        <location line="+69"/>
        <location line="+49"/>
        <location line="+61"/>
        <source>Select a member, listing or transaction.</source>
        <extracomment>Show another member the record concerns (e.g. the buyer of a transaction). The summary arrived: (member id, display name). The summary arrived: (member id, their newest transaction id or None).</extracomment>
        <translation>会員、出品、または取引を選択してください。</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>As buyer or seller</source>
        <translation>購入者または出品者として</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As buyer</source>
        <translation>購入者として</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>As seller</source>
        <translation>出品者として</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>loading the member&apos;s transactions</source>
        <translation>会員の取引の読み込み</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Transactions of {name}</source>
        <translation>{name} の取引</translation>
    </message>
    <message>
        <location line="-5"/>
        <location filename="../../console/enforcement.py" line="+795"/>
        <location filename="../../console/history_pane.py" line="+43"/>
        <location filename="../../widgets/queue_model.py" line="+287"/>
        <source>member {member_id}</source>
        <translation>会員 {member_id}</translation>
    </message>
    <message>
        <location line="+44"/>
        <location filename="../../console/detail_pane.py" line="+88"/>
        <location filename="../../console/screens/catalog.py" line="+27"/>
        <source>Received</source>
        <translation>受け取った評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>付けた評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad only</source>
        <translation>「悪い」のみ</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>loading ratings</source>
        <translation>評価の読み込み</translation>
    </message>
    <message>
        <location line="+43"/>
        <source> — {value:.0%} bad</source>
        <translation> — 「悪い」{value:.0%}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Received {total:,}&lt;/b&gt;: {good:,} good · {normal:,} normal · &lt;span style=&apos;color:#da3633&apos;&gt;&lt;b&gt;{bad:,} bad&lt;/b&gt;&lt;/span&gt;{share}&lt;br&gt;Given {total2:,}: {good2:,} good · {normal2:,} normal · {bad2:,} bad&lt;br&gt;&lt;span style=&apos;font-size:11px&apos;&gt;Last 6 months received, by month →&lt;/span&gt;</source>
        <translation>&lt;b&gt;受け取った評価 {total:,}&lt;/b&gt;: 良い {good:,} · 普通 {normal:,} · &lt;span style=&apos;color:#da3633&apos;&gt;&lt;b&gt;悪い {bad:,}&lt;/b&gt;&lt;/span&gt;{share}&lt;br&gt;付けた評価 {total2:,}: 良い {good2:,} · 普通 {normal2:,} · 悪い {bad2:,}&lt;br&gt;&lt;span style=&apos;font-size:11px&apos;&gt;直近6か月に受け取った評価(月別)→&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Latest bad ratings received:&lt;br&gt;</source>
        <translation>最近受け取った「悪い」評価:&lt;br&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not load the ratings summary.</source>
        <translation>評価の概要を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the ratings summary</source>
        <translation>評価の概要の読み込み</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Reveal Contact…</source>
        <translation>連絡先を表示…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the unmasked email, phone and address; you must give a reason and the reveal is written to the audit log.</source>
        <translation>マスクされていないメール・電話・住所を表示します。理由の入力が必要で、表示したことは監査ログに記録されます。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Member {member_id}</source>
        <translation>会員 {member_id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the other party</source>
        <translation>相手方を表示</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Member no. {external_id} · {status} · joined {joined} ({account_age_days:,} days) · {strikes} strike(s)</source>
        <translation>会員番号 {external_id} · {status} · {joined} 登録({account_age_days:,} 日) · 違反 {strikes} 件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not load the member. Select it again to retry.</source>
        <translation>会員を読み込めませんでした。もう一度選択すると再試行します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the member summary</source>
        <translation>会員の概要の読み込み</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;&lt;b style=&apos;color:{colour}&apos;&gt;● {e}&lt;/b&gt; {e2} — {reason}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;&lt;b style=&apos;color:{colour}&apos;&gt;● {e}&lt;/b&gt; {e2} — {reason}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;No signals.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;兆候はありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h4&gt;Activity&lt;/h4&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;</source>
        <translation>&lt;h4&gt;活動&lt;/h4&gt;&lt;table cellspacing=&apos;0&apos; cellpadding=&apos;2&apos;&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../console/screens/catalog.py" line="+12"/>
        <location filename="../../console/screens/screens.py" line="+136"/>
        <source>Listings</source>
        <translation>出品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{total:,} ({last_24h} in 24 h)</source>
        <translation>{total:,} 件(24時間で {last_24h} 件)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+135"/>
        <location filename="../../console/screens/catalog.py" line="+29"/>
        <source>Transactions</source>
        <translation>取引</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>{as_buyer:,} as buyer · {as_seller:,} as seller · {open} open · {disputed} disputed</source>
        <translation>購入 {as_buyer:,} · 販売 {as_seller:,} · 進行中 {open} · 紛争 {disputed}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratings received</source>
        <translation>受け取った評価</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{good:,} good · {normal:,} normal · {bad:,} bad</source>
        <translation>良い {good:,} · 普通 {normal:,} · 悪い {bad:,}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> &lt;i&gt;(revealed {revealed_at}, audited)&lt;/i&gt;</source>
        <translation> &lt;i&gt;({revealed_at} に表示、監査済み)&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> &lt;i&gt;(masked)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(マスク済み)&lt;/i&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;tr&gt;&lt;td style=&apos;padding-right:10px&apos;&gt;&lt;b&gt;{k}&lt;/b&gt;&lt;/td&gt;&lt;td&gt;{v}&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td style=&apos;padding-right:10px&apos;&gt;&lt;b&gt;{k}&lt;/b&gt;&lt;/td&gt;&lt;td&gt;{v}&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h4&gt;Strikes ({len} in force)&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;違反(有効 {len} 件)&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;None.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;なし。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Takedowns ({total}, {reversed} reversed)&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;削除({total} 件、うち取消 {reversed} 件)&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h4&gt;Flags ({open} open of {total})&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;フラグ({total} 件中 対応中 {open} 件)&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;{e} {score} ({e2}): &lt;a href=&apos;listing:{listing_id}&apos;&gt;{listing_title}&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;{e} {score} ({e2}): &lt;a href=&apos;listing:{listing_id}&apos;&gt;{listing_title}&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h4&gt;Open inquiries ({open})&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;対応中の問い合わせ({open} 件)&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;{e} {e2}: &lt;a href=&apos;inquiry:{id}&apos;&gt;{subject}&lt;/a&gt; ({e3})&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;{e} {e2}: &lt;a href=&apos;inquiry:{id}&apos;&gt;{subject}&lt;/a&gt; ({e3})&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reveal contact details</source>
        <translation>連絡先の表示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why do you need {name}&apos;s unmasked email, phone and address? The reveal and your reason are written to the audit log.</source>
        <translation>{name} さんのマスクされていないメール・電話・住所が必要な理由は何ですか?表示したことと理由は監査ログに記録されます。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reveal</source>
        <translation>表示</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>revealing contact details</source>
        <translation>連絡先の表示</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contact details revealed; the reveal is in the audit log.</source>
        <translation>連絡先を表示しました。監査ログに記録されています。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Go to</source>
        <translation>移動</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Member, listing or transaction id — or a member/listing number</source>
        <translation>会員・出品・取引の ID、または会員番号・出品番号</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to any member, listing or transaction:</source>
        <translation>会員、出品、取引に移動:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“{key}” names several records</source>
        <translation>「{key}」に該当するレコードが複数あります</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../console/detail_pane.py" line="-6"/>
        <location filename="../../console/enforcement.py" line="+203"/>
        <location filename="../../console/inquiry_workspace.py" line="-145"/>
        <location line="+37"/>
        <location filename="../../console/recalls_screen.py" line="-453"/>
        <location filename="../../console/screens/catalog.py" line="-37"/>
        <source>Member</source>
        <extracomment>(dock object name, title, attribute, area) in the order they are made.
----------
Show a linked record in the detail pane: (kind, id). The inquiry changed here (reply, note, status): the new inquiry record. A reply or note was sent: (mode, inquiry id).</extracomment>
        <translation>会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escrow</source>
        <translation>エスクロー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ratings</source>
        <translation>評価</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund Approvals</source>
        <translation>返金の承認</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>finding the member of the selected record</source>
        <extracomment>The panes now show this focus (tests and the bench wait on it).</extracomment>
        <translation>選択したレコードの会員の検索</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Loading the member&apos;s latest transaction…</source>
        <translation>会員の最新の取引を読み込み中…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This member has no transactions.</source>
        <translation>この会員の取引はありません。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>“{key}” is not an id the service knows.</source>
        <translation>「{key}」はサービスが知らない ID です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste a member, listing or transaction id, or a member/listing number.</source>
        <translation>会員・出品・取引の ID、または会員番号・出品番号を貼り付けてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>looking up “{key}”</source>
        <translation>「{key}」の検索</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing answers to “{key}”.</source>
        <translation>「{key}」に該当するものはありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the id: a member, listing or transaction id, or a member/listing number.</source>
        <translation>ID を確認してください(会員・出品・取引の ID、または会員番号・出品番号)。</translation>
    </message>
    <message>
        <location filename="../../console/dashboards/audit_viewer.py" line="+38"/>
        <location filename="../../widgets/enforcement_history_model.py" line="+25"/>
        <source>Event</source>
        <extracomment>(label, hours back; 0: any time) Audit target types the main window&apos;s detail pane can open (its show_record kinds).</extracomment>
        <translation>イベント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actor</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/escrow_actions.py" line="-38"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/escrow_actions.py" line="-315"/>
        <location line="+318"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Audit log — Anzen</source>
        <extracomment>(kind, id) of a target to open in the main window.</extracomment>
        <translation>監査ログ — Anzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anyone</source>
        <translation>全員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>any action (a prefix ends in &apos;.&apos;)</source>
        <translation>すべての操作(接頭辞は「.」で終わる)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any target</source>
        <translation>すべての対象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target id</source>
        <translation>対象 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Actor:</source>
        <translation>実行者:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action:</source>
        <translation>操作:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target:</source>
        <translation>対象:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When:</source>
        <translation>日時:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{rows:,} events shown</source>
        <translation>{rows:,} 件のイベントを表示</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (scroll for more)</source>
        <translation>(スクロールで続きを表示)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading audit events</source>
        <translation>監査イベントの読み込み</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open Target</source>
        <translation>対象を開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify Chain</source>
        <translation>チェーンを検証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check every event&apos;s link and keyed hash, as audit-verify does</source>
        <translation>audit-verify と同じく、全イベントのリンクと鍵付きハッシュを確認</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>loading the audit filters</source>
        <translation>監査フィルターの読み込み</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>A {kind} cannot be opened from here.</source>
        <translation>{kind}はここからは開けません。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n:,} events</source>
        <translation>{n:,} 件のイベント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every event</source>
        <translation>全イベント</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Verifying {events}… {s:.0f} s</source>
        <translation>{events}を検証中… {s:.0f} 秒</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chain intact: {n:,} events verified.</source>
        <translation>チェーンは正常です: {n:,} 件のイベントを検証しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matches the checkpoint of {at} UTC ({count:,} events).</source>
        <translation>{at} UTC のチェックポイント({count:,} 件)と一致します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chain BROKEN at event {id}: {problem} ({n:,} events verified before it).</source>
        <translation>イベント {id} でチェーンが壊れています: {problem}(それ以前の {n:,} 件は検証済み)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain NOT TRUSTWORTHY: {problem}</source>
        <translation>チェーンは信頼できません: {problem}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The check did not finish: {error}. Try again.</source>
        <translation>検証が完了しませんでした: {error}。もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifying the audit chain</source>
        <translation>監査チェーンの検証</translation>
    </message>
    <message>
        <location filename="../../console/dashboards/common.py" line="+47"/>
        <source>Save PNG…</source>
        <translation>PNG を保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save CSV…</source>
        <translation>CSV を保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart as a picture</source>
        <translation>グラフを画像として保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the chart&apos;s figures as a spreadsheet (CSV)</source>
        <translation>グラフの数値を表計算用(CSV)に保存</translation>
    </message>
    <message>
        <location filename="../../widgets/charts.py" line="+287"/>
        <source>Save chart as PNG</source>
        <translation>グラフを PNG で保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save chart data as CSV</source>
        <translation>グラフのデータを CSV で保存</translation>
    </message>
    <message>
        <location filename="../../console/recalls_screen.py" line="+620"/>
        <location filename="../../widgets/charts.py" line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/dashboards/window.py" line="-52"/>
        <source>{d} d {h} h</source>
        <extracomment>Operations refresh this often while the window is open (milliseconds).</extracomment>
        <translation>{d}日 {h}時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{h} h {m} min</source>
        <translation>{h}時間 {m}分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{m} min</source>
        <translation>{m}分</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Period:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not load: {error}</source>
        <translation>読み込めませんでした: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Updated {time}</source>
        <translation>{time} 更新</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../console/live_updates.py" line="+99"/>
        <source>Live</source>
        <translation>自動更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every {s} seconds while this window is open</source>
        <translation>このウィンドウを開いている間 {s} 秒ごとに更新</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Opened</source>
        <translation>発生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA breaches (when they fell due)</source>
        <translation>SLA 超過(期限日別)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backlog now, by kind</source>
        <translation>現在の未処理(種類別)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per agent: claims taken and items closed</source>
        <translation>エージェント別: 担当件数と完了件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per agent: median handling time (minutes)</source>
        <translation>エージェント別: 処理時間の中央値(分)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>loading the operations dashboard</source>
        <translation>運用ダッシュボードの読み込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/shift_panel.py" line="+297"/>
        <source>loading the handover summary</source>
        <translation>引き継ぎ概要の読み込み</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No items were opened in this period.</source>
        <translation>この期間に発生した項目はありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No items were closed in this period.</source>
        <translation>この期間に完了した項目はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No SLA fell due unmet in this period.</source>
        <translation>この期間に SLA を超過した項目はありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waiting</source>
        <translation>待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at risk</source>
        <translation>期限間近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>breached</source>
        <translation>超過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is waiting: the queue is empty.</source>
        <translation>待ちはありません。キューは空です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>claims taken</source>
        <translation>担当件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../widgets/wording.py" line="+62"/>
        <source>closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody claimed or closed an item in this period.</source>
        <translation>この期間に項目を担当・完了した人はいません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>median minutes</source>
        <translation>中央値(分)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No item was closed after a claim in this period, so there is no handling time.</source>
        <translation>この期間に担当後に完了した項目がないため、処理時間はありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Now</source>
        <translation>現在</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../console/inquiry_workspace.py" line="+38"/>
        <source>Waiting</source>
        <translation>待ち</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At risk (due within an hour)</source>
        <translation>期限間近(1時間以内)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Breached</source>
        <translation>超過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest waiting</source>
        <translation>最も古い待ち</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Handover: no shift has ended yet.</source>
        <translation>引き継ぎ: まだ終了したシフトはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handover from {shift}: {notes} note(s), {handed} item(s) handed over, breaches during that shift: {breaches}.</source>
        <translation>{shift}からの引き継ぎ: メモ {notes} 件、引き継ぎ項目 {handed} 件、そのシフト中の超過: {breaches}。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Flags raised per policy</source>
        <translation>ポリシー別のフラグ発生数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takedowns per policy</source>
        <translation>ポリシー別の削除数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags dismissed per policy</source>
        <translation>ポリシー別のフラグ却下数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeals overturned</source>
        <translation>認容された異議申し立て</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detector precision from moderators&apos; decisions</source>
        <translation>モデレーターの判断から見た検知器の適合率</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>loading the enforcement dashboard</source>
        <translation>措置ダッシュボードの読み込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading detector versions</source>
        <translation>検知器バージョンの読み込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading threshold changes</source>
        <translation>しきい値変更の読み込み</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No flags were raised in this period.</source>
        <translation>この期間に発生したフラグはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No listings were taken down in this period.</source>
        <translation>この期間に削除された出品はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No flags were dismissed in this period.</source>
        <translation>この期間に却下されたフラグはありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../widgets/wording.py" line="-7"/>
        <source>overturned</source>
        <translation>認容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No appeal was overturned in this period.</source>
        <translation>この期間に認容された異議申し立てはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>model v{id}</source>
        <translation>モデル v{id}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>threshold {target}</source>
        <translation>しきい値 {target}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Moderators decided none of the detector&apos;s flags in this period, so there is no precision to show.</source>
        <translation>この期間にモデレーターが判断した検知器のフラグがないため、適合率は表示できません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recall:</source>
        <translation>リコール:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Owners notified, read, acknowledged, returned (running totals)</source>
        <translation>所有者への通知・既読・確認・返品(累計)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removals against the 2-business-day deadline</source>
        <translation>2営業日の期限に対する削除状況</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../console/recalls_screen.py" line="-407"/>
        <source>loading recalls</source>
        <translation>リコールの読み込み</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No recalls are registered.</source>
        <translation>登録されたリコールはありません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>loading the recall&apos;s notices</source>
        <translation>リコール通知の読み込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/recalls_screen.py" line="+388"/>
        <source>loading the recall dashboard</source>
        <translation>リコールダッシュボードの読み込み</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No notices of this recall have been sent yet.</source>
        <translation>このリコールの通知はまだ送信されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owners identified: {owners} · notified: {notified} · read: {read} · acknowledged: {ack} · returned: {returned}</source>
        <translation>特定した所有者: {owners} · 通知: {notified} · 既読: {read} · 確認: {ack} · 返品: {returned}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on time</source>
        <translation>期限内</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>late</source>
        <translation>期限超過</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue</source>
        <translation>期限切れ</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/wording.py" line="-23"/>
        <source>pending</source>
        <translation>保留中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listings</source>
        <translation>出品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No confirmed matches yet, so no removals are due.</source>
        <translation>確定した一致がまだないため、削除期限はありません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Dashboards — Anzen</source>
        <translation>ダッシュボード — Anzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Operations</source>
        <translation>運用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enforcement and detection</source>
        <translation>措置と検知</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/recalls_screen.py" line="-467"/>
        <source>Recalls</source>
        <translation>リコール</translation>
    </message>
    <message>
        <location filename="../../console/detail_pane.py" line="-123"/>
        <source>Listing no.</source>
        <translation>出品番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+110"/>
        <location line="+15"/>
        <location line="+14"/>
        <location filename="../../console/recalls_screen.py" line="+289"/>
        <location filename="../../console/screens/catalog.py" line="-15"/>
        <location line="+13"/>
        <location line="+13"/>
        <location line="+16"/>
        <location line="+13"/>
        <location filename="../../widgets/queue_model.py" line="-212"/>
        <location filename="../../widgets/recall_models.py" line="+80"/>
        <location filename="../../widgets/transactions_model.py" line="+25"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="-138"/>
        <location filename="../../console/screens/catalog.py" line="-28"/>
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+141"/>
        <location filename="../../console/screens/catalog.py" line="+3"/>
        <location line="+28"/>
        <location filename="../../widgets/enforcement_history_model.py" line="+95"/>
        <location line="+6"/>
        <source>Seller</source>
        <translation>出品者</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+120"/>
        <location filename="../../console/screens/catalog.py" line="-44"/>
        <location line="+14"/>
        <source>Category</source>
        <translation>カテゴリー</translation>
    </message>
    <message>
        <location line="-119"/>
        <location filename="../../console/recalls_screen.py" line="-384"/>
        <location filename="../../console/screens/catalog.py" line="+1"/>
        <source>Brand</source>
        <translation>ブランド</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model number</source>
        <translation>型番</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcode</source>
        <translation>バーコード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition</source>
        <translation>商品の状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/catalog.py" line="-4"/>
        <source>Listed</source>
        <translation>出品日時</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Could not load this record. Select it again to retry.</source>
        <translation>このレコードを読み込めませんでした。もう一度選択すると再試行します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the record</source>
        <translation>レコードの読み込み</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../console/inquiry_workspace.py" line="-36"/>
        <location filename="../../console/recalls_screen.py" line="-36"/>
        <location filename="../../console/screens/catalog.py" line="-23"/>
        <location line="+57"/>
        <location filename="../../widgets/recall_models.py" line="+55"/>
        <location filename="../../widgets/transactions_model.py" line="+4"/>
        <source>Listing</source>
        <translation>出品</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../console/detector_admin.py" line="+171"/>
        <location line="+16"/>
        <location filename="../../console/flag_view.py" line="+31"/>
        <location filename="../../console/screens/catalog.py" line="-61"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/catalog.py" line="+1"/>
        <location filename="../../widgets/ratings_model.py" line="+33"/>
        <location filename="../../widgets/recall_models.py" line="-3"/>
        <source>Score</source>
        <extracomment>Columns drawn as pills show their own value&apos;s tone.</extracomment>
        <translation>スコア</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag status</source>
        <translation>フラグの状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/recalls_screen.py" line="+419"/>
        <location filename="../../console/screens/catalog.py" line="+2"/>
        <source>Source</source>
        <translation>発生元</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/catalog.py" line="-4"/>
        <location filename="../../widgets/enforcement_history_model.py" line="-23"/>
        <source>Flagged</source>
        <translation>フラグ日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/flag_view.py" line="+0"/>
        <location filename="../../console/recalls_screen.py" line="-421"/>
        <location filename="../../console/screens/catalog.py" line="+6"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flagged listing</source>
        <translation>フラグ付きの出品</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Appeal status</source>
        <translation>異議申し立ての状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filed</source>
        <translation>申立日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Against takedown</source>
        <translation>対象の削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided</source>
        <translation>判断日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision reason</source>
        <translation>判断の理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appeal #{id}</source>
        <translation>異議申し立て #{id}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seller&apos;s appeal</source>
        <translation>出品者の異議申し立て</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rights owner</source>
        <translation>権利者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark</source>
        <translation>商標</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report status</source>
        <translation>通報の状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>通報日時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rights-owner report — evidence below</source>
        <translation>権利者からの通報 — 根拠は下に表示</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../console/screens/catalog.py" line="+37"/>
        <source>Member no.</source>
        <translation>会員番号</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../console/screens/catalog.py" line="+3"/>
        <source>Strikes</source>
        <translation>違反</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/catalog.py" line="+1"/>
        <source>Joined</source>
        <translation>登録日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Member — contact details masked</source>
        <translation>会員 — 連絡先はマスク済み</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../console/screens/catalog.py" line="-32"/>
        <location filename="../../console/screens/queue_screen.py" line="-341"/>
        <location filename="../../widgets/queue_model.py" line="-1"/>
        <source>Priority</source>
        <extracomment>The kinds each role works (the service decides; this only avoids offering refused lists).</extracomment>
        <translation>優先度</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../console/screens/catalog.py" line="+4"/>
        <source>Reply due</source>
        <translation>返信期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolve by</source>
        <translation>解決期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../widgets/queue_model.py" line="-37"/>
        <source>Inquiry</source>
        <extracomment>Which loaded and polled items belong in the current view (the filters, client side).</extracomment>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../console/escrow_actions.py" line="-4"/>
        <location filename="../../console/screens/catalog.py" line="+40"/>
        <location filename="../../widgets/escrow_timeline.py" line="+45"/>
        <location filename="../../widgets/transactions_model.py" line="-3"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee</source>
        <translation>手数料</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/catalog.py" line="+1"/>
        <source>Buyer</source>
        <translation>購入者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held in escrow</source>
        <translation>エスクロー預かり</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../widgets/escrow_timeline.py" line="+68"/>
        <source>Released</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../widgets/escrow_timeline.py" line="+0"/>
        <source>Refunded</source>
        <translation>返金済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>作成日時</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../console/escrow_actions.py" line="+2"/>
        <location filename="../../console/inquiry_workspace.py" line="-1"/>
        <source>Transaction</source>
        <translation>取引</translation>
    </message>
    <message>
        <location filename="../../console/enforcement.py" line="-927"/>
        <source>Counterfeit goods</source>
        <extracomment>Takedown reason codes as the service knows them, with the words staff see.</extracomment>
        <translation>偽ブランド品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prohibited medicine or medical device</source>
        <translation>禁止された医薬品・医療機器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Game account / RMT</source>
        <translation>ゲームアカウント/RMT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stolen goods</source>
        <translation>盗品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weapon</source>
        <translation>武器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash equivalent (cash, gift cards, crypto)</source>
        <translation>現金同等物(現金、ギフトカード、暗号資産)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalled product</source>
        <translation>リコール対象製品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (say why in the note)</source>
        <translation>その他(メモに理由を記入)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Note for the record (required for “Other”)</source>
        <extracomment>How often listings whose temporary takedown ran out are put back.</extracomment>
        <translation>記録用のメモ(「その他」の場合は必須)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temporary, for</source>
        <translation>一時的に</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> hours</source>
        <translation> 時間</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Take down listing</source>
        <translation>出品を削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take down &lt;b&gt;{subject}&lt;/b&gt;?</source>
        <translation>&lt;b&gt;{subject}&lt;/b&gt; を削除しますか?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removes the listing, cancels its open transactions and refunds held escrow, notifies the seller and adds a strike.</source>
        <translation>出品を削除し、進行中の取引をキャンセルしてエスクローの預かり金を返金し、出品者に通知して違反を1件加えます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take down</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+117"/>
        <source>Reason (kept in the audit log)</source>
        <translation>理由(監査ログに記録されます)</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>{n:,} listing will be taken down, {transactions:,} open transaction(s) cancelled and {yen} held in escrow refunded to buyers.</source>
        <translation>{n:,} 件の出品を削除し、進行中の取引 {transactions:,} 件をキャンセルして、エスクローの預かり金 {yen} を購入者に返金します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n:,} listings will be taken down, {transactions:,} open transaction(s) cancelled and {yen} held in escrow refunded to buyers.</source>
        <translation>{n:,} 件の出品を削除し、進行中の取引 {transactions:,} 件をキャンセルして、エスクローの預かり金 {yen} を購入者に返金します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> {already:,} selected listing(s) are already down and are left as they are.</source>
        <translation> 選択した出品のうち {already:,} 件はすでに削除済みのため、そのままにします。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bulk takedown</source>
        <translation>一括削除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Take down {int:,}</source>
        <translation>{int:,} 件を削除</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Confirm a large takedown</source>
        <translation>大規模な削除の確認</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a large takedown. {preview}

Type {count} to confirm.</source>
        <translation>大規模な削除です。{preview}

確認のため {count} と入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../console/recalls_screen.py" line="+99"/>
        <source>Confirm</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sanction seller</source>
        <translation>出品者への制裁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{member} has {points} strike point(s) in the last {days} days. </source>
        <translation>{member} さんは直近 {days} 日間で違反点数が {points} 点あります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service suggests &lt;b&gt;{suggestion}&lt;/b&gt;.</source>
        <translation>サービスの提案: &lt;b&gt;{suggestion}&lt;/b&gt;。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No sanction is suggested.</source>
        <translation>制裁の提案はありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restrict — may not list new items</source>
        <translation>制限 — 新規出品を禁止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suspend — may not trade at all</source>
        <translation>停止 — 一切の取引を禁止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Strike points ({points}) reached the {suggestion} threshold</source>
        <translation>違反点数({points} 点)が{suggestion}のしきい値に達しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm sanction</source>
        <translation>制裁を確定</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Decide appeal {id}</source>
        <translation>異議申し立て {id} の判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seller&apos;s statement:</source>
        <translation>出品者の申し立て内容:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Uphold — the takedown stands</source>
        <translation>棄却 — 削除を維持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overturn — reinstate the listing and remove the strike</source>
        <translation>認容 — 出品を復元し違反を取り消す</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason (sent to the seller and kept in the audit log)</source>
        <translation>理由(出品者に送られ、監査ログに記録されます)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decide</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>loading your permissions</source>
        <extracomment>The current record&apos;s enforcement data arrived (a :class:`Target`, or ``None``). An action finished (an :class:`Outcome`); lists and panes refresh. The staff member&apos;s permissions arrived or an action&apos;s availability changed.</extracomment>
        <translation>権限の読み込み</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>loading the enforcement history</source>
        <translation>措置履歴の読み込み</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select a listing, flag or appeal first (or wait until it has loaded).</source>
        <translation>先に出品、フラグ、または異議申し立てを選択してください(または読み込みが終わるまでお待ちください)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick a row in a list; its enforcement details load in the pane.</source>
        <translation>一覧の行を選ぶと、措置の詳細がこのペインに読み込まれます。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Only listings can be taken down.</source>
        <translation>削除できるのは出品だけです。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a listing or a flag.</source>
        <translation>出品またはフラグを選択してください。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>“{title}” was already taken down; nothing changed.</source>
        <translation>「{title}」はすでに削除されています。変更はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took down “{title}” ({reason_code}).</source>
        <translation>「{title}」を削除しました({reason_code})。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The seller now has {points} strike points: consider {suggestion}.</source>
        <translation> 出品者の違反点数は {points} 点になりました。{suggestion}を検討してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>taking the listing down</source>
        <translation>出品の削除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no open flag to dismiss here.</source>
        <translation>却下できる対応中のフラグはありません。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select an open flag in the queue.</source>
        <translation>キューで対応中のフラグを選択してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Dismiss flag</source>
        <translation>フラグを却下</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Dismiss the {policy} flag as a false positive? The listing stays up and teaches the detector it was fine.</source>
        <translation>{policy}のフラグを誤検知として却下しますか?出品はそのまま残り、問題がなかったことを検知器が学習します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dismissing the flag</source>
        <translation>フラグの却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag dismissed; the listing stays up.</source>
        <translation>フラグを却下しました。出品はそのままです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This listing has no takedown in force.</source>
        <translation>この出品に有効な削除はありません。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a listing that was taken down.</source>
        <translation>削除された出品を選択してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing changed: it was already done.</source>
        <translation>変更はありません。すでに完了しています。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reinstate</source>
        <translation>復元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reinstating the listing</source>
        <translation>出品の復元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the listing back up? Refunds already made stay refunded. Moderators may reinstate within 24 hours of the takedown; after that only a supervisor can.</source>
        <translation>出品を復元しますか?実行済みの返金はそのままです。モデレーターが復元できるのは削除から24時間以内で、それ以降はスーパーバイザーのみが復元できます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reinstate listing</source>
        <translation>出品を復元</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reinstated: done.</source>
        <translation>復元しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make permanent</source>
        <translation>恒久化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>making the takedown permanent</source>
        <translation>削除の恒久化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this temporary takedown in force for good?</source>
        <translation>この一時的な削除を恒久的なものにしますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make takedown permanent</source>
        <translation>削除を恒久化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made permanent: done.</source>
        <translation>恒久化しました。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select one or more listings (or flags) for a bulk takedown.</source>
        <translation>一括削除する出品(またはフラグ)を1つ以上選択してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use Shift or Ctrl with a click to select several rows.</source>
        <translation>Shift または Ctrl を押しながらクリックすると複数行を選択できます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take down the {ids} selected {kind}(s)</source>
        <translation>選択した{kind} {ids} 件を削除</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>member {seller_id}</source>
        <translation>会員 {seller_id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take down every active listing of {name}</source>
        <translation>{name} さんの公開中の出品をすべて削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>previewing the bulk takedown</source>
        <translation>一括削除のプレビュー</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There are no active listings to take down in this selection.</source>
        <translation>選択範囲に削除できる公開中の出品はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listings already down are left as they are.</source>
        <translation>すでに削除済みの出品はそのままにします。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Took down {listings:,} listing(s); {transactions_cancelled:,} transaction(s) cancelled, {yen} refunded.</source>
        <translation>{listings:,} 件の出品を削除し、取引 {transactions_cancelled:,} 件をキャンセル、{yen} を返金しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>taking the listings down</source>
        <translation>出品の削除</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The seller was already under {kind}; nothing changed.</source>
        <translation>出品者はすでに{kind}中です。変更はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seller is now {member_status}.</source>
        <translation>出品者の状態は「{member_status}」になりました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sanctioning the seller</source>
        <translation>出品者への制裁</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This seller has no sanction in force.</source>
        <translation>この出品者に有効な制裁はありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lift sanction</source>
        <translation>制裁を解除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lift</source>
        <translation>解除</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lifting the sanction</source>
        <translation>制裁の解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sanction lifted; the seller is {member_status}.</source>
        <translation>制裁を解除しました。出品者の状態は「{member_status}」です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>There is no open appeal here.</source>
        <translation>対応中の異議申し立てはありません。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select an appeal, or a listing with an open appeal.</source>
        <translation>異議申し立て、または対応中の異議申し立てがある出品を選択してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>deciding the appeal</source>
        <translation>異議申し立ての判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal {status}.</source>
        <translation>異議申し立ては「{status}」になりました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{count} listing(s) whose temporary takedown ended are back up.</source>
        <translation>一時的な削除期間が終わった出品 {count} 件を復元しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} reinstated</source>
        <translation>{count} 件を復元</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reinstating listings whose temporary takedown ended</source>
        <translation>一時的な削除期間が終わった出品の復元</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ask a supervisor or another moderator to do it.</source>
        <translation>スーパーバイザーまたは別のモデレーターに依頼してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/messages.py" line="+118"/>
        <source>Refresh (F5) to see the latest, then try again.</source>
        <translation>再読み込み(F5)して最新の状態を確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ask a supervisor to reinstate it.</source>
        <translation>スーパーバイザーに復元を依頼してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderators may reinstate a listing only within 24 hours of its takedown.</source>
        <translation>モデレーターが出品を復元できるのは削除から24時間以内だけです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave this appeal for another moderator.</source>
        <translation>この異議申し立ては別のモデレーターに任せてください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An appeal is decided by a different moderator from the one who took the listing down.</source>
        <translation>異議申し立ては、出品を削除したモデレーターとは別のモデレーターが判断します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start the bulk takedown again to see the new counts.</source>
        <translation>一括削除をやり直して最新の件数を確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused while {doing}: {message}</source>
        <translation>{doing}が拒否されました: {message}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Why flagged</source>
        <translation>フラグの理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/main_window.py" line="-256"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location line="+31"/>
        <location filename="../../console/main_window.py" line="+11"/>
        <source>Enforcement</source>
        <translation>措置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a listing, flag, appeal or member to see its enforcement history.</source>
        <translation>出品、フラグ、異議申し立て、または会員を選ぶと措置の履歴が表示されます。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> — taken down {created_at} for {reason_label} ({lower})</source>
        <translation> — {created_at} に{reason_label}で削除({lower})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listing {value} · {status}</source>
        <translation>出品 {value} · {status}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This listing has no flag.</source>
        <translation>この出品にフラグはありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Member — enforcement of their listings below.</source>
        <translation>会員 — 出品への措置は下に表示されます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seller {member_name}: {status}, {live_strikes} live strike(s), {points} point(s) in {window_days} days</source>
        <translation>出品者 {member_name}: {status}、有効な違反 {live_strikes} 件、直近 {window_days} 日で {points} 点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — suggested: &lt;b&gt;{suggestion}&lt;/b&gt; (confirm with Ctrl+Shift+S)</source>
        <translation> — 提案: &lt;b&gt;{suggestion}&lt;/b&gt;(Ctrl+Shift+S で確定)</translation>
    </message>
    <message>
        <location filename="../../console/escrow_actions.py" line="-362"/>
        <source>Hold</source>
        <extracomment>Action id -&gt; (button text, verb for messages, what it does).</extracomment>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>putting the payment on hold</source>
        <translation>支払いの保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the held payment on hold (dispute): nothing is released until someone decides.</source>
        <translation>預かり中の支払いを保留にします(紛争)。判断が出るまで支払いは行われません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release</source>
        <translation>支払う</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>releasing the payment</source>
        <translation>支払い</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pay the seller what escrow still holds.</source>
        <translation>エスクローの預かり金を出品者に支払います。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund…</source>
        <translation>返金…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refunding the buyer</source>
        <translation>購入者への返金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Give the buyer back all or part of what escrow holds.</source>
        <translation>エスクローの預かり金の全額または一部を購入者に返します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel Sale</source>
        <translation>取引をキャンセル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelling the sale</source>
        <translation>取引のキャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the sale before completion, refunding everything held to the buyer.</source>
        <translation>完了前の取引を取り消し、預かり金を全額購入者に返金します。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{what}
Still held: {held}.</source>
        <translation>{what}
預かり残高: {held}。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Why (the member sees the outcome; the audit log keeps the reason)</source>
        <translation>理由(会員には結果が表示され、理由は監査ログに記録されます)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Everything held ({held})</source>
        <translation>預かり金の全額({held})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of it:</source>
        <translation>一部:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No refund limit for your role.</source>
        <translation>あなたのロールには返金の上限がありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your limit is {limit} refunded per sale; above it the refund waits for a supervisor&apos;s approval.</source>
        <translation>返金の上限は1取引あたり {limit} です。それを超える返金はスーパーバイザーの承認待ちになります。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refused: {message} Refresh (F5) to see the transaction as it is now.</source>
        <translation>拒否されました: {message} 再読み込み(F5)して取引の現在の状態を確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {message} Someone changed this transaction first; it has been reloaded.</source>
        <translation>拒否されました: {message} 先に他の人がこの取引を変更したため、読み込み直しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {message} Ask a supervisor if it must be done.</source>
        <translation>拒否されました: {message} 必要であればスーパーバイザーに依頼してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: {message}</source>
        <translation>拒否されました: {message}</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+49"/>
        <source>Select a transaction to see its escrow.</source>
        <extracomment>Money moved or a request was made on this transaction id.</extracomment>
        <translation>取引を選ぶとエスクローが表示されます。</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Approve Refund…</source>
        <translation>返金を承認…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject Refund…</source>
        <translation>返金を却下…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Transaction {transaction_id}</source>
        <translation>取引 {transaction_id}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not load the escrow. Select the transaction again to retry.</source>
        <translation>エスクローを読み込めませんでした。取引をもう一度選択すると再試行します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading the escrow</source>
        <translation>エスクローの読み込み</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transaction {id}</source>
        <translation>取引 {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transaction {id} · {status} · {amount} · buyer {buyer_name} → seller {seller_name}</source>
        <translation>取引 {id} · {status} · {amount} · 購入者 {buyer_name} → 出品者 {seller_name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A refund of {amount} requested by {requested_by_name} ({requested_at}) is waiting for a supervisor&apos;s approval: “{reason}”</source>
        <translation>{requested_by_name} さんが申請した {amount} の返金({requested_at})がスーパーバイザーの承認を待っています: 「{reason}」</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a transaction first.</source>
        <translation>先に取引を選択してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{action}” is not possible for a transaction that is {status}.</source>
        <translation>状態が「{status}」の取引では「{action}」はできません。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Approve</source>
        <translation>承認</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../console/recalls_screen.py" line="+0"/>
        <source>Reject</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve refund</source>
        <translation>返金を承認</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject refund</source>
        <translation>返金を却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve the refund of {amount} requested by {requested_by_name}? Give a reason.</source>
        <translation>{requested_by_name} さんが申請した {amount} の返金を承認しますか?理由を入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the refund of {amount} requested by {requested_by_name}? Give a reason.</source>
        <translation>{requested_by_name} さんが申請した {amount} の返金を却下しますか?理由を入力してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>approving the refund</source>
        <translation>返金の承認</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejecting the refund</source>
        <translation>返金の却下</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refund {status}.</source>
        <translation>返金は「{status}」になりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund request {status}: {amount}.</source>
        <translation>返金申請は「{status}」になりました: {amount}。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The refund of {amount} is above your limit, so no money moved: request #{id} is waiting for a supervisor&apos;s approval.</source>
        <translation>{amount} の返金は上限を超えているため、まだ返金されていません。申請 #{id} はスーパーバイザーの承認待ちです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund sent for a supervisor&apos;s approval.</source>
        <translation>返金をスーパーバイザーの承認に回しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done. Escrow now holds {value}.</source>
        <translation>完了しました。エスクローの預かり残高は {value} です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escrow updated.</source>
        <translation>エスクローを更新しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not reach the service while {doing}; nothing was changed. Try again once the connection is back.</source>
        <translation>{doing}中にサービスに接続できませんでした。何も変更されていません。接続が戻ったらもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requested</source>
        <translation>申請日時</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../widgets/enforcement_history_model.py" line="-78"/>
        <location filename="../../widgets/escrow_timeline.py" line="-68"/>
        <source>By</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Refresh</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No refunds waiting for approval.</source>
        <translation>承認待ちの返金はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} refund waiting — select one to decide in the escrow pane.</source>
        <translation>承認待ちの返金が {n} 件あります — 選択するとエスクローペインで判断できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} refunds waiting — select one to decide in the escrow pane.</source>
        <translation>承認待ちの返金が {n} 件あります — 選択するとエスクローペインで判断できます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the approvals.</source>
        <translation>承認待ちを読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading refund approvals</source>
        <translation>返金承認の読み込み</translation>
    </message>
    <message>
        <location filename="../../console/flag_view.py" line="+0"/>
        <source>Signal</source>
        <translation>シグナル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No flag selected.</source>
        <translation>フラグが選択されていません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flag {id}: {policy}, score {score}, {source}, {status}. Pick a reason to see its words.</source>
        <translation>フラグ {id}: {policy}、スコア {score}、{source}、{status}。理由を選ぶと該当する語句が表示されます。</translation>
    </message>
    <message>
        <location filename="../../console/fonts.py" line="+40"/>
        <source>macOS ships Japanese fonts (Hiragino); reinstall them from Font Book</source>
        <extracomment>A line of Japanese every CJK font draws (kana, kanji, full-width digits).</extracomment>
        <translation>macOS には日本語フォント(ヒラギノ)が付属しています。Font Book から再インストールしてください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings → Time &amp; language → Language → add Japanese (its fonts come with it)</source>
        <translation>設定 → 時刻と言語 → 言語 → 日本語を追加(フォントも一緒に入ります)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No installed font can show Japanese, so Japanese titles and names would appear as boxes.</source>
        <translation>日本語を表示できるフォントがインストールされていないため、日本語のタイトルや名前が四角で表示されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install a CJK font, then restart Anzen:</source>
        <translation>CJK フォントをインストールしてから Anzen を再起動してください:</translation>
    </message>
    <message>
        <location filename="../../console/history_pane.py" line="-20"/>
        <source>Select a listing, member or inquiry to see the member&apos;s transactions.</source>
        <translation>出品、会員、または問い合わせを選ぶと会員の取引が表示されます。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Transactions of {name} (as buyer or seller)</source>
        <translation>{name} の取引(購入者または出品者として)</translation>
    </message>
    <message>
        <location filename="../../console/i18n.py" line="+57"/>
        <source>System default</source>
        <extracomment>The settings value -&gt; what it means; &quot;system&quot; follows the desktop&apos;s locale. Languages the console is translated into, besides its source English. Translation context of every string (see the module docstring).</extracomment>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <location filename="../../console/inquiry_workspace.py" line="-102"/>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+139"/>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Waiting on member</source>
        <translation>会員の返信待ち</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Could not save your draft to {path}: {exc}</source>
        <translation>下書きを {path} に保存できませんでした: {exc}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the text somewhere safe; check the disk is not full.</source>
        <translation>文章を安全な場所にコピーし、ディスクの空き容量を確認してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Agent reply</source>
        <translation>エージェントの返信</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+63"/>
        <source>Internal note</source>
        <translation>社内メモ</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>&lt;table width=&quot;100%&quot; cellpadding=&quot;8&quot; style=&quot;margin-bottom:6px; background:{kind}&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;{who}&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;· {when}&lt;/span&gt;&lt;br&gt;{body}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table width=&quot;100%&quot; cellpadding=&quot;8&quot; style=&quot;margin-bottom:6px; background:{kind}&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;{who}&lt;/b&gt; &lt;span style=&quot;color:gray&quot;&gt;· {when}&lt;/span&gt;&lt;br&gt;{body}&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Write to the member… (the draft is kept if the console closes)</source>
        <translation>会員への返信を入力…(コンソールが閉じても下書きは保存されます)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal note — never shown to the member</source>
        <translation>社内メモ — 会員には表示されません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reply to member</source>
        <translation>会員に返信</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Insert macro</source>
        <translation>定型文を挿入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the reply or note (Ctrl+Shift+Return)</source>
        <translation>返信またはメモを送信(Ctrl+Shift+Return)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resolve</source>
        <translation>解決</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the inquiry&apos;s status to “{status}”</source>
        <translation>問い合わせの状態を「{status}」にする</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>loading the inquiry</source>
        <translation>問い合わせの読み込み</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Nothing to send: write the reply or note first.</source>
        <translation>送信する内容がありません。先に返信またはメモを書いてください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>sending the {mode}</source>
        <translation>{mode}の送信</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The inquiry is already “{status}”.</source>
        <translation>問い合わせはすでに「{status}」です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>changing the status</source>
        <translation>状態の変更</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>filling in the macro</source>
        <translation>定型文の記入</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>resolve by</source>
        <translation>解決期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>first reply due</source>
        <translation>初回返信期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{member_name} · {category} · priority {priority} · {status} · {due_text} {when}</source>
        <translation>{member_name} · {category} · 優先度 {priority} · {status} · {due_text} {when}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member: {value}</source>
        <translation>会員: {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transaction #{transaction_id}</source>
        <translation>取引 #{transaction_id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listing #{listing_id}</source>
        <translation>出品 #{listing_id}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;No messages yet.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;まだメッセージはありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reply sent to the member.</source>
        <translation>会員に返信を送信しました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Internal note added.</source>
        <translation>社内メモを追加しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inquiry marked “{status}”.</source>
        <translation>問い合わせを「{status}」にしました。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>loading macros</source>
        <translation>定型文の読み込み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Macros…</source>
        <translation>定型文…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No macros for this category</source>
        <translation>このカテゴリーの定型文はありません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The macro left {missing} blank for this inquiry.</source>
        <translation>この問い合わせでは定型文の {missing} が空欄のままです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill those in by hand before sending.</source>
        <translation>送信する前に手で記入してください。</translation>
    </message>
    <message>
        <location filename="../../console/launcher.py" line="+71"/>
        <source>Connecting to {server}…</source>
        <translation>{server} に接続中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service at {server} does not answer.</source>
        <translation>{server} のサービスが応答しません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bundled service is running again.</source>
        <translation>同梱サービスが再び動作しています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../console/main_window.py" line="-66"/>
        <location filename="../../widgets/status_chip.py" line="+27"/>
        <source>Connecting…</source>
        <translation>接続中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service stopped answering.</source>
        <translation>サービスが応答しなくなりました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signing in as {username}…</source>
        <translation>{username} としてサインイン中…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>bundled service ({database})</source>
        <translation>同梱サービス({database})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bundled service</source>
        <translation>同梱サービス</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bundled service stopped and could not be restarted.</source>
        <translation>同梱サービスが停止し、再起動できませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finish what you are typing, then quit and start Anzen again. If it happens again, tell your IT contact.</source>
        <translation>入力中の内容を仕上げてから、Anzen を終了して起動し直してください。再発する場合は IT 担当者に連絡してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundled service could not be started.</source>
        <translation>同梱サービスを起動できませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bundled service stopped unexpectedly.</source>
        <translation>同梱サービスが予期せず停止しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is being restarted; your work stays as it is.</source>
        <translation>再起動しています。作業内容はそのまま残ります。</translation>
    </message>
    <message>
        <location filename="../../console/login.py" line="+27"/>
        <source>Support agent</source>
        <translation>サポート担当</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Moderator</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety officer</source>
        <translation>製品安全担当</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Supervisor</source>
        <translation>スーパーバイザー</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>Sign in to Anzen</source>
        <translation>Anzen にサインイン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your session has ended</source>
        <translation>セッションが終了しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password to carry on; everything you were doing stays as it is.</source>
        <translation>続けるにはパスワードを入力してください。作業中の内容はそのまま残ります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service: {base_url}</source>
        <translation>サービス: {base_url}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading demo accounts…</source>
        <translation>デモアカウントを読み込み中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>staff user name</source>
        <translation>スタッフのユーザー名</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+77"/>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo account</source>
        <translation>デモアカウント</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter your user name and password.</source>
        <translation>ユーザー名とパスワードを入力してください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{message} (Wait before trying again.)</source>
        <translation>{message}(しばらく待ってから再試行してください。)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong user name or password. Check them and try again.</source>
        <translation>ユーザー名またはパスワードが違います。確認してもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not reach the service. Check the connection and try again.</source>
        <translation>サービスに接続できませんでした。接続を確認してもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in failed: {exc}. Try again; if it keeps failing, tell your supervisor.</source>
        <translation>サインインに失敗しました: {exc}。もう一度お試しください。失敗が続く場合はスーパーバイザーに連絡してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signing in…</source>
        <translation>サインイン中…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a demo account…</source>
        <translation>デモアカウントを選択…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Demo accounts unavailable</source>
        <translation>デモアカウントを利用できません</translation>
    </message>
    <message>
        <location filename="../../console/main_window.py" line="+1"/>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline — retrying</source>
        <translation>オフライン — 再試行中</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Anzen — {display_name}</source>
        <extracomment>The window closed; ``True`` when the user signed out (the launcher then asks for a sign-in again), ``False`` when they quit. The user chose another language and wants it now: the launcher makes a new window for the same sign-in (drafts are on disk and come back). The record the user is working on changed: (kind, id, data or None). Emitted by :meth:`show_record`, which every screen&apos;s and pane&apos;s ``record_selected`` reaches; enforcement actions act on it.</extracomment>
        <translation>Anzen — {display_name}</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../widgets/enforcement_history_model.py" line="+0"/>
        <source>Detail</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Main</source>
        <translation>メイン</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No shift</source>
        <translation>シフトなし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock-in and shifts are not offered by this service yet.</source>
        <translation>このサービスでは出勤とシフトはまだ利用できません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as {username} to {server_label}</source>
        <translation>{username} として {server_label} にサインイン中</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Signed in again.</source>
        <translation>再びサインインしました。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The connection to the service is lost. Retrying in the background — keep working; nothing you typed is lost.</source>
        <translation>サービスとの接続が切れました。バックグラウンドで再試行しています — そのまま作業を続けてください。入力した内容は失われません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry now</source>
        <translation>今すぐ再試行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection restored.</source>
        <translation>接続が回復しました。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The new language is used from the next start.</source>
        <translation>新しい言語は次回の起動から使われます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Layout reset.</source>
        <translation>レイアウトをリセットしました。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Change language</source>
        <translation>言語の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch the console&apos;s language now?</source>
        <translation>コンソールの言語を今すぐ切り替えますか?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window is rebuilt in the new language. Unsent replies and notes are kept and come back when you open the inquiry again; you stay signed in. Choose No to switch at the next start.</source>
        <translation>ウィンドウを新しい言語で作り直します。未送信の返信とメモは保存され、問い合わせを開き直すと戻ります。サインインしたままです。「いいえ」を選ぶと次回の起動時に切り替わります。</translation>
    </message>
    <message>
        <location filename="../../console/messages.py" line="-28"/>
        <source>The service answered {status} ({code}).</source>
        <extracomment>A request could not reach the service at all. The service no longer accepts the sign-in (idle timeout, maximum session age, signed out elsewhere): the main window asks for the password again.</extracomment>
        <translation>サービスの応答: {status}({code})。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (field: {field})</source>
        <translation>(項目: {field})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not reach the service while {doing}.</source>
        <extracomment>Codes the service uses for many causes: their own message says which (in English).</extracomment>
        <translation>{doing}中にサービスに接続できませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The console keeps retrying in the background; nothing you typed is lost.</source>
        <translation>コンソールはバックグラウンドで再試行を続けます。入力した内容は失われません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../widgets/wording.py" line="+71"/>
        <source>Your sign-in is no longer valid.</source>
        <translation>サインインが無効になりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out (Ctrl+Shift+L) and sign in again.</source>
        <translation>サインアウト(Ctrl+Shift+L)してから、もう一度サインインしてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role may not do this: {message}</source>
        <translation>あなたのロールではこの操作はできません: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask a supervisor if you need it done.</source>
        <translation>必要であればスーパーバイザーに依頼してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found while {doing}: {message}</source>
        <translation>{doing}中に見つかりませんでした: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It may have been removed; refresh the list (F5).</source>
        <translation>削除された可能性があります。一覧を再読み込み(F5)してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Someone else changed this first: {message}</source>
        <translation>先に他の人が変更しました: {message}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The service refused {doing}: {message}</source>
        <translation>サービスが{doing}を拒否しました: {message}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the input and try again.</source>
        <translation>入力を修正してもう一度お試しください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service failed while {doing} ({status}).</source>
        <translation>{doing}中にサービスでエラーが起きました({status})。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again in a moment; if it keeps failing, tell your supervisor.</source>
        <translation>少し待ってからもう一度お試しください。失敗が続く場合はスーパーバイザーに連絡してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected problem while {doing}: {exc}</source>
        <translation>{doing}中に予期しない問題が起きました: {exc}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again; if it keeps happening, tell your supervisor.</source>
        <translation>もう一度お試しください。繰り返し起きる場合はスーパーバイザーに連絡してください。</translation>
    </message>
    <message>
        <location filename="../../console/queue_messages.py" line="+17"/>
        <source>Pick another item (Next: Ctrl+N).</source>
        <extracomment>Service error code -&gt; what the agent can do about it.</extracomment>
        <translation>別の項目を選んでください(次の項目: Ctrl+N)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock in first (Ctrl+Shift+I).</source>
        <translation>先に出勤してください(Ctrl+Shift+I)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock out (Ctrl+Shift+O) and clock in to the current shift.</source>
        <translation>退勤(Ctrl+Shift+O)してから、現在のシフトに出勤してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim it first (Ctrl+Shift+C).</source>
        <translation>先に担当してください(Ctrl+Shift+C)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the queue (F5); it has been dealt with.</source>
        <translation>キューを再読み込み(F5)してください。この項目は処理済みです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The inquiry was reloaded with the newest messages; check them, then send again — your draft is kept.</source>
        <translation>最新のメッセージで問い合わせを読み込み直しました。確認してからもう一度送信してください — 下書きは保存されています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask a supervisor to check the shift times.</source>
        <translation>スーパーバイザーにシフトの時間を確認してもらってください。</translation>
    </message>
    <message>
        <location filename="../../console/queue_wiring.py" line="+92"/>
        <source>Shift</source>
        <translation>シフト</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The running shift and your attendance (Shift pane: Ctrl+Shift+F)</source>
        <translation>現在のシフトとあなたの出勤状況(シフトペイン: Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../console/recalls_screen.py" line="-99"/>
        <location filename="../../widgets/wording.py" line="-40"/>
        <source>posted the item</source>
        <translation>出品した</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/wording.py" line="+0"/>
        <source>bought it</source>
        <translation>購入した</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sent</source>
        <translation>送信済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not sent yet</source>
        <translation>未送信</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Owners identified</source>
        <translation>特定した所有者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notified</source>
        <translation>通知済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Read</source>
        <translation>既読</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Returned</source>
        <translation>返品済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Return rate</source>
        <translation>返品率</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+217"/>
        <location filename="../../widgets/recall_models.py" line="-51"/>
        <source>Candidates</source>
        <translation>候補</translation>
    </message>
    <message>
        <location line="-217"/>
        <location line="+217"/>
        <location filename="../../widgets/recall_models.py" line="+1"/>
        <source>Confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="-217"/>
        <location line="+217"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>Listings suspended</source>
        <translation>停止した出品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Removals pending</source>
        <translation>削除待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removals overdue</source>
        <translation>削除期限切れ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New recall</source>
        <translation>新規リコール</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recall number *</source>
        <translation>リコール番号 *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title *</source>
        <translation>タイトル *</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+388"/>
        <source>Manufacturer</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <location line="-388"/>
        <source>Manufacturer contact</source>
        <translation>メーカーの連絡先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall date (YYYY-MM-DD)</source>
        <translation>リコール日(YYYY-MM-DD)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+389"/>
        <source>Hazard</source>
        <translation>危険性</translation>
    </message>
    <message>
        <location line="-388"/>
        <location line="+389"/>
        <source>Remedy</source>
        <translation>対処方法</translation>
    </message>
    <message>
        <location line="-389"/>
        <source>Product name</source>
        <translation>製品名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model numbers (comma-separated)</source>
        <translation>型番(カンマ区切り)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barcodes JAN/EAN/UPC (comma-separated)</source>
        <translation>バーコード JAN/EAN/UPC(カンマ区切り)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Register</source>
        <translation>登録</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Confirm {n} match</source>
        <translation>{n} 件の一致を確定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm {n} matches</source>
        <translation>{n} 件の一致を確定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm {n} match?</source>
        <translation>{n} 件の一致を確定しますか?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Confirm {n} matches?</source>
        <translation>{n} 件の一致を確定しますか?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject {n} match</source>
        <translation>{n} 件の一致を却下</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject {n} matches</source>
        <translation>{n} 件の一致を却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject {n} match?</source>
        <translation>{n} 件の一致を却下しますか?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject {n} matches?</source>
        <translation>{n} 件の一致を却下しますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed active listings are suspended at once and their sellers and past buyers become owners to notify.</source>
        <translation>確定した公開中の出品はすぐに停止され、その出品者と過去の購入者が通知対象の所有者になります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected matches are not the recalled product.</source>
        <translation>却下した一致はリコール対象製品ではないものとして扱われます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason (optional)</source>
        <translation>理由(任意)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Product recalls, their matches against listings, and the notices sent to members.</source>
        <translation>製品リコール、出品との照合結果、会員に送った通知。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Words in the title, or a recall number…</source>
        <translation>タイトルの語句、またはリコール番号…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New…</source>
        <translation>新規…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>取り込み…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type in a recall (Ctrl+Alt+N)</source>
        <translation>リコールを入力(Ctrl+Alt+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a CPSC JSON or CSV file (Ctrl+Alt+I)</source>
        <translation>CPSC の JSON または CSV ファイルを取り込む(Ctrl+Alt+I)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Select a recall.</source>
        <translation>リコールを選択してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matches</source>
        <translation>一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affected members</source>
        <translation>対象の会員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboard</source>
        <translation>ダッシュボード</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Recalls are worked by safety officers and supervisors.
Ask a supervisor if you need access.</source>
        <translation>リコールは製品安全担当とスーパーバイザーが扱います。
アクセスが必要な場合はスーパーバイザーに依頼してください。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run Matching</source>
        <translation>照合を実行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm…</source>
        <translation>確定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>却下…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Match this recall against listings (Ctrl+M)</source>
        <translation>このリコールを出品と照合(Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm the selected candidates (Ctrl+Alt+Y)</source>
        <translation>選択した候補を確定(Ctrl+Alt+Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the selected candidates (Ctrl+Alt+X)</source>
        <translation>選択した候補を却下(Ctrl+Alt+X)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>loading matches</source>
        <translation>一致の読み込み</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send Notices…</source>
        <translation>通知を送信…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify every affected member not notified yet (Ctrl+Alt+O)</source>
        <translation>まだ通知していない対象会員全員に通知(Ctrl+Alt+O)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export CSV Report…</source>
        <translation>CSV レポートを書き出す…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the manufacturer&apos;s report as CSV (Ctrl+E)</source>
        <translation>メーカー向けレポートを CSV で保存(Ctrl+E)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>, more as you scroll</source>
        <translation>(続きはスクロール)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No recalls yet — import a file or type one in.</source>
        <translation>リコールはまだありません — ファイルを取り込むか入力してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n:,} recall{more}</source>
        <translation>{n:,} 件のリコール{more}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,} recalls{more}</source>
        <translation>{n:,} 件のリコール{more}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>loading the recall</source>
        <translation>リコールの読み込み</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../widgets/recall_models.py" line="-4"/>
        <source>Number</source>
        <translation>番号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recall date</source>
        <translation>リコール日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold</source>
        <translation>販売期間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{value} to {value2}</source>
        <translation>{value} 〜 {value2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removal requested</source>
        <translation>削除の依頼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove listings by</source>
        <translation>出品の削除期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>製品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recall</source>
        <translation>リコール</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{n:,}{more} match</source>
        <translation>{n:,}{more} 件の一致</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n:,}{more} matches</source>
        <translation>{n:,}{more} 件の一致</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;&lt;b&gt;{listing_title}&lt;/b&gt; · {listing_external_id} · {listing_status}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;&lt;b&gt;{listing_title}&lt;/b&gt; · {listing_external_id} · {listing_status}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p style=&apos;margin:2px 0&apos;&gt;• &lt;b&gt;{kind}&lt;/b&gt;: {text} &lt;i&gt;({field})&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;margin:2px 0&apos;&gt;• &lt;b&gt;{kind}&lt;/b&gt;: {text} &lt;i&gt;({field})&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Matching…</source>
        <translation>照合中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>running matching</source>
        <translation>照合の実行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Matching found {candidates} candidate(s) ({value}), {new} new, in {elapsed_ms:.0f} ms.</source>
        <translation>照合で候補 {candidates} 件({value})、うち新規 {new} 件が見つかりました({elapsed_ms:.0f} ミリ秒)。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select one or more matches first (Shift/Ctrl+click to select many).</source>
        <translation>先に一致を1つ以上選択してください(Shift/Ctrl+クリックで複数選択)。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>confirming matches</source>
        <translation>一致の確定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejecting matches</source>
        <translation>一致の却下</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{decided} match(es) confirmed</source>
        <translation>{decided} 件の一致を確定しました</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{decided} match(es) rejected</source>
        <translation>{decided} 件の一致を却下しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {suspended} listing(s) suspended.</source>
        <translation>。{suspended} 件の出品を停止しました。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>loading affected members</source>
        <translation>対象会員の読み込み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No affected members yet: confirm matches first.</source>
        <translation>対象の会員はまだいません。先に一致を確定してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{rows} owner(s): {sellers} seller(s) of listed items, {value} past buyer(s). {waiting} not notified yet.</source>
        <translation>所有者 {rows} 人: 出品者 {sellers} 人、過去の購入者 {value} 人。未通知 {waiting} 人。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send notices</source>
        <translation>通知を送信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the recall notice to {count} member(s) not notified yet? Nobody is notified twice.</source>
        <translation>まだ通知していない {count} 人の会員にリコール通知を送りますか?同じ人に2回通知することはありません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every affected member has been notified already.</source>
        <translation>対象の会員全員にすでに通知済みです。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sending notices</source>
        <translation>通知の送信</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{sent} notice(s) sent; {already_sent} member(s) had one already.</source>
        <translation>通知を {sent} 件送信しました。{already_sent} 人はすでに通知済みでした。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Removals: {removals_on_time} on time, {removals_late} late. </source>
        <translation>削除: 期限内 {removals_on_time} 件、期限超過 {removals_late} 件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove listings by {removal_due_at} ({removal_due_at2}).</source>
        <translation>{removal_due_at}までに出品を削除してください({removal_due_at2})。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export recall report</source>
        <translation>リコールレポートの書き出し</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Report saved to {saved}.</source>
        <translation>レポートを {saved} に保存しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exporting the recall report</source>
        <translation>リコールレポートの書き出し</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import recalls</source>
        <translation>リコールの取り込み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall files (*.json *.csv);;CPSC JSON (*.json);;CSV (*.csv)</source>
        <translation>リコールファイル (*.json *.csv);;CPSC JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not read {name}: {value}</source>
        <translation>{name} を読み込めませんでした: {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose another file.</source>
        <translation>別のファイルを選んでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>importing {name}</source>
        <translation>{name} の取り込み</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported {created} recall(s)</source>
        <translation>{created} 件のリコールを取り込みました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; {skipped} already registered ({join}).</source>
        <translation>。{skipped} 件は登録済みです({join})。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>registering the recall</source>
        <translation>リコールの登録</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recall {number} registered.</source>
        <translation>リコール {number} を登録しました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Removal deadline: {left}</source>
        <translation>削除期限: {left}</translation>
    </message>
    <message>
        <location filename="../../console/screens/catalog.py" line="-62"/>
        <source>Open flags</source>
        <translation>対応中のフラグ</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../console/screens/queue_screen.py" line="+106"/>
        <source>Inquiries</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../widgets/queue_model.py" line="+37"/>
        <location filename="../../widgets/recall_models.py" line="+5"/>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search listing titles…</source>
        <translation>出品タイトルを検索…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../console/screens/screens.py" line="+2"/>
        <source>Members</source>
        <translation>会員</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email (masked)</source>
        <translation>メール(マスク済み)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name starts with…, or an exact member number</source>
        <translation>名前の先頭、または会員番号</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../widgets/ratings_model.py" line="-1"/>
        <location filename="../../widgets/recall_models.py" line="-4"/>
        <location filename="../../widgets/transactions_model.py" line="-3"/>
        <source>Date</source>
        <extracomment>Which side of the sale the member was on, for the ``role`` filter of ``GET /transactions``.</extracomment>
        <translation>日付</translation>
    </message>
    <message>
        <location filename="../../console/screens/list_pane.py" line="-91"/>
        <location filename="../../console/screens/queue_screen.py" line="+7"/>
        <source>Any status</source>
        <extracomment>The current row changed: (kind, id).</extracomment>
        <translation>全状態</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../console/screens/queue_screen.py" line="+10"/>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>loading the list “{title}”</source>
        <translation>一覧「{title}」の読み込み</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../console/screens/queue_screen.py" line="+220"/>
        <source>{rows:,} shown, more as you scroll</source>
        <translation>{rows:,} 件(続きはスクロール)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matches</source>
        <translation>該当なし</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{rows:,} in all</source>
        <translation>全 {rows:,} 件</translation>
    </message>
    <message>
        <location filename="../../console/screens/queue_screen.py" line="-343"/>
        <source>SLA due first</source>
        <translation>SLA 期限順</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Oldest first</source>
        <translation>古い順</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Newest first</source>
        <translation>新しい順</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Hand to a colleague</source>
        <translation>同僚に引き継ぐ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on duty</source>
        <translation>勤務中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not clocked in</source>
        <translation>未出勤</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What they need to know (optional)</source>
        <translation>相手に伝えること(任意)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hand to</source>
        <translation>引き継ぎ先</translation>
    </message>
    <message>
        <location filename="../../console/detector_admin.py" line="-93"/>
        <source>precision {precision}, recall {recall} on {int:,} held-out decisions</source>
        <translation>検証用の判断 {int:,} 件で適合率 {precision}、再現率 {recall}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>built-in model</source>
        <translation>組み込みモデル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no held-out decisions</source>
        <translation>検証用の判断なし</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>it cannot be loaded by this service; retrain</source>
        <translation>このサービスでは読み込めません。再学習してください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  ● active</source>
        <translation>  ● 有効</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  ⚠ cannot be loaded</source>
        <translation>  ⚠ 読み込み不可</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>v{id} cannot screen listings in this service: {problem}. </source>
        <translation>v{id} はこのサービスでは出品を審査できません: {problem}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The built-in model screens instead until a new version is trained. </source>
        <translation>新しいバージョンを学習するまでは組み込みモデルが審査します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It cannot be activated; train a new version instead. </source>
        <translation>有効にはできません。代わりに新しいバージョンを学習してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>v{id} is the built-in model, used while no trained version had been activated.</source>
        <translation>v{id} は組み込みモデルで、学習済みバージョンが有効になっていない間に使われました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason recorded (trained by an older service)</source>
        <translation>理由の記録なし(古いサービスで学習)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>v{id} was activated automatically: {reasons}.</source>
        <translation>v{id} は自動的に有効になりました: {reasons}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>v{id} was NOT activated automatically: {reasons}. A supervisor may still activate it by hand.</source>
        <translation>v{id} は自動的には有効になりませんでした: {reasons}。スーパーバイザーは手動で有効にできます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> It was activated by hand and is active now.</source>
        <translation> 手動で有効にされ、現在有効です。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no examples</source>
        <translation>例なし</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  (needs {minimum})</source>
        <translation>  ({minimum} 件必要)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+81"/>
        <source>Flag at</source>
        <translation>フラグのしきい値</translation>
    </message>
    <message>
        <location line="-80"/>
        <location line="+81"/>
        <source>Suspend at</source>
        <translation>停止のしきい値</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>変更日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>built-in default</source>
        <translation>組み込みの既定値</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained</source>
        <translation>学習日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examples</source>
        <translation>学習例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held-out</source>
        <translation>検証結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activated</source>
        <translation>有効化日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../console/screens/queue_screen.py" line="+1"/>
        <location filename="../../widgets/escrow_timeline.py" line="+0"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Held-out decisions</source>
        <translation>検証用の判断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New: precision / recall</source>
        <translation>新: 適合率/再現率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then active</source>
        <translation>当時有効なもの</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No flags were decided at this threshold in the preview window.</source>
        <translation>プレビュー期間にこのしきい値で判断されたフラグはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>precision unknown (no decided flags at or above it)</source>
        <translation>適合率不明(このしきい値以上で判断されたフラグなし)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>precision {precision} ({right} upheld, {wrong} dismissed)</source>
        <translation>適合率 {precision}(維持 {right} 件、却下 {wrong} 件)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At {threshold:.2f}: {words}; about {flags_per_day:.1f} flags a day ({flags_in_window} in {window_days} days).</source>
        <translation>{threshold:.2f} の場合: {words}。1日あたり約 {flags_per_day:.1f} 件のフラグ({window_days} 日間で {flags_in_window} 件)。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flags a day, as a share of the most ({top:.1f})</source>
        <translation>1日あたりのフラグ数（最大 {top:.1f} に対する割合）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>threshold {threshold:.2f}</source>
        <translation>しきい値 {threshold:.2f}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No preview yet</source>
        <translation>まだプレビューはありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Detector settings</source>
        <translation>検知器の設定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Pick a policy to preview its threshold.</source>
        <translation>ポリシーを選ぶとしきい値のプレビューが表示されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Precision and flag volume by threshold</source>
        <translation>しきい値ごとの適合率とフラグ数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set threshold</source>
        <translation>しきい値を設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+26"/>
        <source>Supervisors only</source>
        <translation>スーパーバイザーのみ</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Save the thresholds for this policy</source>
        <translation>このポリシーのしきい値を保存</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Threshold</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Train new version</source>
        <translation>新しいバージョンを学習</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activate selected…</source>
        <translation>選択したものを有効化…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pick a version to see why it was or was not activated.</source>
        <translation>バージョンを選ぶと、有効になった(ならなかった)理由が表示されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picked version: held-out precision / recall per policy</source>
        <translation>選択したバージョン: ポリシー別の検証適合率/再現率</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Thresholds</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds decide which listings the detector flags (and suspends at once). The preview replays the last days of decided flags.</source>
        <translation>しきい値は、検知器がどの出品にフラグを付ける(そして即時停止する)かを決めます。プレビューは直近数日間に判断されたフラグを再現します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Only supervisors may change them.</source>
        <translation> 変更できるのはスーパーバイザーだけです。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>loading the detector settings</source>
        <translation>検知器の設定の読み込み</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Active: v{id}, but it cannot be loaded ({active}): the built-in detector screens until a new version is trained.</source>
        <translation>有効: v{id}。ただし読み込めません({active})。新しいバージョンを学習するまでは組み込みの検知器が審査します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active: v{id}, trained {created_at} on {int:,} examples.</source>
        <translation>有効: v{id}({created_at} に {int:,} 件の例で学習)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active: the built-in detector (no trained version is active).</source>
        <translation>有効: 組み込みの検知器(学習済みバージョンは有効になっていません)。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot be activated: {problem}</source>
        <translation>有効にできません: {problem}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Previewing {policy} at {threshold:.2f}…</source>
        <translation>{policy}を {threshold:.2f} でプレビュー中…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> Based on {decided_flags} decided flag(s)</source>
        <translation> 判断済みフラグ {decided_flags} 件に基づく</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; scores below {observed_min_score:.2f} were never flagged, so figures below it are a lower bound</source>
        <translation>。{observed_min_score:.2f} 未満のスコアはフラグが付いたことがないため、それ未満の数値は下限値です</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The preview could not be loaded. Change the threshold to try again.</source>
        <translation>プレビューを読み込めませんでした。しきい値を変えると再試行します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>previewing the threshold</source>
        <translation>しきい値のプレビュー</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{capitalize} now flags at {flag_at:.2f} and suspends at {suspend_at:.2f}.</source>
        <translation>{capitalize}は今後 {flag_at:.2f} でフラグを付け、{suspend_at:.2f} で停止します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>setting the threshold</source>
        <translation>しきい値の設定</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Training a new version from the stored decisions… this takes a few seconds.</source>
        <translation>保存された判断から新しいバージョンを学習中… 数秒かかります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>v{id} trained on {int:,} examples. {version}</source>
        <translation>v{id} を {int:,} 件の例で学習しました。{version}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> v{previous_version_id} stays active.</source>
        <translation> v{previous_version_id} が引き続き有効です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training failed; see the message above.</source>
        <translation>学習に失敗しました。上のメッセージを確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>training a detector version</source>
        <translation>検知器バージョンの学習</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a version to activate.</source>
        <translation>有効にするバージョンを選択してください。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pick a row in the versions table.</source>
        <translation>バージョンの表から行を選んでください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>v{id} cannot be activated.</source>
        <translation>v{id} は有効にできません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activate version</source>
        <translation>バージョンを有効化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make v{id} the detector every new listing is screened with?</source>
        <translation>v{id} をすべての新規出品の審査に使う検知器にしますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate</source>
        <translation>有効化</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>v{id} is now active.</source>
        <translation>v{id} が有効になりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activating the version</source>
        <translation>バージョンの有効化</translation>
    </message>
    <message>
        <location filename="../../console/screens/queue_screen.py" line="+2"/>
        <source>Hand over</source>
        <translation>引き継ぐ</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Flag · policy {replace} · score {float:.2f}</source>
        <translation>フラグ · ポリシー {replace} · スコア {float:.2f}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;{escape}&lt;/b&gt;&lt;br&gt;{what} · listing {listing_id}&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;Its record and the enforcement actions are in the side panes.&lt;/span&gt;</source>
        <translation>&lt;b&gt;{escape}&lt;/b&gt;&lt;br&gt;{what} · 出品 {listing_id}&lt;br&gt;&lt;span style=&apos;color:gray&apos;&gt;記録と措置の操作は横のペインにあります。&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+133"/>
        <location filename="../../console/screens/screens.py" line="-6"/>
        <source>Queue</source>
        <extracomment>The opened item changed (None when closed).
----------
The queue lists each role works on. The service enforces who may read what; this only avoids offering a list that would be refused.</extracomment>
        <translation>キュー</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Inquiries and open flags in one list, most urgent first. Next (Ctrl+N) takes the best item for you; claims show who holds what and for how long.</source>
        <translation>問い合わせと対応中のフラグを緊急度順に一覧表示します。「次の項目」(Ctrl+N)であなたに最適な項目を担当します。誰がどの項目をいつまで担当しているかも表示されます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All kinds</source>
        <translation>全種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Appeals</source>
        <translation>異議申し立て</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights-owner reports</source>
        <translation>権利者からの通報</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any policy or category</source>
        <translation>全ポリシー/カテゴリー</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everyone&apos;s</source>
        <translation>全員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimed by me</source>
        <translation>自分が担当</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../widgets/queue_model.py" line="+244"/>
        <source>Unclaimed</source>
        <translation>未担当</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimed by others</source>
        <translation>他の人が担当</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any SLA</source>
        <translation>全 SLA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SLA breached</source>
        <translation>SLA 超過</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SLA at risk (&lt; 1 h)</source>
        <translation>SLA 期限間近(1時間未満)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next item</source>
        <translation>次の項目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claim the most urgent unclaimed item and open it (Ctrl+N)</source>
        <translation>未担当のうち最も緊急の項目を担当して開く(Ctrl+N)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Press Ctrl+N for the next item, or pick a row and press Ctrl+Return to open it.</source>
        <translation>Ctrl+N で次の項目を開くか、行を選んで Ctrl+Return で開きます。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Your role does not work the queue: inquiries go to support agents and flags to moderators.</source>
        <translation>あなたのロールはキューを扱いません。問い合わせはサポート担当、フラグはモデレーターに割り当てられます。</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>checking the queue for changes</source>
        <translation>キューの変更の確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loading the queue</source>
        <translation>キューの読み込み</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing waiting</source>
        <translation>待ちはありません</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{rows:,} waiting</source>
        <translation>{rows:,} 件待ち</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>taking the next item</source>
        <translation>次の項目の担当</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing waiting for you: every item is claimed or waiting on the member.</source>
        <translation>あなたの待ち項目はありません。すべて担当済みか会員の返信待ちです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select an item to claim first.</source>
        <translation>先に担当する項目を選択してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claiming the item</source>
        <translation>項目の担当</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>releasing the item</source>
        <translation>担当の解除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nobody else is on this shift to hand the item to.</source>
        <translation>このシフトに引き継げる人が他にいません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release it instead (Ctrl+Shift+U); it goes back to the queue.</source>
        <translation>代わりに担当を外してください(Ctrl+Shift+U)。項目はキューに戻ります。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>handing the item over</source>
        <translation>項目の引き継ぎ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>keeping your claim on the item</source>
        <translation>項目の担当の延長</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Released: the item is back in the queue.</source>
        <translation>担当を外しました。項目はキューに戻りました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handed to {claimed_by_name}.</source>
        <translation>{claimed_by_name} さんに引き継ぎました。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The opened item was closed and left the queue.</source>
        <translation>開いていた項目は完了し、キューから外れました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{claimed_by_name} now holds the item you had open.</source>
        <translation>開いていた項目は {claimed_by_name} さんが担当しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask them before replying, or pick another item (Ctrl+N).</source>
        <translation>返信する前にその人に確認するか、別の項目を選んでください(Ctrl+N)。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unclaimed — Ctrl+Shift+C to claim</source>
        <translation>未担当 — Ctrl+Shift+C で担当</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claimed by you · {left} (renewed while open)</source>
        <translation>自分が担当 · {left}(開いている間は延長)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claimed by {claimed_by_name} · {left}</source>
        <translation>{claimed_by_name} さんが担当 · {left}</translation>
    </message>
    <message>
        <location filename="../../console/screens/screens.py" line="+0"/>
        <source>Open flags on listings and member inquiries waiting for staff.</source>
        <translation>スタッフの対応を待つ出品の対応中フラグと会員からの問い合わせ。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every listing on the marketplace, newest first.</source>
        <translation>マーケットプレイスの全出品(新しい順)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Marketplace members. Contact details stay masked.</source>
        <translation>マーケットプレイスの会員。連絡先はマスクされたままです。</translation>
    </message>
    <message>
        <location filename="../../console/service.py" line="+162"/>
        <source>The service did not answer within {start_timeout_s:.0f} s.
{output_tail}</source>
        <extracomment>Seeding a fresh demo database can take a while; a healthy start is quick. Restarts allowed within :data:`RESTART_WINDOW_S` before we give up. The service listens (after a start or a restart). The service could not be started; the text says why (with its last output). A running service died; a restart is attempted unless the budget is spent. From the output thread: (process, line) and (process, exit code).</extracomment>
        <translation>サービスが {start_timeout_s:.0f} 秒以内に応答しませんでした。
{output_tail}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bundled service exited (code {exit_code}).
{output_tail}</source>
        <translation>同梱サービスが終了しました(コード {exit_code})。
{output_tail}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The bundled service keeps stopping ({max_restarts} restarts in {restart_window_s:.0f} s).
{output_tail}</source>
        <translation>同梱サービスが停止を繰り返しています({restart_window_s:.0f} 秒間に {max_restarts} 回再起動)。
{output_tail}</translation>
    </message>
    <message>
        <location filename="../../console/shift_panel.py" line="-257"/>
        <source>inquiries</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flags</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>appeals</source>
        <translation>異議申し立て</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clock out — handover note</source>
        <translation>退勤 — 引き継ぎメモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave a note for the next shift: what is half done, what to watch. </source>
        <translation>次のシフトへのメモを残してください: 途中の作業や注意すべきこと。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your {held} claimed item(s) go back to the queue with this note.</source>
        <translation>担当中の {held} 件の項目はこのメモ付きでキューに戻ります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You hold no items.</source>
        <translation>担当中の項目はありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handover note (optional)</source>
        <translation>引き継ぎメモ(任意)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock out</source>
        <translation>退勤</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Shift: loading…</source>
        <extracomment>One line for the status bar, e.g. &quot;Morning shift · 2h 25m left · clocked in&quot;. Clocked in or out: True when now clocked in.</extracomment>
        <translation>シフト: 読み込み中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the shift…</source>
        <translation>シフトを読み込み中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clock in</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock in to the running shift (Ctrl+Shift+I)</source>
        <translation>現在のシフトに出勤(Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clock out…</source>
        <translation>退勤…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clock out with a handover note (Ctrl+Shift+O)</source>
        <translation>引き継ぎメモを残して退勤(Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Handover from the last shift</source>
        <translation>前のシフトからの引き継ぎ</translation>
    </message>
    <message>
        <location line="+74"/>
        <location filename="../../widgets/wording.py" line="+64"/>
        <source>You are already clocked in.</source>
        <translation>すでに出勤しています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clocking in</source>
        <translation>出勤</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../widgets/wording.py" line="-15"/>
        <source>You are not clocked in.</source>
        <translation>出勤していません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>clocking out</source>
        <translation>退勤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clocked in.</source>
        <translation>出勤しました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> The shift ends in {left}.</source>
        <translation> シフト終了まで {left}。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clocked out; {released} item(s) went back to the queue with your note.</source>
        <translation>退勤しました。{released} 件の項目がメモ付きでキューに戻りました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clocked out.</source>
        <translation>退勤しました。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>loading the shift</source>
        <translation>シフトの読み込み</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{name} shift {hours} · {left} left</source>
        <translation>{name}シフト {hours} · 残り {left}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} shift · {left} left</source>
        <translation>{name}シフト · 残り {left}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No shift is running now</source>
        <translation>現在進行中のシフトはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shift running</source>
        <translation>シフトなし</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You clocked in at {value}</source>
        <translation>{value} に出勤しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; your shift ends in {duration}.</source>
        <translation>。シフト終了まで {duration}。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · clocked in</source>
        <translation> · 出勤中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You are not clocked in. Clock in to take work from the queue.</source>
        <translation>出勤していません。キューの作業を受けるには出勤してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · not clocked in</source>
        <translation> · 未出勤</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nobody yet</source>
        <translation>まだ誰もいません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;On duty:&lt;/b&gt; {on_duty}</source>
        <translation>&lt;b&gt;勤務中:&lt;/b&gt; {on_duty}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Scheduled, not clocked in:&lt;/b&gt; {absent}</source>
        <translation>&lt;b&gt;予定あり・未出勤:&lt;/b&gt; {absent}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;The handover summary could not be loaded.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;引き継ぎの概要を読み込めませんでした。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{n} {kind}</source>
        <translation>{kind} {n} 件</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../widgets/wording.py" line="-48"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;p&gt;&lt;b&gt;{escape} shift&lt;/b&gt; {start} – {value}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{escape}シフト&lt;/b&gt; {start} – {value}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;No shift has ended yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;まだ終了したシフトはありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;Open now: &lt;b&gt;{counts}&lt;/b&gt;&lt;br&gt;Past their SLA now: &lt;b style=&apos;color:#d03a4f&apos;&gt;{counts2}&lt;/b&gt;&lt;br&gt;Breached during that shift: {counts3}&lt;/p&gt;</source>
        <translation>&lt;p&gt;現在対応中: &lt;b&gt;{counts}&lt;/b&gt;&lt;br&gt;現在 SLA 超過: &lt;b style=&apos;color:#d03a4f&apos;&gt;{counts2}&lt;/b&gt;&lt;br&gt;そのシフト中の超過: {counts3}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;&lt;b&gt;Notes&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;メモ&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;{escape} at {value}:&lt;br&gt;{replace}&lt;/p&gt;</source>
        <translation>&lt;p&gt;{escape}({value}):&lt;br&gt;{replace}&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p style=&apos;color:gray&apos;&gt;No handover notes.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;引き継ぎメモはありません。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;&lt;b&gt;Handed over ({items})&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;引き継いだ項目({items} 件)&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <location filename="../../console/shortcut_help.py" line="+15"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every command and its key. Change keys in the settings file (options/shortcuts, e.g. {&quot;list.refresh&quot;: &quot;Ctrl+R&quot;}).</source>
        <translation>すべてのコマンドとそのキー。キーは設定ファイルで変更できます(options/shortcuts、例: {&quot;list.refresh&quot;: &quot;Ctrl+R&quot;})。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location filename="../../console/startup.py" line="+24"/>
        <source>Starting Anzen</source>
        <translation>Anzen を起動中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anzen</source>
        <translation>Anzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>Starting the service…</source>
        <translation>サービスを起動中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Preparing demo data: {text}</source>
        <translation>デモデータを準備中: {text}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Anzen could not start</source>
        <translation>Anzen を起動できませんでした</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again, or close Anzen. If this keeps happening, send the details to your IT contact.</source>
        <translation>もう一度試すか、Anzen を閉じてください。繰り返し起きる場合は詳細を IT 担当者に送ってください。</translation>
    </message>
    <message>
        <location filename="../../widgets/banner.py" line="+28"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../widgets/charts.py" line="-198"/>
        <source>No data loaded yet.</source>
        <extracomment>Colour-blind-safe series colours (Okabe–Ito), used in order.</extracomment>
        <translation>まだデータが読み込まれていません。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Save Chart as PNG…</source>
        <translation>グラフを PNG で保存…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save Chart Data as CSV…</source>
        <translation>グラフのデータを CSV で保存…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing happened in this period.</source>
        <translation>この期間には何もありませんでした。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to show.</source>
        <translation>表示するものはありません。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Times in {zone}</source>
        <translation>時刻は {zone}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>period start</source>
        <translation>期間の開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../../widgets/detail_view.py" line="+55"/>
        <source>Select a row to see its details.</source>
        <translation>行を選ぶと詳細が表示されます。</translation>
    </message>
    <message>
        <location filename="../../widgets/enforcement_history_model.py" line="+0"/>
        <location filename="../../widgets/escrow_timeline.py" line="+0"/>
        <source>When</source>
        <extracomment>Ledger kinds as tones for the step pill.</extracomment>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>About</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>staff #{id}</source>
        <extracomment>The row&apos;s kind (&quot;takedown&quot;, &quot;flag&quot;, &quot;appeal&quot;, &quot;strike&quot;, &quot;sanction&quot;).</extracomment>
        <translation>スタッフ #{id}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reinstated {reversed_at}</source>
        <translation>{reversed_at} に復元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary, time is up — reinstatement pending</source>
        <translation>一時的 — 期間終了、復元待ち</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temporary, until {expires_at}</source>
        <translation>一時的、{expires_at} まで</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>In force</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="-35"/>
        <source> (bulk)</source>
        <translation>(一括)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taken down</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>This listing</source>
        <translation>この出品</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>{policy}, score {float:.2f}, {source}</source>
        <translation>{policy}、スコア {float:.2f}、{source}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> — decision: {decision_reason}</source>
        <translation> — 判断: {decision_reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../widgets/queue_model.py" line="-281"/>
        <source>Appeal</source>
        <translation>異議申し立て</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seller&apos;s listing {listing_id}</source>
        <translation>出品者の出品 {listing_id}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removed — {value}</source>
        <translation>取消 — {value}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counts</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strike</source>
        <translation>違反</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{policy}, {weight} point(s)</source>
        <translation>{policy}、{weight} 点</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lifted {lifted}</source>
        <translation>{lifted} に解除</translation>
    </message>
    <message>
        <location filename="../../widgets/escrow_timeline.py" line="-13"/>
        <source>Paid — held in escrow</source>
        <extracomment>Ledger entry kind -&gt; what the step means to an agent.</extracomment>
        <translation>支払い(預かり)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>発送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by buyer</source>
        <translation>購入者が受け取り</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputed — on hold</source>
        <translation>紛争(保留)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released to seller</source>
        <translation>出品者に支払い</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded to buyer</source>
        <translation>購入者に返金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Step</source>
        <translation>段階</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held after</source>
        <translation>預かり残高</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Paid</source>
        <extracomment>The money columns (&quot;Amount&quot;, &quot;Held after&quot;), right-aligned.</extracomment>
        <translation>支払額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Still held</source>
        <translation>預かり残高</translation>
    </message>
    <message>
        <location filename="../../widgets/queue_model.py" line="+0"/>
        <source>Flag</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights report</source>
        <translation>権利者の通報</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../widgets/recall_models.py" line="-23"/>
        <source>{days}d {hours}h</source>
        <extracomment>The whole record of a row (a dict), for panes that explain it.</extracomment>
        <translation>{days}日{hours}時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../widgets/recall_models.py" line="+0"/>
        <source>{hours}h {minutes:02d}m</source>
        <translation>{hours}時間{minutes:02d}分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{minutes}m {secs:02d}s</source>
        <translation>{minutes}分{secs:02d}秒</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SLA due</source>
        <translation>SLA 期限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimed by</source>
        <translation>担当者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Member / listing</source>
        <translation>会員/出品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Policy / category</source>
        <translation>ポリシー/カテゴリー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>経過</translation>
    </message>
    <message>
        <location line="+206"/>
        <source>{left} over</source>
        <extracomment>An item changed (from a page or a poll), with the new row data: the open workspace listens so its claim countdown stays right. The lease of one of the caller&apos;s own items lapsed on the local clock.</extracomment>
        <translation>{left}超過</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in {left}</source>
        <translation>あと{left}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>listing {listing_id}</source>
        <translation>出品 {listing_id}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You</source>
        <translation>自分</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{kind} due {sla_due}</source>
        <translation>{kind}期限 {sla_due}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Claimed by {claimed_by_name}; the lease lapses in {left} unless renewed.</source>
        <translation>{claimed_by_name} さんが担当中。延長されなければ {left} 後に担当が外れます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> · detector score</source>
        <translation> · 検知スコア</translation>
    </message>
    <message>
        <location filename="../../widgets/ratings_model.py" line="-4"/>
        <source>as seller</source>
        <extracomment>Rating scores as tones for the status pill (registered once, beside the statuses).</extracomment>
        <translation>出品者として</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>as buyer</source>
        <translation>購入者として</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From / to</source>
        <translation>相手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member was</source>
        <translation>会員の立場</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>コメント</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Ratings trend</source>
        <translation>評価の推移</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{value} – {value2}: {good} good, {normal} normal, {bad} bad</source>
        <translation>{value} – {value2}: 良い {good}、普通 {normal}、悪い {bad}</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+6"/>
        <source>No ratings in these periods.</source>
        <translation>この期間の評価はありません。</translation>
    </message>
    <message>
        <location filename="../../widgets/recall_models.py" line="+1"/>
        <source>{text} left</source>
        <translation>残り {text}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue by {text}</source>
        <translation>{text} 超過</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&lt;span style=&quot;background-color:#f6c343;color:#1f2933;font-weight:600&quot;&gt;{escape}&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;background-color:#f6c343;color:#1f2933;font-weight:600&quot;&gt;{escape}&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Confidence</source>
        <translation>確度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removal</source>
        <translation>削除期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listing title</source>
        <translation>出品タイトル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>removed on time</source>
        <translation>期限内に削除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed late</source>
        <translation>期限後に削除</translation>
    </message>
    <message>
        <location filename="../../widgets/transactions_model.py" line="+1"/>
        <source>As</source>
        <translation>立場</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counterparty</source>
        <translation>相手</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last change</source>
        <translation>最終更新</translation>
    </message>
    <message>
        <location filename="../../widgets/wording.py" line="-42"/>
        <source>active</source>
        <extracomment>Code -&gt; English label (translated when shown). One word per code across kinds: &quot;open&quot; is open whether it is a flag, an inquiry, a recall or an appeal.</extracomment>
        <translation>公開中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sold</source>
        <translation>売却済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>removed</source>
        <translation>削除済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspended</source>
        <translation>停止中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restricted</source>
        <translation>制限中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>awaiting payment</source>
        <translation>支払い待ち</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paid</source>
        <translation>支払い済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>shipped</source>
        <translation>発送済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received</source>
        <translation>受取済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disputed</source>
        <translation>紛争中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>released</source>
        <translation>支払済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refunded</source>
        <translation>返金済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payment</source>
        <translation>支払い</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dispute</source>
        <translation>紛争</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>release</source>
        <translation>支払い</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hold</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buyer</source>
        <translation>購入者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seller</source>
        <translation>出品者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>new</source>
        <translation>新規</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>waiting on member</source>
        <translation>会員の返信待ち</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>resolved</source>
        <translation>解決済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>item not received</source>
        <translation>商品が届かない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not as described</source>
        <translation>説明と異なる</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>member</source>
        <translation>会員</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>internal note</source>
        <translation>社内メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent</source>
        <translation>緊急</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../widgets/ratings_model.py" line="-8"/>
        <location line="+6"/>
        <location filename="../../widgets/wording.py" line="+0"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../widgets/wording.py" line="+1"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first reply</source>
        <translation>初回返信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resolution</source>
        <translation>解決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>actioned</source>
        <translation>対応済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dismissed</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>detector</source>
        <translation>検知器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>member report</source>
        <translation>会員からの通報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rights holder</source>
        <translation>権利者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counterfeit</source>
        <translation>偽ブランド品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medicine</source>
        <translation>医薬品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>game account</source>
        <translation>ゲームアカウント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>stolen goods</source>
        <translation>盗品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weapon</source>
        <translation>武器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cash equivalent</source>
        <translation>現金同等物</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recalled product</source>
        <translation>リコール対象製品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>brand</source>
        <translation>ブランド</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restriction</source>
        <translation>制限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>suspension</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upheld</source>
        <translation>棄却</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>uphold</source>
        <translation>棄却</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overturn</source>
        <translation>認容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>takedown</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reinstated</source>
        <translation>復元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sanction lifted</source>
        <translation>制裁解除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>appeal received</source>
        <translation>異議申し立て受付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>appeal upheld</source>
        <translation>異議申し立て棄却</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>appeal overturned</source>
        <translation>異議申し立て認容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temporary</source>
        <translation>一時的</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>permanent</source>
        <translation>恒久的</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>candidate</source>
        <translation>候補</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>confirmed</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>requested</source>
        <translation>依頼済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>returned</source>
        <translation>返品済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>declined</source>
        <translation>辞退</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>regulator feed</source>
        <translation>規制当局</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manufacturer</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>typed in</source>
        <translation>手入力</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>in the app</source>
        <translation>アプリ内</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>afternoon</source>
        <translation>遅番</translation>
    </message>
    <message>
        <location filename="../../widgets/ratings_model.py" line="-7"/>
        <location line="+6"/>
        <location filename="../../widgets/wording.py" line="-11"/>
        <source>good</source>
        <translation>良い</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+6"/>
        <location filename="../../widgets/wording.py" line="+0"/>
        <source>bad</source>
        <translation>悪い</translation>
    </message>
    <message>
        <location filename="../../widgets/wording.py" line="+1"/>
        <source>buyer to seller</source>
        <translation>購入者から出品者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seller to buyer</source>
        <translation>出品者から購入者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given</source>
        <translation>付けた評価</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>like new</source>
        <translation>未使用に近い</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fair</source>
        <translation>やや傷や汚れあり</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>poor</source>
        <translation>全体的に状態が悪い</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>情報</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>注意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>safety officer</source>
        <translation>製品安全担当</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moderator</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supervisor</source>
        <translation>スーパーバイザー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rights owner</source>
        <translation>権利者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>night</source>
        <translation>夜勤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>morning</source>
        <translation>早番</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>serial disputer</source>
        <translation>紛争の常習</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>never received claims</source>
        <translation>未着の申し立ての繰り返し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>self-dealing</source>
        <translation>自作自演の取引</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cash-equivalent burst</source>
        <translation>現金同等物の集中出品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dormant account takeover</source>
        <translation>休眠アカウントの乗っ取り</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>appliances</source>
        <translation>家電</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>baby</source>
        <translation>ベビー・キッズ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>bags</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beauty</source>
        <translation>コスメ・美容</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>books</source>
        <translation>本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cards and tickets</source>
        <translation>カード・チケット</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>electronics</source>
        <translation>スマホ・家電・カメラ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fashion</source>
        <translation>ファッション</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>games</source>
        <translation>ゲーム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kitchen</source>
        <translation>キッチン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>outdoor</source>
        <translation>アウトドア</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sneakers</source>
        <translation>スニーカー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>toys</source>
        <translation>おもちゃ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>watches</source>
        <translation>時計</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system</source>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>inquiry</source>
        <translation>問い合わせ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>flag</source>
        <translation>フラグ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>appeal</source>
        <translation>異議申し立て</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listing</source>
        <translation>出品</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>transaction</source>
        <translation>取引</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request was not valid.</source>
        <extracomment>Service error code -&gt; what happened, in the console&apos;s words. The service&apos;s own English message is logged; staff read these.</extracomment>
        <translation>リクエストが正しくありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some input is not valid.</source>
        <translation>入力に正しくないものがあります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record does not exist (any more).</source>
        <translation>レコードが(もう)存在しません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role may not do this.</source>
        <translation>あなたのロールではこの操作はできません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record is not in a state that allows this.</source>
        <translation>レコードの状態がこの操作を許しません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list changed; it was loaded again from the start.</source>
        <translation>一覧が変わったため、最初から読み込み直しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many failed sign-ins.</source>
        <translation>サインインの失敗が多すぎます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You have revealed as many contact details as allowed for now.</source>
        <translation>現在表示できる連絡先の上限に達しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This was already decided.</source>
        <translation>すでに判断済みです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no takedown or sanction in force here.</source>
        <translation>有効な削除または制裁はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This already exists.</source>
        <translation>すでに存在します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone changed this first.</source>
        <translation>先に他の人が変更しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escrow does not hold that much.</source>
        <translation>エスクローの預かり金がその額に足りません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transaction&apos;s state does not allow this step.</source>
        <translation>取引の状態がこの操作を許しません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The item is closed.</source>
        <translation>項目は完了しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The detector version cannot be loaded.</source>
        <translation>検知器のバージョンを読み込めません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your shift has ended.</source>
        <translation>シフトが終了しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This large takedown needs a second confirmation.</source>
        <translation>この大規模な削除には2回目の確認が必要です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The counts changed since the preview.</source>
        <translation>プレビューの後に件数が変わりました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This can no longer be changed.</source>
        <translation>これはもう変更できません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You do not hold this item.</source>
        <translation>この項目を担当していません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shift is running now.</source>
        <translation>現在進行中のシフトはありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The time for this has passed.</source>
        <translation>期限が過ぎています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A colleague is working on this item.</source>
        <translation>同僚がこの項目を担当しています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A refund for this sale is already waiting for approval.</source>
        <translation>この取引の返金はすでに承認待ちです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database already holds data.</source>
        <translation>データベースにはすでにデータがあります。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reason</source>
        <extracomment>Request fields the service may name in an error -&gt; their label.</extracomment>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hours</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall number</source>
        <translation>リコール番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall date</source>
        <translation>リコール日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reason code</source>
        <translation>理由コード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>user name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>page</source>
        <translation>ページ</translation>
    </message>
    <message>
        <location filename="../../console/authority/models.py" line="+22"/>
        <source>{span} left</source>
        <translation>残り {span}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>overdue {span}</source>
        <translation>{span} 超過</translation>
    </message>
    <message>
        <location filename="../../console/live_updates.py" line="-6"/>
        <location line="+6"/>
        <source>Polling</source>
        <translation>ポーリング</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>How this console hears of changes: Live (pushed by the service) or Polling</source>
        <translation>変更の受け取り方: 自動更新（サービスから通知）またはポーリング</translation>
    </message>
</context>
<context>
    <name>AuthorityWindow</name>
    <message>
        <location filename="../../console/authority/window.py" line="+32"/>
        <source>Authority Requests</source>
        <extracomment>The due-date column is repainted this often (milliseconds).</extracomment>
        <translation>当局からの照会</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pending approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Approved</source>
        <translation>承認済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answered</source>
        <translation>回答済み</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>機関</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>照会番号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis</source>
        <translation>法的根拠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>範囲</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{m} members, {l} listings, {t} transactions</source>
        <translation>会員 {m} 件、出品 {l} 件、取引 {t} 件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Register…</source>
        <extracomment>The outcome of the last download (kept while the list reloads).</extracomment>
        <translation>登録(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Approve…</source>
        <translation>承認(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decline…</source>
        <translation>却下(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close Request…</source>
        <translation>照会を終了(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Package…</source>
        <translation>証拠パッケージを書き出す(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transparency Report…</source>
        <translation>透明性レポート(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>You registered this request: a second supervisor must approve it.</source>
        <translation>この照会はあなたが登録しました。別のスーパーバイザーの承認が必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{n} requests, {o} overdue</source>
        <translation>照会 {n} 件、期限超過 {o} 件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not load the requests; press Refresh to try again.</source>
        <translation>照会を読み込めませんでした。「再読み込み」を押して再試行してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading authority requests</source>
        <translation>当局からの照会の読み込み</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>registering the request</source>
        <translation>照会の登録</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve Request</source>
        <translation>照会を承認</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decline Request</source>
        <translation>照会を却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (recorded in the audit log):</source>
        <translation>理由(監査ログに記録されます):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>deciding the request</source>
        <translation>照会の判断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Close Request</source>
        <translation>照会を終了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing releases this request&apos;s legal holds. Note (optional):</source>
        <translation>終了すると、この照会による保全措置が解除されます。メモ(任意):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closing the request</source>
        <translation>照会の終了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Evidence Package</source>
        <translation>証拠パッケージを保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ZIP archives (*.zip)</source>
        <translation>ZIP アーカイブ (*.zip)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exporting the evidence package…</source>
        <translation>証拠パッケージを書き出し中…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>exporting the package</source>
        <translation>パッケージの書き出し</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path} (SHA-256 {digest}); check it with &apos;python -m backend verify-evidence&apos;.</source>
        <translation>{path} を保存しました(SHA-256 {digest})。&apos;python -m backend verify-evidence&apos; で確認できます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Transparency Report</source>
        <translation>透明性レポートを保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved {path}</source>
        <translation>{path} を保存しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exporting the report</source>
        <translation>レポートの書き出し</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../console/authority/dialogs.py" line="+125"/>
        <source>Say why.</source>
        <translation>理由を入力してください。</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location line="-98"/>
        <source>Register Authority Request</source>
        <translation>当局からの照会を登録</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Investigation inquiry (CCP art. 197(2))</source>
        <translation>捜査関係事項照会(刑事訴訟法197条2項)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court order</source>
        <translation>裁判所の命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search warrant</source>
        <translation>捜索差押許可状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regulator request</source>
        <translation>行政機関からの要請</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ids, separated by commas</source>
        <translation>ID(カンマ区切り)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Agency:</source>
        <translation>機関(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Officer:</source>
        <translation>担当官(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contact:</source>
        <translation>連絡先(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>照会番号(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Legal basis:</source>
        <translation>法的根拠(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Members:</source>
        <translation>会員(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;istings:</source>
        <translation>出品(&amp;I):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transactions:</source>
        <translation>取引(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Due in:</source>
        <translation>期限まで(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>メモ(&amp;N):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Scope ids must be numbers separated by commas.</source>
        <translation>範囲の ID はカンマ区切りの数字で入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agency and reference are required.</source>
        <translation>機関と照会番号は必須です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name at least one member, listing or transaction.</source>
        <translation>会員、出品、取引を1つ以上指定してください。</translation>
    </message>
</context>
<context>
    <name>RightsOwnerWindow</name>
    <message>
        <location filename="../../console/authority/rights.py" line="+195"/>
        <source>Sign &amp;Out</source>
        <translation>サインアウト(&amp;O)</translation>
    </message>
</context>
<context>
    <name>RightsReportsWindow</name>
    <message>
        <location line="-166"/>
        <source>My Reports</source>
        <translation>自分の通報</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rights-Owner Reports</source>
        <translation>権利者からの通報</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+19"/>
        <source>Open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Accepted (taken down)</source>
        <translation>受理(削除済み)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Rejected</source>
        <translation>却下</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rights owner</source>
        <translation>権利者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark</source>
        <translation>商標</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listing</source>
        <translation>出品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appeal</source>
        <translation>異議申し立て</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show:</source>
        <translation>表示:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Answer Appeal…</source>
        <translation>異議申し立てに回答(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accept (Take Down)…</source>
        <translation>受理して削除(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject…</source>
        <translation>却下(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>, answered</source>
        <translation>、回答済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>open</source>
        <translation>対応中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>upheld</source>
        <translation>棄却</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overturned</source>
        <translation>認容</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} reports</source>
        <translation>通報 {n} 件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load the reports; press Refresh to try again.</source>
        <translation>通報を読み込めませんでした。「再読み込み」を押して再試行してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loading rights-owner reports</source>
        <translation>権利者からの通報の読み込み</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Accept Report</source>
        <translation>通報を受理</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reject Report</source>
        <translation>通報を却下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listing will be taken down for counterfeit goods, with the usual consequences. Reason:</source>
        <translation>出品は偽ブランド品として削除され、通常どおりの措置が取られます。理由:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason (the rights owner sees it):</source>
        <translation>理由(権利者に表示されます):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>deciding the report</source>
        <translation>通報の判断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer the Seller’s Appeal</source>
        <translation>出品者の異議申し立てに回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your answer (moderators read it before they decide):</source>
        <translation>回答(モデレーターが判断の前に読みます):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending your answer</source>
        <translation>回答の送信</translation>
    </message>
</context>
<context>
    <name>YearDialog</name>
    <message>
        <location filename="../../console/authority/dialogs.py" line="+66"/>
        <source>Transparency Report</source>
        <translation>透明性レポート</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Year:</source>
        <translation>年(&amp;Y):</translation>
    </message>
</context>
</TS>
