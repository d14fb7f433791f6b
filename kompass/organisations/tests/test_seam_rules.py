"""`make lint` fails on a role compared outside organisations and on a private import across apps."""

import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
check = runpy.run_path(str(ROOT / ".ci" / "check_seams.py"))["check"]


def test_the_repository_keeps_the_rules():
    assert check(ROOT) == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("kompass/cases/views.py", "if request.membership.role == 'caseworker':\n    pass\n"),
        ("kompass/journeys/selectors.py", "x = membership.role in {'frontline'}\n"),
        ("kompass/training/services.py", "Membership.objects.filter(role=Membership.Role.TRAINER)\n"),
        ("kompass/stats/views.py", "Case.objects.filter(owner__memberships__role__in=['org_admin'])\n"),
        ("kompass/cases/models.py", "q = Q(memberships__role='auditor')\n"),
        ("kompass/referrals/views.py", "from kompass.cases.views import _add_errors\n"),
        ("kompass/cases/templates/cases/x.html", "{% if membership.role == 'caseworker' %}x{% endif %}\n"),
        ("templates/base.html", "{% if 'coordinator' == request.membership.role %}x{% endif %}\n"),
    ],
)
def test_a_role_comparison_or_private_import_is_found(tmp_path, path, source):
    target = tmp_path / path
    target.parent.mkdir(parents=True)
    target.write_text(source)
    assert len(check(tmp_path)) == 1


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("kompass/organisations/models.py", "x = membership.role in CASE_ROLES\n"),
        ("kompass/organisations/services.py", "Membership.objects.create(user=u, role=role)\n"),
        ("kompass/accounts/views.py", "m = Membership(user=u, role='caseworker')\n"),
        ("kompass/cases/views.py", "from kompass.cases.forms import _private\n"),
        ("kompass/cases/tests/test_x.py", "assert membership.role == 'caseworker'\n"),
        ("kompass/cases/templates/cases/x.html", '<div role="alert">x</div>\n'),
    ],
)
def test_giving_roles_and_own_private_names_are_allowed(tmp_path, path, source):
    target = tmp_path / path
    target.parent.mkdir(parents=True)
    target.write_text(source)
    assert check(tmp_path) == []
