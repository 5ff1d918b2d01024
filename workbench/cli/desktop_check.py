"""Before the window opens: does this Linux desktop have the libraries Qt's xcb platform needs?

Without them Qt aborts with "Could not load the Qt platform plugin "xcb"", naming a
library that is often installed; the ones actually missing are only in ``ldd``'s
output of the plugin. This check reads that output and prints the one install line
that fixes it (``make run`` runs this file first; the GUI commands run it too).
It imports no Qt: it must work exactly when Qt cannot start.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# Every system library the PySide6 6.11 xcb plugin loads (``ldd libqxcb.so``, the Qt
# libraries themselves come with the wheel), and the package that holds it on
# Debian/Ubuntu and on Fedora. README.md's two install lines list these packages.
PACKAGES: dict[str, tuple[str, str]] = {
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}
INSTALLERS = {"debian": "sudo apt-get install", "fedora": "sudo dnf install"}


def checks_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt will load the xcb plugin: asked for by name, or the default on a desktop
    without Wayland (offscreen, wayland, vnc ... need none of these libraries)."""
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    return platform == "xcb" or (platform == "" and not env.get("WAYLAND_DISPLAY"))


def xcb_plugin() -> Path | None:
    """The xcb plugin of the installed PySide6, found without importing it."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def ldd_output(library: Path) -> str:
    """What the system's dynamic loader would load for ``library``, as ``ldd`` prints it."""
    done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, check=False)
    return done.stdout


def missing_libraries(ldd_text: str) -> list[str]:
    """The libraries ``ldd`` could not find (``libname.so.N => not found``), each once."""
    missing: list[str] = []
    for line in ldd_text.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def distro_family(os_release: str) -> str | None:
    """"debian" or "fedora" from /etc/os-release's ID and ID_LIKE; None for other systems."""
    words: list[str] = []
    for line in os_release.splitlines():
        key, _, value = line.partition("=")
        if key in ("ID", "ID_LIKE"):
            words.extend(value.strip().strip('"').split())
    if any(w in ("debian", "ubuntu") for w in words):
        return "debian"
    if any(w in ("fedora", "rhel", "centos") for w in words):
        return "fedora"
    return None


def install_line(missing: list[str], family: str) -> str:
    """The one command that installs the packages holding ``missing`` on ``family``;
    a library no package is known for is named as it is."""
    column = 0 if family == "debian" else 1
    packages: list[str] = []
    for name in missing:
        package = PACKAGES[name][column] if name in PACKAGES else name
        if package not in packages:
            packages.append(package)
    return f"{INSTALLERS[family]} {' '.join(packages)}"


def report(missing: list[str], family: str | None) -> str:
    """What to tell the user: the missing libraries and the line that installs them (both
    distributions' lines when this one is neither)."""
    families = [family] if family else list(INSTALLERS)
    lines = [f"cluster-workbench: Qt's xcb platform cannot start: missing system "
             f"{'library' if len(missing) == 1 else 'libraries'} {', '.join(missing)}"]
    lines += [f"  install with: {install_line(missing, f)}" for f in families]
    lines.append("  (or run without a display: QT_QPA_PLATFORM=offscreen)")
    return "\n".join(lines)


def check(env: Mapping[str, str]) -> str | None:
    """None when the window can start as far as libraries go, else the report to print."""
    plugin = xcb_plugin()
    if not checks_xcb(env) or plugin is None or shutil.which("ldd") is None:
        return None
    missing = missing_libraries(ldd_output(plugin))
    if not missing:
        return None
    release = Path("/etc/os-release")
    return report(missing, distro_family(release.read_text() if release.exists() else ""))


def main() -> int:
    problem = check(os.environ)
    if problem is None:
        return 0
    print(problem, file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
