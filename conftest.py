"""Shared fixtures: the demo personas, logging in with both factors, and the browser."""

import os
from pathlib import Path

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kompass.accounts.models import User
from kompass.organisations.models import Membership, Organisation

REPO = Path(__file__).resolve().parent
SCREENSHOTS = REPO / "var" / "screenshots"
PASSWORD = "correct-horse-battery-staple-42"

# persona → (organisation key, role[, audit scope])
PERSONAS = {
    "coordinator": ("coord", Membership.Role.COORDINATOR),
    "org_admin_a": ("a", Membership.Role.ORG_ADMIN),
    "caseworker_a": ("a", Membership.Role.CASEWORKER),
    "frontline_a": ("a", Membership.Role.FRONTLINE),
    "trainer_a": ("a", Membership.Role.TRAINER),
    # The platform auditor (whole trail, national statistics) and an auditor of organisation A only.
    "auditor": ("coord", Membership.Role.AUDITOR, Membership.AuditScope.PLATFORM),
    "auditor_a": ("a", Membership.Role.AUDITOR, Membership.AuditScope.ORGANISATION),
    "org_admin_b": ("b", Membership.Role.ORG_ADMIN),
    "caseworker_b": ("b", Membership.Role.CASEWORKER),
    # Serbia's NRM coordinator and the regional body (counts across countries only), issue #20.
    "coordinator_rs": ("coord_rs", Membership.Role.COORDINATOR),
    "regional": ("regional", Membership.Role.REGIONAL),
}

# Organisations made only when a test's persona needs them (the three above are always there).
LAZY_ORGS = {
    "coord_rs": {"name": "Centre for Victim Protection (test)", "country": "RS", "city": "Belgrade",
                 "kind": Organisation.Kind.STATE, "is_national_coordinator": True},
    "regional": {"name": "Regional Forum (test)", "country": "MD", "city": "Chișinău",
                 "kind": Organisation.Kind.INTERNATIONAL},
}  # fmt: skip


@pytest.fixture
def orgs(db) -> dict[str, Organisation]:
    return {
        "coord": Organisation.objects.create(
            name="National Agency against Trafficking",
            country="RO",
            city="Bucharest",
            kind=Organisation.Kind.STATE,
            is_national_coordinator=True,
        ),
        "a": Organisation.objects.create(
            name="Organisation A", country="RO", city="Iași", kind=Organisation.Kind.NGO
        ),
        "b": Organisation.objects.create(
            name="Organisation B", country="RS", city="Novi Sad", kind=Organisation.Kind.NGO
        ),
    }


@pytest.fixture
def org_a(orgs) -> Organisation:
    return orgs["a"]


@pytest.fixture
def org_b(orgs) -> Organisation:
    return orgs["b"]


@pytest.fixture
def coordinator_org(orgs) -> Organisation:
    return orgs["coord"]


@pytest.fixture
def persona(orgs):
    """`persona("caseworker_a")` → that user (created once per test), with a confirmed TOTP device."""
    cache: dict[str, User] = {}

    def make(name: str) -> User | None:
        if name == "anonymous":
            return None
        if name not in cache:
            org_key, role, *scope = PERSONAS[name]
            if org_key not in orgs:
                orgs[org_key] = Organisation.objects.create(**LAZY_ORGS[org_key])
            user = User.objects.create_user(
                f"{name}@example.org", PASSWORD, full_name=name.replace("_", " ").title()
            )
            Membership.objects.create(
                user=user, organisation=orgs[org_key], role=role, audit_scope=scope[0] if scope else ""
            )
            TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            cache[name] = user
        return cache[name]

    return make


@pytest.fixture
def login(persona):
    """`login(client, "caseworker_a")` → the user, logged in with password and second factor."""

    def do(client, name: str) -> User | None:
        user = persona(name)
        if user is None:
            client.logout()
            return None
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
        session.save()
        return user

    return do


# Browser tests: Debian's chromium driven by Playwright (no browser download).
CHROMIUM = os.environ.get("KOMPASS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def watch_csp(page) -> list[str]:
    """Every Content-Security-Policy violation the page reports (Chromium logs each to the console)."""
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    return violations


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make deps` (it installs Debian's chromium).")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # Service workers' own requests then obey context.set_offline (and routes), so that an offline
    # test really is offline for the worker too, not only for the page.
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
    )
    page = context.new_page()
    violations = watch_csp(page)
    yield page
    context.close()
    assert violations == [], "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def screenshot():
    def take(page, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Real hashing is deliberately slow; tests only need it to be correct.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Uploaded files of a test stay in its own folder.
    settings.MEDIA_ROOT = tmp_path / "media"
    # Rate-limit counts (and anything else cached) do not carry over from one test to the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request to /uk/… activates Ukrainian in the test thread; start every test in English.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
