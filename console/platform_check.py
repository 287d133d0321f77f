"""Before Qt starts: can it open a window here? If not, say how to fix it.

Qt aborts the process (``qt.qpa.plugin: Could not load the Qt platform plugin
"xcb"`` and a core dump) when its Linux platform plugin misses a system
library, which is what a stock Debian or Ubuntu desktop without
``libxcb-cursor0`` does. :func:`problem` finds that out first, with ``ldd`` on
the plugin, and ``console.app.main`` prints the fix and exits instead. No Qt is
imported here.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

#: The Debian/Ubuntu and Fedora packages Qt 6's xcb plugin needs beyond a base system.
DEBIAN_PACKAGES = ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
                   "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
                   "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3")
FEDORA_PACKAGES = ("xcb-util-cursor", "libxkbcommon-x11", "xcb-util-wm", "xcb-util-image", "xcb-util-keysyms",
                   "xcb-util-renderutil", "libglvnd-egl", "libglvnd-glx", "fontconfig", "dbus-libs")
CJK_FONT = {"debian": "fonts-noto-cjk", "fedora": "google-noto-sans-cjk-fonts"}


def fix_text(missing: list[str] | None = None) -> str:
    """What to install (and how to run without a screen)."""
    lines = []
    if missing:
        lines.append("Missing: " + ", ".join(missing))
    lines += [
        "Install the system libraries Qt needs, then run again:",
        "  Debian/Ubuntu: sudo apt install " + " ".join(DEBIAN_PACKAGES) + " " + CJK_FONT["debian"],
        "  Fedora:        sudo dnf install " + " ".join(FEDORA_PACKAGES) + " " + CJK_FONT["fedora"],
        "Without a screen (servers, CI): QT_QPA_PLATFORM=offscreen python main.py ...",
    ]
    return "\n".join(lines)


def _qt_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def missing_libraries(platform: str = "xcb") -> list[str]:
    """Shared libraries the ``platform`` plugin (and its Qt library) cannot find."""
    qt = _qt_dir()
    ldd = shutil.which("ldd")
    if qt is None or ldd is None:
        return []
    files = [qt / "plugins" / "platforms" / f"libq{platform}.so"]
    if platform == "xcb":
        files.append(qt / "lib" / "libQt6XcbQpa.so.6")
    missing: list[str] = []
    for file in files:
        if not file.exists():
            continue
        try:
            out = subprocess.run([ldd, str(file)], capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        for line in out.splitlines():
            if "not found" in line:
                name = line.split("=>")[0].strip()
                if name not in missing:
                    missing.append(name)
    return missing


def problem(environ: os._Environ[str] | dict[str, str] | None = None) -> str:
    """Why Qt could not open a window here, with the fix; "" when it can (or
    when this is not Linux, where Qt brings what it needs)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return ""
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return ""  # offscreen, wayland, vnc ...: Qt reports its own errors clearly enough
    if not env.get("DISPLAY"):
        if env.get("WAYLAND_DISPLAY") and not platform:
            return ""
        return ("anzen: there is no display to open a window on (DISPLAY is not set).\n"
                "Run it in a desktop session, or without a screen: QT_QPA_PLATFORM=offscreen python main.py ...")
    missing = missing_libraries("xcb")
    if not missing:
        return ""
    return "anzen: Qt cannot load its \"xcb\" platform plugin (the one that opens windows on Linux).\n" + \
        fix_text(missing)
