"""`make lint` fails on a new import against the layers and on a type error in a service.

(A role compared outside organisations: `organisations/tests/test_seam_rules.py`.) Each test runs
the real tool with the repository's own configuration from `pyproject.toml` on a bad file, and on
the same tree without it, so that the tool's answer is what changes.
"""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]


def _toml_value(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # strings, booleans and lists of strings read the same


def _layers_tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A `kompass` package with every app the contracts name (empty), `files` added, and the
    repository's import-linter configuration."""
    settings = CONFIG["importlinter"]
    packages = {settings["root_package"]}
    for contract in settings["contracts"]:
        for layer in contract.get("layers", []):
            packages |= {name.strip() for name in layer.split("|")}
    for package in packages:
        folder = tmp_path.joinpath(*package.split("."))
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").touch()
    for path, source in files.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        for parent in target.relative_to(tmp_path).parents:
            if parent != Path("."):
                (tmp_path / parent / "__init__.py").touch()
        target.write_text(source)
    lines = ["[tool.importlinter]"]
    lines += [f"{k} = {_toml_value(v)}" for k, v in settings.items() if k != "contracts"]
    for contract in settings["contracts"]:
        lines.append("[[tool.importlinter.contracts]]")
        lines += [f"{k} = {_toml_value(v)}" for k, v in contract.items()]
        # The copy has only the files above: the repository's ignores for tests may match nothing.
        lines.append('unmatched_ignore_imports_alerting = "none"')
    config = tmp_path / "pyproject.toml"
    config.write_text("\n".join(lines) + "\n")
    return config


def _lint_imports(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess:
    config = _layers_tree(tmp_path, files)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [BIN / "lint-imports", "--config", str(config), "--no-cache", "--no-logo"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("path", "source", "chain"),
    [
        # cases never uses referrals (it reads their grants through what referrals registers).
        (
            "kompass/cases/visibility.py",
            "from kompass.referrals import grants\n",
            "kompass.cases.visibility -> kompass.referrals",
        ),
        (
            "kompass/cases/permissions.py",
            "import kompass.referrals.models\n",
            "kompass.cases.permissions -> kompass.referrals",
        ),
        # api, organisations, audit and lib depend on no domain app.
        ("kompass/api/core.py", "from kompass.cases import models\n", "kompass.api.core -> kompass.cases"),
        (
            "kompass/organisations/models.py",
            "from kompass.training import models\n",
            "kompass.organisations.models -> kompass.training",
        ),
        (
            "kompass/lib/places.py",
            "from kompass.directory import codes\n",
            "kompass.lib.places -> kompass.directory",
        ),
    ],
)
def test_an_import_against_the_layers_fails(tmp_path, path, source, chain):
    result = _lint_imports(tmp_path, {path: source})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "BROKEN" in result.stdout and chain in result.stdout


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("kompass/referrals/grants.py", "from kompass.cases import visibility\n"),
        ("kompass/cases/permissions.py", "from kompass.organisations import models\n"),
        ("kompass/cases/tests/test_x.py", "from kompass.referrals import services\n"),
    ],
)
def test_an_import_downwards_or_in_tests_passes(tmp_path, path, source):
    result = _lint_imports(tmp_path, {path: source})
    assert result.returncode == 0, result.stdout + result.stderr


def _mypy(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KOMPASS_DEBUG": "1"}
    return subprocess.run(
        [BIN / "mypy", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_a_type_error_in_a_service_fails_mypy(tmp_path):
    """mypy reads a changed copy of cases/services.py in its place (`--shadow-file`)."""
    services = ROOT / "kompass" / "cases" / "services.py"
    bad = tmp_path / "services.py"
    bad.write_text(
        services.read_text(encoding="utf-8")
        + '\n\ndef _typed_wrong() -> int:\n    return next_reference(year="2026")\n'  # a str for an int, and back
    )
    result = _mypy("--shadow-file", str(services), str(bad))
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Argument "year" to "next_reference" has incompatible type "str"' in result.stdout
    assert 'Incompatible return value type (got "str", expected "int")' in result.stdout


def test_the_services_as_they_are_pass_mypy():
    result = _mypy()
    assert result.returncode == 0, result.stdout + result.stderr
