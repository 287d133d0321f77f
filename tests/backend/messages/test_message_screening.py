"""Issue 21, step 2: each policy with positives and hard negatives in both languages
(our own short examples, not corpus lines), obfuscated contacts, tracking numbers
not flagged, detect-messages, screening as messages arrive, TEST never opened by fitting."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from backend.detection.messages import contacts
from backend.detection.messages.batch import detect_stream
from backend.detection.messages.detector import MessageDetector
from backend.detection.messages.training import built_in_detector


@pytest.fixture(scope="module")
def detector() -> MessageDetector:
    return built_in_detector()


POSITIVES = [
    ("手数料がもったいないので、口座に直接振り込みますね。その分値引きお願いします", "off_platform_payment"),
    ("Send the money with Venmo and I'll ship today, saves us the fees", "off_platform_payment"),
    ("らいん交換しましょう！IDは hana_0808 です", "contact_exchange"),
    ("ぜろはちぜろ、いちにさんよん、ごろくななはち に電話ください", "contact_exchange"),
    ("mail me: yuki.tanaka at mark gmail dot com", "contact_exchange"),
    ("My number is +81 90 1234 5678, text me", "contact_exchange"),
    ("一度キャンセルして、別のアプリで出品し直すのでそちらで買ってください", "cancel_to_relist"),
    ("Please cancel and buy it again from my new listing, I'll make it cheaper", "cancel_to_relist"),
    ("評価を変えないと住所をネットに晒すからな", "harassment"),
    ("You stupid liar, I know where you live", "harassment"),
]
NEGATIVES = [
    "本日発送しました。追跡番号は 3456-7890-1234 です。",
    "お問い合わせ番号 0801-2345-678 でゆうパックにて発送しました",
    "注文番号 09012345678 の商品について質問です",
    "4,500円でしたら購入したいのですが、お値下げは可能でしょうか？",
    "コンビニ払いを選んだので、支払いまで少しお待ちください",
    "直接のお取引はできませんので、このままアプリでお願いします",
    "受け取り評価をお願いいたします。ありがとうございました！",
    "Tracking number 1234 5678 9012, shipped on 2026/05/01.",
    "I paid with my credit card in the app, please ship when you can.",
    "Please leave a rating once it arrives. Thank you!",
]


@pytest.mark.parametrize(("text", "policy"), POSITIVES)
def test_each_policy_is_flagged(detector: MessageDetector, text: str, policy: str) -> None:
    verdict = detector.score(text)
    assert verdict.flagged and verdict.policy == policy, (verdict.policy, verdict.scores)
    assert verdict.reasons and all("text" in r and "spans" in r for r in verdict.reasons)


@pytest.mark.parametrize("text", NEGATIVES)
def test_hard_negatives_are_not_flagged(detector: MessageDetector, text: str) -> None:
    verdict = detector.score(text)
    assert not verdict.flagged, (verdict.policy, verdict.scores, verdict.reasons)


@pytest.mark.parametrize(("text", "digits"), [
    ("０９０－１２３４－５６７８", "09012345678"),
    ("ゼロキューゼロの1234の5678", "09012345678"),
    ("〇八〇 四三二一 八七六五", "08043218765"),
    ("zero seven zero, one one one one, two two two two", "07011112222"),
    ("tel (03) 1234-5678", "0312345678"),
])
def test_obfuscated_phone_numbers_are_found(text: str, digits: str) -> None:
    found = contacts.find(text)
    assert [c.kind for c in found] == ["phone"] and found[0].value == digits


@pytest.mark.parametrize("text", [
    "追跡番号：1234-5678-9012", "伝票番号 090123456789", "注文番号 0901234567", "¥0901234567", "2026/05/01 12:30",
    "合計 09012345678円", "ゆうパケット 0312-3456-78", "order #0312345678",
])
def test_numbers_that_are_not_phones(text: str) -> None:
    assert [c for c in contacts.find(text) if c.kind == "phone"] == []


def test_masking_keeps_the_last_four_digits_only() -> None:
    masked = contacts.mask("連絡は 090-1234-5678 か taro@example.jp か LINE ID: taro_99 まで")
    assert "1234" not in masked and "5678" in masked and "taro@" not in masked and "taro_99" not in masked


def test_detect_messages_stream(detector: MessageDetector) -> None:
    lines = [json.dumps({"id": 1, "text": POSITIVES[0][0]}, ensure_ascii=False),
             json.dumps({"id": "b", "text": NEGATIVES[0]}, ensure_ascii=False), "{broken"]
    out, err = io.StringIO(), io.StringIO()
    stats = detect_stream(lines, out, detector, err=err)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == [1, "b"] and stats.errors == 1 and "line 3" in err.getvalue()
    assert rows[0]["flagged"] and rows[0]["policy"] == "off_platform_payment"
    assert rows[1] == {"id": "b", "flagged": False, "policy": None, "score": rows[1]["score"], "reasons": []}


def test_fitting_never_opens_the_test_author(monkeypatch: pytest.MonkeyPatch) -> None:
    from backend.detection.messages import training

    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    import builtins

    real_builtin = builtins.open

    def spy_builtin(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return real_builtin(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_builtin)
    training.fit(include_dev=True)
    assert "author_x.jsonl" in opened and "author_y.jsonl" in opened
    assert not any("author_z" in name for name in opened)


def test_a_posted_message_is_screened_into_a_flag(client, headers, sample) -> None:
    body = {"transaction_id": sample.transaction, "sender_id": sample.seller,
            "text": "キャンセルしてもらって、ラクマで安く出品し直しますね"}
    posted = client.post("/api/v1/messages", json=body, headers=headers["supervisor"])
    assert posted.status_code == 201, posted.text
    out = posted.json()
    assert out["verdict"]["flagged"] and out["verdict"]["policy"] == "cancel_to_relist" and out["flag_id"]
    thread = client.get(f"/api/v1/transactions/{sample.transaction}/messages", headers=headers["agent"]).json()
    assert thread["items"][-1]["flags"][0]["policy"] == "cancel_to_relist"
    fine = client.post("/api/v1/messages", json={**body, "text": "明日発送します。よろしくお願いします。"},
                       headers=headers["supervisor"])
    assert fine.status_code == 201 and not fine.json()["verdict"]["flagged"] and fine.json()["flag_id"] is None
