"""Getting back in (issue #16, point 6): password reset by e-mail, one-time recovery codes, and an
organisation administrator's reset of a member's second factor. All audited, in five languages."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from kompass.accounts.tests.test_login import _password_step, _totp_now
from kompass.audit.models import AuditEvent
from kompass.organisations.models import Membership

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ro", "uk", "ru", "sr-latn"]
NEW_PASSWORD = "a-new-long-passphrase-77"


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


# --- password reset --------------------------------------------------------------------------------


def test_reset_answers_the_same_for_known_and_unknown_addresses(client, persona):
    user = persona("caseworker_a")
    known = client.post(reverse("accounts:password_reset"), {"email": user.email})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    events = AuditEvent.objects.filter(action="password_reset_requested").order_by("pk")
    assert [e.detail["known"] for e in events] == [True, False]


def test_reset_link_sets_the_password_once_and_keeps_the_second_factor(client, persona):
    user = persona("caseworker_a")
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = "/" + _link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and b'name="new_password1"' in form_page.content
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert AuditEvent.objects.filter(action="password_reset_completed", actor=user).exists()
    # The link worked once.
    assert b"This link does not work any more" in client.get(link, follow=True).content
    # The new password is the first factor; the authenticator is still asked for.
    assert _password_step(client, user, PASSWORD).status_code == 200  # the old password is refused
    assert _password_step(client, user, NEW_PASSWORD)["Location"] == reverse("accounts:two_factor")


def test_reset_link_expires_as_djangos_token(client, persona, settings):
    # Django's token: valid for PASSWORD_RESET_TIMEOUT seconds (here shortened to one second).
    settings.PASSWORD_RESET_TIMEOUT = 1
    user = persona("caseworker_a")
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = "/" + _link(mail.outbox[0])
    time.sleep(2.1)
    assert b"This link does not work any more" in client.get(link, follow=True).content


def test_reset_requests_are_rate_limited(client, persona, settings):
    settings.KOMPASS_RATE_LIMITS = {**settings.KOMPASS_RATE_LIMITS, "password_reset": "2/h"}
    user = persona("caseworker_a")
    for _ in range(2):
        assert client.post(reverse("accounts:password_reset"), {"email": user.email}).status_code == 302
    assert client.post(reverse("accounts:password_reset"), {"email": user.email}).status_code == 429
    assert len(mail.outbox) == 2


def test_reset_mail_is_in_the_accounts_language(client, persona):
    user = persona("caseworker_a")
    user.preferred_language = "uk"
    user.save()
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    with translation.override("uk"):
        assert mail.outbox[0].subject == translation.gettext("Reset your Kompass password")
    assert mail.outbox[0].subject != "Reset your Kompass password"


# --- recovery codes ----------------------------------------------------------------------------------


def _enrol(client, user) -> list[str]:
    """First login: enrol the authenticator; the recovery codes page shows the codes once."""
    user.totpdevice_set.all().delete()
    _password_step(client, user)
    client.get(reverse("accounts:two_factor"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"token": _totp_now(device)})
    assert response["Location"] == reverse("accounts:recovery_codes")
    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", page)


def test_enrolment_shows_ten_codes_once_and_offers_a_download(client, persona):
    user = persona("caseworker_a")
    codes = _enrol(client, user)
    assert len(codes) == 10 and len(set(codes)) == 10
    download = client.get(reverse("accounts:recovery_codes_download"))
    assert download["Content-Disposition"].startswith("attachment")
    assert all(code in download.content.decode() for code in codes)
    client.post(reverse("accounts:recovery_codes"))
    # Shown once: afterwards the page and the download lead to the security page, without codes.
    again = client.get(reverse("accounts:recovery_codes"), follow=True).content.decode()
    assert not any(code in again for code in codes)
    assert client.get(reverse("accounts:recovery_codes_download"))["Location"] == reverse("accounts:security")
    assert AuditEvent.objects.filter(action="recovery_codes_generated", actor=user).exists()


def test_a_recovery_code_opens_the_second_step_once(client, persona):
    user = persona("caseworker_a")
    codes = _enrol(client, user)
    client.post(reverse("accounts:recovery_codes"))
    client.post(reverse("accounts:logout"))
    _password_step(client, user)
    response = client.post(reverse("accounts:two_factor"), {"token": codes[0].upper()})
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200
    event = AuditEvent.objects.get(action="login_recovery_code", actor=user)
    assert event.detail["left"] == 9
    client.post(reverse("accounts:logout"))
    _password_step(client, user)
    assert client.post(reverse("accounts:two_factor"), {"token": codes[0]}).status_code == 200
    assert client.get(reverse("core:dashboard"))["Location"] == reverse("accounts:two_factor")
    assert AuditEvent.objects.filter(action="two_factor_failed", actor=user).exists()


def test_new_codes_end_the_old_ones(client, persona):
    user = persona("caseworker_a")
    old = _enrol(client, user)
    client.post(reverse("accounts:recovery_codes"))
    assert "10" in client.get(reverse("accounts:security")).content.decode()
    response = client.post(reverse("accounts:security"))
    assert response["Location"] == reverse("accounts:recovery_codes")
    new = re.findall(
        r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", client.get(response["Location"]).content.decode()
    )
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticDevice.objects.filter(user=user).count() == 1
    client.post(reverse("accounts:recovery_codes"))
    client.post(reverse("accounts:logout"))
    _password_step(client, user)
    assert client.post(reverse("accounts:two_factor"), {"token": old[1]}).status_code == 200
    time.sleep(1.1)  # django-otp's throttling: after a wrong code, the next try waits a second
    assert client.post(reverse("accounts:two_factor"), {"token": new[1]}).status_code == 302
    assert AuditEvent.objects.filter(action="recovery_codes_generated", actor=user).count() == 2


def test_wrong_recovery_codes_count_towards_the_lockout(client, persona, settings):
    settings.KOMPASS_OTP_FAILURE_LIMIT = 3
    user = persona("caseworker_a")
    codes = _enrol(client, user)
    client.post(reverse("accounts:recovery_codes"))
    client.post(reverse("accounts:logout"))
    _password_step(client, user)
    for _ in range(2):
        assert client.post(reverse("accounts:two_factor"), {"token": "aaaa-bbbb"}).status_code == 200
    assert client.post(reverse("accounts:two_factor"), {"token": "aaaa-bbbb"}).status_code == 403
    _password_step(client, user)
    assert client.post(reverse("accounts:two_factor"), {"token": codes[0]}).status_code == 403


# --- an administrator resets a member's second factor ----------------------------------------------

RESET_ACCESS = {
    "org_admin_a": 200,
    "caseworker_a": 403,
    "frontline_a": 403,
    "trainer_a": 403,
    "auditor_a": 403,
    "org_admin_b": 404,
    "caseworker_b": 403,
    "coordinator": 403,
    "auditor": 403,
    "regional": 403,
    "anonymous": 302,
}


@pytest.mark.parametrize(("name", "status"), RESET_ACCESS.items())
def test_reset_access(client, login, persona, name, status):
    member = Membership.objects.get(user=persona("caseworker_a"))
    login(client, name)
    url = reverse("accounts:reset_second_factor", kwargs={"code": member.code})
    assert client.get(url).status_code == status
    assert client.post(url).status_code == (302 if status == 200 else status)
    assert TOTPDevice.objects.filter(user=member.user).exists() is (status != 200)


def test_an_admin_cannot_reset_their_own_second_factor(client, login):
    admin = login(client, "org_admin_a")
    own = Membership.objects.get(user=admin)
    assert client.get(reverse("accounts:reset_second_factor", kwargs={"code": own.code})).status_code == 403


def test_reset_is_confirmed_audited_told_and_the_member_enrols_again(
    client, login, persona, django_capture_on_commit_callbacks
):
    member_user = persona("caseworker_a")
    StaticDevice.objects.create(user=member_user, name="Recovery codes", confirmed=True)
    member = Membership.objects.get(user=member_user)
    admin = login(client, "org_admin_a")
    page = client.get(member.get_absolute_url()).content.decode()
    url = reverse("accounts:reset_second_factor", kwargs={"code": member.code})
    assert url in page
    confirm = client.get(url).content.decode()
    assert member_user.email in confirm and 'method="post"' in confirm
    assert TOTPDevice.objects.filter(user=member_user).exists()  # nothing happens before the confirm
    with django_capture_on_commit_callbacks(execute=True):
        with_captured = client.post(url)
    assert with_captured["Location"] == member.get_absolute_url()
    assert not TOTPDevice.objects.filter(user=member_user).exists()
    assert not StaticDevice.objects.filter(user=member_user).exists()
    event = AuditEvent.objects.get(action="second_factor_reset")
    assert event.actor == admin and event.organisation == member.organisation
    assert [m.to for m in mail.outbox] == [[member_user.email]]
    # At the next login the member enrols an authenticator again.
    client.post(reverse("accounts:logout"))
    _password_step(client, member_user)
    assert b"<svg" in client.get(reverse("accounts:two_factor")).content


def test_a_session_of_the_member_loses_the_second_factor_at_once(client, login, persona):
    from django.test import Client

    member = Membership.objects.get(user=persona("caseworker_a"))
    member_client = Client()
    login(member_client, "caseworker_a")
    assert member_client.get(reverse("core:dashboard")).status_code == 200
    login(client, "org_admin_a")
    client.post(reverse("accounts:reset_second_factor", kwargs={"code": member.code}))
    assert member_client.get(reverse("core:dashboard"))["Location"] == reverse("accounts:two_factor")


# --- five languages --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_each_language(client, login, persona, language):
    member = Membership.objects.get(user=persona("caseworker_a"))
    pages = {}
    with translation.override(language):
        pages["reset"] = (reverse("accounts:password_reset"), "Reset your password")
        pages["sent"] = (reverse("accounts:password_reset_done"), "Check your e-mail")
        pages["bad_link"] = (
            reverse("accounts:password_reset_confirm", kwargs={"uidb64": "MQ", "token": "x-y"}),
            "This link does not work any more",
        )
        for key, (url, text) in pages.items():
            page = client.get(url).content.decode()
            assert translation.gettext(text) in page, key
            if language != "en":
                assert translation.gettext(text) != text
        login(client, "org_admin_a")
        security = client.get(reverse("accounts:security")).content.decode()
        assert translation.gettext("Make new recovery codes") in security
        confirm = client.get(reverse("accounts:reset_second_factor", kwargs={"code": member.code}))
        assert translation.gettext("Reset the second login step") in confirm.content.decode()
        response = client.post(reverse("accounts:security"))
        codes_page = client.get(response["Location"]).content.decode()
        assert translation.gettext("I have saved my codes") in codes_page
        client.post(reverse("accounts:logout"))
        _password_step(client, persona("org_admin_a"))
        two_factor = client.get(reverse("accounts:two_factor")).content.decode()
        assert translation.gettext("Lost your phone? Use a recovery code") in two_factor
        if language != "en":
            assert translation.gettext("Make new recovery codes") != "Make new recovery codes"
