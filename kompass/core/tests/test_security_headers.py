"""Content-Security-Policy, no-store on private answers, no long-lived cookie for visitors (#13.10)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted([*ROOT.glob("templates/**/*.html"), *ROOT.glob("kompass/*/templates/**/*.html")])
# Rendered into PDFs by WeasyPrint on the server, never served to a browser: their <style> stays.
PDF_TEMPLATES = {
    "plan_pdf.html",
    "report_pdf.html",
    "certificate.html",
    "summary_pdf.html",
    "handout_pdf.html",
}


def _policy(response) -> dict[str, list[str]]:
    directives = [
        part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip()
    ]
    return {d[0]: d[1:] for d in directives}


def test_templates_hold_no_inline_script_handler_or_style():
    assert len(TEMPLATES) > 100
    problems = []
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag and 'type="application/json"' not in tag:
                problems.append(f"{path}: inline script {tag}")
        if re.search(r"\son[a-z]+\s*=", text):
            problems.append(f"{path}: inline event handler")
        if re.search(r"\sstyle\s*=", text) or (path.name not in PDF_TEMPLATES and "<style" in text):
            problems.append(f"{path}: inline style")
        if "javascript:" in text:
            problems.append(f"{path}: javascript: URL")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("url", ["/", "/uk/directory/", "/screening/", "/accounts/login/", "/api/v1/"])
def test_every_answer_carries_a_strict_policy(client, url):
    policy = _policy(client.get(url))
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["default-src"] == ["'self'"]
    joined = " ".join(v for values in policy.values() for v in values)
    assert "unsafe-inline" not in joined and "unsafe-eval" not in joined and "*" not in joined


@pytest.mark.parametrize(
    "url", ["/staff/", "/cases/", "/referrals/", "/audit/", "/journeys/board/", "/admin/", "/"]
)
def test_pages_seen_by_signed_in_staff_are_never_stored(client, login, url):
    login(client, "org_admin_a")
    response = client.get(url)
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= cache_control, (url, response["Cache-Control"])


def test_case_pages_and_case_api_answers_are_never_stored(client, login, persona):
    from kompass.cases.tests.factories import make_case

    login(client, "caseworker_a")
    user = persona("caseworker_a")
    case = make_case(user.memberships.get().organisation, user)
    for url in (f"/cases/{case.code}/", f"/api/v1/cases/{case.code}", "/api/v1/cases/", "/api/v1/referrals/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_token_api_answers_are_never_stored(client, persona):
    from kompass.api.auth import issue_token

    user = persona("caseworker_a")
    _token, secret = issue_token(membership=user.memberships.get(), name="test")
    response = client.get("/api/v1/cases/", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_public_pages_set_no_cookie_and_stay_cacheable(client):
    for url in ("/", "/uk/directory/", "/journeys/", "/ro/online/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, (url, response.cookies)
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_a_public_form_sets_only_a_session_length_csrf_cookie(client):
    """#13.10: a public form left a one-year csrftoken on the phone of a person at risk."""
    response = client.get(reverse("online:report"))
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie.value
    assert not cookie["max-age"] and not cookie["expires"]
    assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}
