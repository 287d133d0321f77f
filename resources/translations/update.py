"""Update the Japanese translation source and build its .qm.

``python -m resources.translations.update`` runs ``pyside6-lupdate`` over
``console/``, ``widgets/`` and ``resources/`` (keeping translations, dropping
strings no longer in the code) and ``pyside6-lrelease`` on the result. Commit
both ``anzen_ja.ts`` and ``anzen_ja.qm``; ``tests/console/test_translations.py``
fails while the ``.ts`` misses a string, has an unfinished or obsolete one, or
the ``.qm`` is older than its ``.ts``.

Translators edit the ``.ts`` in Qt Linguist (``pyside6-linguist``) or any
text editor; placeholders in braces (``{name}``) must stay as they are.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SOURCES = ("console", "widgets", "resources")
LANGUAGES = ("ja",)


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` beside this interpreter, else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(beside) if beside.exists() else (shutil.which(f"pyside6-{name}") or f"pyside6-{name}")


def ts_path(language: str) -> Path:
    return HERE / f"anzen_{language}.ts"


def qm_path(language: str) -> Path:
    return HERE / f"anzen_{language}.qm"


def lupdate(ts: Path, *, no_obsolete: bool = True) -> str:
    """Run lupdate into ``ts``; its report."""
    command = [tool("lupdate"), "-extensions", "py", "-locations", "relative", "-source-language", "en",
               "-target-language", ts.stem.split("_")[-1], *SOURCES, "-ts", str(ts)]
    if no_obsolete:
        command.insert(1, "-no-obsolete")
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> str:
    done = subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], cwd=REPO, capture_output=True, text=True,
                          check=True)
    return done.stdout + done.stderr


def main() -> int:
    for language in LANGUAGES:
        print(lupdate(ts_path(language)), end="")
        print(lrelease(ts_path(language), qm_path(language)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
