"""Protected files: Django checks, then nginx sends them (X-Accel-Redirect) when configured."""

from django.core.files.base import ContentFile
from django.urls import reverse

from kompass.cases.models import Attachment
from kompass.cases.tests.factories import make_case


def _attachment(case, user):
    attachment = Attachment(case=case, original_name="Договір оренди.pdf", content_type="application/pdf", size=7,
                            uploaded_by=user)  # fmt: skip
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1\n"), save=False)
    attachment.save()
    return attachment


def _url(attachment):
    return reverse("cases:attachment", kwargs={"code": attachment.case.code, "pk": attachment.pk})


def test_attachment_through_nginx_after_the_permission_check(client, login, org_a, settings):
    settings.ACCEL_REDIRECT_PREFIX = "/_protected/"
    user = login(client, "caseworker_a")
    attachment = _attachment(make_case(owner=org_a, by=user), user)
    response = client.get(_url(attachment))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_protected/" + attachment.file.name
    assert response.content == b""
    assert response["Content-Disposition"] == (
        "attachment; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D1%96%D1%80%20%D0%BE%D1%80%D0%B5%D0%BD%D0%B4%D0%B8.pdf"
    )
    assert "no-store" in response["Cache-Control"]


def test_outsiders_get_no_redirect_header(client, login, org_a, settings):
    settings.ACCEL_REDIRECT_PREFIX = "/_protected/"
    owner = login(client, "caseworker_a")
    attachment = _attachment(make_case(owner=org_a, by=owner), owner)
    login(client, "caseworker_b")
    response = client.get(_url(attachment))
    assert response.status_code == 404 and "X-Accel-Redirect" not in response


def test_without_nginx_django_sends_the_bytes(client, login, org_a):
    user = login(client, "caseworker_a")
    attachment = _attachment(make_case(owner=org_a, by=user), user)
    response = client.get(_url(attachment))
    assert b"".join(response.streaming_content) == b"%PDF-1\n"
    response.close()
    assert "X-Accel-Redirect" not in response
