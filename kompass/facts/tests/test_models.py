import datetime

import pytest
from django.core.exceptions import ValidationError

from kompass.directory.models import Hotline
from kompass.facts.models import fact_model, fact_models, review_cutoff
from kompass.journeys.models import AwarenessPage

pytestmark = pytest.mark.django_db


def test_every_fact_model_is_discovered():
    labels = {m._meta.label_lower for m in fact_models()}
    assert {"directory.hotline", "journeys.awarenesspage"} <= labels
    assert fact_model("directory.hotline") is Hotline and fact_model("accounts.user") is None


def test_due_for_review_is_never_verified_or_older_than_the_cutoff():
    today = datetime.date(2027, 7, 1)
    cutoff = review_cutoff(today)
    Hotline.objects.filter(number="527").update(last_verified=cutoff)
    Hotline.objects.filter(number="102").update(last_verified=cutoff - datetime.timedelta(days=1))
    Hotline.objects.filter(number="1547").update(last_verified=None, is_published=False)
    due = {h.number for h in Hotline.objects.due_for_review(today)}
    assert "527" not in due and "102" in due and "1547" not in due


def test_a_risks_page_without_rights_needs_no_source_but_a_rights_page_does():
    risks = AwarenessPage.objects.get(slug="fake-job-offers")
    assert not risks.source_url
    risks.full_clean()
    rights = AwarenessPage.objects.get(slug="rights-poland")
    rights.source_url = ""
    with pytest.raises(ValidationError):
        rights.full_clean()


def test_a_verification_date_in_the_future_is_refused():
    hotline = Hotline.objects.get(number="527")
    hotline.last_verified = datetime.date.today() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError):
        hotline.full_clean()
