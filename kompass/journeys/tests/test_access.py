"""Access table of the journey guide's staff pages (public pages need no login)."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/journeys/board/", "/journeys/awareness/manage/", "/journeys/awareness/fake-job-offers/edit/"]
EXPECTED = {
    "anonymous": (302, 302, 302),
    "coordinator": (403, 200, 200),
    "org_admin_a": (200, 200, 403),
    "caseworker_a": (200, 403, 403),
    "frontline_a": (200, 403, 403),
    "trainer_a": (403, 403, 403),
    "auditor": (403, 403, 403),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_staff_pages_access_table(client, login, orgs, name):
    login(client, name)
    assert tuple(client.get(url).status_code for url in PAGES) == EXPECTED[name]


@pytest.mark.parametrize(
    "url", ["/journeys/", "/journeys/awareness/", "/journeys/follow/", "/journeys/offline/", "/directory/"]
)
def test_public_pages_need_no_login_and_set_no_session(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
