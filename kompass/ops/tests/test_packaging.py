"""The lock installs on Python 3.11, 3.12 and 3.13 (CI runs 3.11; current Debian and Ubuntu ship newer)."""

import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
LOCK = tomllib.loads((REPO / "uv.lock").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_supported_pythons_are_declared_and_locked():
    assert PROJECT["requires-python"] == ">=3.11,<3.14"
    assert LOCK["requires-python"] == ">=3.11, <3.14"


@pytest.mark.parametrize("tag", ["cp311", "cp312", "cp313"])
def test_every_compiled_package_has_a_linux_wheel_for(tag):
    missing = []
    for package in LOCK["package"]:
        wheels = [w["url"].rsplit("/", 1)[1] for w in package.get("wheels", [])]
        if not wheels or any("-none-" in w for w in wheels) or package["name"] == "pywin32":
            continue  # pure Python, or a wheel for every Python (pywin32: Windows only)
        if not any((f"-{tag}-" in w or "abi3" in w) and "manylinux" in w and "x86_64" in w for w in wheels):
            missing.append(f"{package['name']} {package['version']}")
    assert missing == []
