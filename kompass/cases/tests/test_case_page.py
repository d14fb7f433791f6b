"""The case list's pages: owned and referred cases merged in order, no count of the whole list."""

import datetime

from django.urls import reverse
from django.utils import timezone

from kompass.cases import selectors
from kompass.cases.models import Case
from kompass.cases.tests.factories import consent_to_share, make_case, offer
from kompass.organisations.permissions import get_membership
from kompass.referrals.services import send_referral


def test_pages_merge_owned_and_referred_cases_by_last_change(persona, org_a, org_b):
    by_a, by_b = persona("caseworker_a"), persona("caseworker_b")
    offer(org_a, "medical_care")
    now = timezone.now()
    expected = []
    for i in range(7):
        if i % 2:
            case = make_case(org_b, by_b)
            consent_to_share(case, org_a, by_b, service="medical_care")
            send_referral(case=case, by=by_b, to_organisation=org_a, service="medical_care")
        else:
            case = make_case(org_a, by_a)
        Case.objects.filter(pk=case.pk).update(updated_at=now - datetime.timedelta(hours=i))
        expected.append(case.reference)
    make_case(org_b, by_b)  # not referred: never listed
    membership = get_membership(by_a)
    pages = [selectors.case_page(membership, user=by_a, filters={}, number=n, per_page=3) for n in (1, 2, 3)]
    assert [[c.reference for c in p.object_list] for p in pages] == [
        expected[0:3],
        expected[3:6],
        expected[6:7],
    ]
    assert [p.has_next for p in pages] == [True, True, False]
    assert not pages[0].has_previous() and pages[2].has_previous()


def test_bad_or_huge_page_numbers_never_fail(client, login, case_of_a):
    login(client, "caseworker_a")
    for page in ("x", "-3", "0", "999999999"):
        response = client.get(reverse("cases:list"), {"page": page})
        assert response.status_code == 200
    body = client.get(reverse("cases:list"), {"page": "1"}).content.decode()
    assert case_of_a.reference in body
