"""Access table of every directory page: persona → status."""

import pytest

from kompass.directory.models import Entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry_a(org_a):
    return Entry.objects.create(
        organisation=org_a, name="Iași office", kind="office", country="RO", status="pending"
    )


PAGES = {
    "search": ("/directory/", {}),
    "numbers": ("/directory/numbers/", {}),
    "manage": ("/directory/manage/", {}),
    "new": ("/directory/manage/new/", {}),
    "export": ("/directory/manage/export.csv", {}),
    "manage_entry": ("/directory/manage/{code}/", {}),
}
EXPECTED = {
    #               search numbers manage new export manage_entry
    "anonymous":    (200, 200, 302, 302, 302, 302),
    "coordinator":  (200, 200, 200, 200, 200, 200),
    "org_admin_a":  (200, 200, 200, 200, 403, 200),
    "caseworker_a": (200, 200, 403, 403, 403, 403),
    "frontline_a":  (200, 200, 403, 403, 403, 403),
    "auditor":      (200, 200, 403, 403, 403, 403),
    "org_admin_b":  (200, 200, 200, 200, 403, 404),
}  # fmt: skip


@pytest.mark.parametrize("name", list(EXPECTED))
def test_directory_access_table(client, login, entry_a, name):
    login(client, name)
    got = tuple(
        client.get(url.format(code=entry_a.code), params).status_code for url, params in PAGES.values()
    )
    assert got == EXPECTED[name]


@pytest.mark.parametrize(("name", "status"), [("coordinator", 302), ("org_admin_a", 302), ("org_admin_b", 404),
                                              ("caseworker_a", 403), ("anonymous", 302)])  # fmt: skip
def test_status_change_access(client, login, entry_a, name, status):
    login(client, name)
    entry_a.status = "draft"
    entry_a.save()
    response = client.post(f"/directory/manage/{entry_a.code}/status/pending/")
    assert response.status_code == status
    entry_a.refresh_from_db()
    assert (entry_a.status == "pending") == (name in ("coordinator", "org_admin_a"))
