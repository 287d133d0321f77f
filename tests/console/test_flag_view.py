"""A flag's reasons with the matched words highlighted, on real seeded flags."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from console import theme
from console.client import ApiClient
from console.flag_view import FlagView, listing_text
from console.qt import QApplication


def _flag_with_spans(client: ApiClient) -> tuple[dict[str, Any], dict[str, Any]]:
    for flag in client.page("/flags", {"status": "open"}, limit=100).items:
        if any(isinstance(r, dict) and r.get("spans") for r in flag["reasons"]):
            return dict(flag), client.get(f"/listings/{flag['listing_id']}")
    raise AssertionError("no seeded flag has reasons with spans")


def test_flag_reasons_highlight_the_words_they_quote(qtbot: Any, signed_in_client: ApiClient,
                                                     qtmodeltester: Any, shots: Path) -> None:
    flag, listing = _flag_with_spans(signed_in_client)
    view = FlagView()
    qtbot.addWidget(view)
    view.resize(520, 360)
    view.show_flag(flag, listing)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == len(flag["reasons"])
    text = listing_text(listing)
    expected = sorted({(s[0], s[1]) for r in flag["reasons"] for s in r.get("spans") or []})
    assert view.text.highlighted_fragments() == [text[a:b] for a, b in expected]
    # A rule reason quotes the words it matched: the highlight is exactly those words.
    for row, reason in enumerate(flag["reasons"]):
        quoted = re.findall(r"“(.+?)”", reason.get("text") or "")
        if quoted and reason.get("spans"):
            view.reasons.selectRow(row)
            assert [text[a:b] for a, b in view.text.emphasized] == [text[s[0]:s[1]] for s in reason["spans"]]
            assert quoted[0] in view.text.highlighted_fragments()[0] or \
                any(quoted[0] == text[s[0]:s[1]] for s in reason["spans"])
            break
    view.show()
    for scheme in ("light", "dark"):
        theme.apply_theme(QApplication.instance(), scheme)
        view.grab().save(str(shots / f"flag-view-{scheme}.png"))
    theme.apply_theme(QApplication.instance(), "light")


def test_a_flag_without_spans_or_weights_still_reads(qtbot: Any) -> None:
    view = FlagView()
    qtbot.addWidget(view)
    view.show_flag({"id": 1, "policy": "counterfeit", "score": 0.8, "source": "member_report", "status": "open",
                    "reasons": ["Reported by a buyer"]},
                   {"title": "Bag", "description": "Nice bag"})
    assert view.model.index(0, 2).data() == "Reported by a buyer"
    assert view.model.index(0, 3).data() == "—"
    assert view.text.toPlainText() == "Bag\nNice bag"
    assert view.text.highlighted_fragments() == []
