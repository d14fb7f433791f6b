"""The caseworker's dashboard: partners' answers and delivered services since the last visit."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kompass.cases.services import VISIT_GAP, record_dashboard_visit, record_service
from kompass.organisations.permissions import get_membership
from kompass.referrals.services import accept_referral, decline_referral


def test_the_news_window_starts_at_the_previous_visit(persona):
    membership = get_membership(persona("caseworker_a"))
    t0 = timezone.now() - datetime.timedelta(days=3)
    first = record_dashboard_visit(membership=membership, now=t0)
    assert first == t0 - datetime.timedelta(days=14)
    # A reload within the gap is the same visit: the window does not move.
    assert record_dashboard_visit(membership=membership, now=t0 + VISIT_GAP / 2) == first
    later = t0 + datetime.timedelta(days=2)
    assert record_dashboard_visit(membership=membership, now=later) == t0 + VISIT_GAP / 2


def test_sender_sees_accepted_declined_and_delivered_since_last_visit(
    client, login, persona, referred_case, org_b
):
    case = referred_case.case
    login(client, "caseworker_a")
    record_dashboard_visit(
        membership=get_membership(persona("caseworker_a")), now=timezone.now() - datetime.timedelta(days=1)
    )
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    record_service(case=case, by=persona("caseworker_b"), service="medical_care", provider=org_b)
    body = client.get(reverse("cases:dashboard")).content.decode()
    assert "Since your last visit" in body
    assert f"{org_b.name} accepted the referral for Medical care" in body
    assert f"{org_b.name} delivered Medical care" in body
    assert case.reference in body


def test_a_decline_is_news_once_then_not_repeated_on_the_next_visit(client, login, persona, referred_case):
    login(client, "caseworker_a")
    membership = get_membership(persona("caseworker_a"))
    record_dashboard_visit(membership=membership, now=timezone.now() - datetime.timedelta(days=1))
    decline_referral(referral=referred_case, by=persona("caseworker_b"), reason="No places")
    body = client.get(reverse("cases:dashboard")).content.decode()
    assert "declined the referral" in body
    # Coming back two days later: the window starts at the visit above, after the decline.
    record_dashboard_visit(membership=membership, now=timezone.now() + datetime.timedelta(days=2))
    body = client.get(reverse("cases:dashboard")).content.decode()
    assert "declined the referral" not in body and "Nothing new from partners" in body


def test_news_never_show_another_organisations_cases(client, login, persona, referred_case, org_b):
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    record_service(
        case=referred_case.case, by=persona("caseworker_b"), service="medical_care", provider=org_b
    )
    for who in ("caseworker_b", "org_admin_b", "coordinator"):
        login(client, who)
        body = client.get(reverse("core:dashboard")).content.decode()
        assert referred_case.case.reference not in body or who == "caseworker_b", who
        assert "accepted the referral for" not in body and "delivered Medical care" not in body, who


@pytest.mark.parametrize(
    ("language", "heading", "accepted"),
    [
        ("ro", "De la ultima vizită", "a acceptat trimiterea pentru"),
        ("uk", "Від вашого останнього візиту", "прийняла направлення на"),
        ("ru", "С вашего последнего визита", "приняла направление на"),
        ("sr-latn", "Od vaše poslednje posete", "je prihvatila uput za"),
    ],
)
def test_news_are_translated(client, login, persona, referred_case, language, heading, accepted):
    login(client, "caseworker_a")
    record_dashboard_visit(
        membership=get_membership(persona("caseworker_a")), now=timezone.now() - datetime.timedelta(days=1)
    )
    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    body = client.get(f"/{language}/cases/dashboard/").content.decode()
    assert heading in body and accepted in body
