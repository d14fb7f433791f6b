"""Persona → status tables for every organisation and membership page."""

import pytest
from django.urls import reverse

STAFF_PERSONAS = [
    "coordinator",
    "org_admin_a",
    "caseworker_a",
    "frontline_a",
    "trainer_a",
    "auditor",
    "org_admin_b",
    "caseworker_b",
    "anonymous",
]


def _expect(table, persona):
    return table[STAFF_PERSONAS.index(persona)]


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", STAFF_PERSONAS)
@pytest.mark.parametrize(
    ("page", "table"),
    [
        #                    coord org_a cw_a  fl_a  tr_a  aud   org_b cw_b  anon
        ("member_of_a", [200, 200, 403, 403, 403, 403, 404, 403, 302]),
        ("org_a_detail", [200, 200, 200, 200, 200, 404, 404, 404, 302]),
        ("org_a_invite", [200, 200, 403, 403, 403, 403, 404, 403, 302]),
        ("org_list", [200, 403, 403, 403, 403, 403, 403, 403, 302]),
        ("org_create", [200, 403, 403, 403, 403, 403, 403, 403, 302]),
        ("dashboard", [200, 200, 200, 200, 200, 200, 200, 200, 302]),
        ("audit", [200, 200, 403, 403, 403, 200, 200, 403, 302]),
        ("admin", [302, 302, 302, 302, 302, 302, 302, 302, 302]),
    ],
)
def test_staff_page_access(client, login, persona, org_a, page, table, persona_name):
    member = persona("caseworker_a").memberships.get()
    urls = {
        "member_of_a": reverse("organisations:member", kwargs={"code": member.code}),
        "org_a_detail": org_a.get_absolute_url(),
        "org_a_invite": reverse("organisations:invite", kwargs={"code": org_a.code}),
        "org_list": reverse("organisations:list"),
        "org_create": reverse("organisations:create"),
        "dashboard": reverse("core:dashboard"),
        "audit": reverse("audit:list"),
        "admin": reverse("admin:index"),
    }
    login(client, persona_name)
    assert client.get(urls[page]).status_code == _expect(table, persona_name)


@pytest.mark.django_db
def test_frontline_cannot_reach_administration(client, login):
    login(client, "frontline_a")
    assert client.get(reverse("admin:index")).status_code == 302
    assert client.get(reverse("organisations:list")).status_code == 403
    assert client.get(reverse("audit:list")).status_code == 403
