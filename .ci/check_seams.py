"""Seam rules no linter knows (run by `make lint`; docs/architecture.md, "Layers" and "Access").

1. Nothing outside `kompass/organisations` compares role names: capabilities are properties of
   `Membership` built from the role sets defined once there. Flagged: `x.role == …`, `x.role in …`,
   a queryset or `Q` lookup on a role (`filter(role=…)`, `memberships__role__in=…`) and a template
   test on `.role`. Giving a role (`Membership(role=…)`, `create(role=…)`) is not a comparison.
2. No app imports another app's private names (`from kompass.cases.views import _helper`).

Tests, migrations and the demo data (which gives fictional members their roles) are not checked.
Usage: python .ci/check_seams.py [ROOT]; exits 1 and names every place found.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

LOOKUPS = {"filter", "exclude", "get", "Q", "count_by", "aggregate", "annotate"}
ROLE_LOOKUP = re.compile(r"(^|__)role(__in|__exact|__iexact)?$")
TEMPLATE_ROLE = re.compile(r"\.role\s*(==|!=|\bin\b|\bnot in\b)|(==|!=|\bin\b)\s*[\w.]*\.role\b")
SKIPPED_PARTS = {"tests", "migrations", "demo"}


def _is_role(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "role"


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def python_findings(path: Path, app: str) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if app != "organisations":
            if isinstance(node, ast.Compare) and any(_is_role(n) for n in [node.left, *node.comparators]):
                found.append(f"{path}:{node.lineno}: compares a role; ask a Membership capability instead")
            if isinstance(node, ast.Call) and _callee(node) in LOOKUPS:
                for keyword in node.keywords:
                    if keyword.arg and ROLE_LOOKUP.search(keyword.arg):
                        found.append(
                            f"{path}:{node.lineno}: looks up by role ({keyword.arg}); "
                            'use Membership.objects.with_capability("…")'
                        )
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = node.module.split(".")
            if len(parts) > 1 and parts[0] == "kompass" and parts[1] != app:
                for alias in node.names:
                    if alias.name.startswith("_"):
                        found.append(
                            f"{path}:{node.lineno}: imports the private {alias.name} of kompass.{parts[1]}; "
                            "move the helper to kompass/lib or make it public in the lower app"
                        )
    return found


def template_findings(path: Path, app: str) -> list[str]:
    if app == "organisations":
        return []
    found = []
    for number, line in enumerate(path.read_text().splitlines(), 1):
        for tag in re.findall(r"{%\s*(?:if|elif)\b(.*?)%}", line):
            if TEMPLATE_ROLE.search(tag):
                found.append(f"{path}:{number}: a template compares a role; test a capability instead")
    return found


def check(root: Path) -> list[str]:
    findings = []
    for path in sorted(root.glob("kompass/**/*.py")) + sorted(root.glob("kompass/**/*.html")):
        relative = path.relative_to(root)
        if SKIPPED_PARTS & set(relative.parts) or relative.name == "demo.py":
            continue
        app = relative.parts[1] if len(relative.parts) > 2 else ""
        if path.suffix == ".py":
            findings += python_findings(path, app)
        else:
            findings += template_findings(path, app)
    for path in sorted(root.glob("templates/**/*.html")):
        findings += template_findings(path, "")
    return findings


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    findings = check(root)
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
