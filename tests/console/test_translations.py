"""The Japanese translation is complete and current (issue 16):

- ``pyside6-lupdate`` finds no string in console/, widgets/ and resources/
  that the committed ``.ts`` lacks, and the ``.ts`` has no unfinished or
  obsolete message;
- the committed ``.qm`` is what ``pyside6-lrelease`` builds from the ``.ts``;
- placeholders survive translation;
- no user-visible literal is left outside ``tr()`` (an AST scan of the calls
  that put text on screen, with an allow-list for what is not text);
- every code the service's enums send has words in :mod:`widgets.wording`.
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resources.translations import update

REPO = Path(__file__).resolve().parents[2]
TS = update.ts_path("ja")
QM = update.qm_path("ja")


def messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).iter("message"))


def test_the_ts_is_complete_and_nothing_is_obsolete() -> None:
    unfinished = [m.findtext("source") for m in messages(TS)
                  if m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")]
    assert not unfinished, f"{len(unfinished)} untranslated or obsolete: {unfinished[:10]}"


def test_lupdate_finds_nothing_new(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    update.lupdate(copy, no_obsolete=False)
    fresh = messages(copy)
    new = [m.findtext("source") for m in fresh if m.find("translation").get("type") == "unfinished"]
    gone = [m.findtext("source") for m in fresh if m.find("translation").get("type") in ("obsolete", "vanished")]
    assert not new, f"strings not in the .ts yet (run python -m resources.translations.update): {new[:10]}"
    assert not gone, f"strings no longer in the code (run python -m resources.translations.update): {gone[:10]}"


def test_the_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    update.lrelease(TS, built)
    assert QM.read_bytes() == built.read_bytes(), "run python -m resources.translations.update and commit the .qm"


def test_placeholders_survive_translation() -> None:
    placeholder = re.compile(r"\{[^{}]*\}")
    wrong = []
    for message in messages(TS):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if sorted(placeholder.findall(source)) != sorted(placeholder.findall(translation)):
            wrong.append((source, translation))
        if re.search(r"&[A-Za-z]", source) and "&" not in translation:
            wrong.append((source, translation))  # a lost keyboard mnemonic
    assert not wrong, wrong[:5]


# -- no user-visible literal outside tr() ------------------------------------------------------

#: Calls whose string arguments people read.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "setTitle", "addItem",
    "addItems", "addTab", "insertTab", "addMenu", "addAction", "showMessage", "show_message", "setInformativeText",
    "setWhatsThis", "setHtml", "setPlainText", "addRow", "setLabelText", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QDockWidget", "QToolBar", "QMessageBox", "setHeaderLabels",
    "setHorizontalHeaderLabels", "info", "error", "Message", "Column", "QListWidgetItem", "setButtonText",
    "addButton", "setItemText",
}
#: (file, literal) pairs that are not text for people: markup, codes, names.
ALLOWED = {
    ("console/main_window.py", "—"),
}
SCANNED = ("console", "widgets", "resources")


def _words(value: str) -> bool:
    """Whether ``value`` reads as words (two letters in a row), not a symbol, markup or number."""
    stripped = re.sub(r"<[^>]+>|&\w+;|\{[^{}]*\}", "", value)
    return bool(re.search(r"[A-Za-z]{2,}|[\u3040-\u30ff\u4e00-\u9fff]", stripped))


def untranslated_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_CALLS:
            continue
        if name in ("info", "error") and getattr(getattr(func, "value", None), "id", "") != "messages":
            continue  # loggers
        arguments = list(node.args) + [keyword.value for keyword in node.keywords
                                       if keyword.arg not in ("objectName", "kind", "key", "id_key", "status_key")]
        if name == "Column":
            arguments = node.args[1:2]  # Column(key, title, ...): the title
        elif name == "addItem":
            arguments = node.args[:1]  # addItem(text, data): the data is a code
        elif name in ("addTab", "insertTab"):
            arguments = node.args[1:2]
        for argument in arguments:
            for literal in _literals(argument):
                if _words(literal):
                    found.append((node.lineno, literal))
    return found


def _literals(node: ast.AST) -> list[str]:
    """Plain string literals in ``node`` that are not inside a tr()/QT_TR_NOOP() call."""
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("tr", "trn", "QT_TR_NOOP", "translate", "format", "label", "when", "yen"):
            if name == "format" and isinstance(func, ast.Attribute):
                return _literals(func.value)
            return []
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(part.value for part in node.values if isinstance(part, ast.Constant))]
    if isinstance(node, ast.BinOp):
        return _literals(node.left) + _literals(node.right)
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [literal for value in node.values for literal in _literals(value)]
    return []


@pytest.mark.parametrize("folder", SCANNED)
def test_no_user_visible_literal_outside_tr(folder: str) -> None:
    problems = []
    for path in sorted((REPO / folder).rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for line, literal in untranslated_literals(path):
            if (relative, literal) not in ALLOWED:
                problems.append(f"{relative}:{line}: {literal!r}")
    assert not problems, "user-visible text outside tr():\n" + "\n".join(problems)


#: The service enums whose values the console shows through ``fmt.label``. A new
#: screen that shows another enum's codes adds it here (and its words to wording.py).
WORDED_ENUMS = {"Role", "MemberRole", "TransactionStatus", "ApprovalStatus", "Policy", "FlagSource", "FlagStatus",
                "MemberStatus", "RecallStatus", "MatchStatus", "ReturnStatus", "RatingScore", "InquiryCategory",
                "InquiryStatus", "MessageKind", "ListingStatus", "SanctionKind", "AppealStatus", "Pattern"}


def test_every_service_code_has_words() -> None:
    from widgets import wording

    enums = []
    for path in (REPO / "backend").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in WORDED_ENUMS:
                enums += [(node.name, statement.value.value) for statement in node.body
                          if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)]
    missing = [(name, value) for name, value in enums if value not in wording.LABELS]
    assert not missing, missing
