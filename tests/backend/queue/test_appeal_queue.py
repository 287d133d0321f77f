"""An appeal filed against a takedown enters the moderators' queue as its own item."""

from __future__ import annotations


def test_appeal_is_a_queue_item_for_moderators(client, headers, sample) -> None:
    items = client.get("/api/v1/queue", params={"kind": "appeal"}, headers=headers["supervisor"]).json()["items"]
    assert [i["kind"] for i in items] == ["appeal"]
    assert items[0]["title"].startswith("Appeal: ")
    assert items[0]["sla_kind"] == "decision"
    agent_view = client.get("/api/v1/queue", params={"kind": "appeal"}, headers=headers["agent"])
    assert agent_view.status_code in (403, 422) or agent_view.json()["items"] == []
