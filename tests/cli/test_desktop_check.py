"""Before the window opens, the libraries Qt's xcb plugin needs: the decision is made on the
real ``ldd`` output of the real plugin, and ``make run``'s check prints the install line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from workbench.cli import desktop_check as dc

PLUGIN = dc.xcb_plugin()
needs_plugin = pytest.mark.skipif(PLUGIN is None or shutil.which("ldd") is None,
                                  reason="PySide6 has no xcb plugin here (not Linux)")


@needs_plugin
def test_the_plugins_libraries_that_ldd_resolves_are_not_reported():
    text = dc.ldd_output(PLUGIN)
    missing = dc.missing_libraries(text)
    resolved = {line.split(" => ")[0].strip() for line in text.splitlines() if " => /" in line}
    assert {"libQt6XcbQpa.so.6", "libQt6Gui.so.6"} <= resolved
    assert not resolved & set(missing)
    assert all(f"{name} => not found" in text for name in missing)
    assert all(name in dc.PACKAGES for name in missing)


@needs_plugin
def test_a_library_the_loader_cannot_find_is_reported_with_its_install_line(tmp_path):
    # Away from the wheel the plugin's $ORIGIN run path finds no Qt libraries: real names
    # the real loader cannot find, next to system ones it can.
    moved = tmp_path / "libqxcb.so"
    shutil.copy(PLUGIN, moved)
    missing = dc.missing_libraries(dc.ldd_output(moved))
    assert "libQt6XcbQpa.so.6" in missing
    assert "libxcb.so.1" not in missing
    assert dc.install_line(missing, "debian").startswith("sudo apt-get install ")
    assert "libQt6XcbQpa.so.6" in dc.install_line(missing, "debian").split()
    assert dc.report(missing, None).count("install with:") == 2


def test_install_lines_name_the_packages_of_each_distribution():
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-randr.so.0",
               "libxcb-shm.so.0"]
    assert dc.install_line(missing, "debian") == (
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-randr0 libxcb-shm0")
    assert dc.install_line(missing, "fedora") == (
        "sudo dnf install xcb-util-wm xcb-util-keysyms libxcb")
    assert dc.distro_family('ID=ubuntu\nID_LIKE=debian\n') == "debian"
    assert dc.distro_family('ID="rocky"\nID_LIKE="rhel centos fedora"\n') == "fedora"
    assert dc.distro_family("ID=arch\n") is None


def test_only_the_xcb_platform_is_checked():
    assert dc.checks_xcb({"DISPLAY": ":0"})
    assert dc.checks_xcb({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})
    assert not dc.checks_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not dc.checks_xcb({"WAYLAND_DISPLAY": "wayland-0"})
    assert dc.check({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_readme_lines_install_every_package_the_check_knows():
    readme = (ROOT / "README.md").read_text()
    apt = next(line for line in readme.splitlines() if line.startswith("sudo apt-get install"))
    dnf = next(line for line in readme.splitlines() if line.startswith("sudo dnf install"))
    assert {deb for deb, _ in dc.PACKAGES.values()} <= set(apt.split())
    assert {rpm for _, rpm in dc.PACKAGES.values()} <= set(dnf.split())


@needs_plugin
def test_make_runs_check_exits_non_zero_with_the_install_line_exactly_when_libraries_miss():
    expected = dc.missing_libraries(dc.ldd_output(PLUGIN))
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, "workbench/cli/desktop_check.py"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == (1 if expected else 0)
    assert ("install with: " in done.stderr) == bool(expected)
    offscreen = subprocess.run([sys.executable, "workbench/cli/desktop_check.py"], cwd=ROOT,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                               capture_output=True, text=True, timeout=60)
    assert (offscreen.returncode, offscreen.stderr) == (0, "")
