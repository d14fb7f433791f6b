"""Data for the stack tests (run inside the stack's environment): a small coalition, caseworker
sessions with their second factor done, cases, pending referrals, identities for a linkage run."""

import datetime
import json
import random
import sys
from importlib import import_module

import django

django.setup()

from django.conf import settings  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from kompass.accounts.models import User  # noqa: E402
from kompass.cases.models import Case, CaseIdentity  # noqa: E402
from kompass.directory.models import Entry  # noqa: E402
from kompass.journeys.models import AwarenessPage  # noqa: E402
from kompass.organisations.models import Membership, Organisation  # noqa: E402
from kompass.referrals.models import Referral  # noqa: E402

rng = random.Random(15)
users, referrals_per_user, identities = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
coordinator_org = Organisation.objects.create(
    name="Stack Agency", country="RO", is_national_coordinator=True, kind="state"
)
org_a = Organisation.objects.create(name="Stack NGO A", country="RO", city="Iași")
org_b = Organisation.objects.create(name="Stack NGO B", country="MD", city="Chișinău")
SessionStore = import_module(settings.SESSION_ENGINE).SessionStore


def session_for(user):
    device = TOTPDevice.objects.create(user=user, name="stack", confirmed=True)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.set_expiry(3600)
    session.save()
    return session.session_key


coordinator = User.objects.create_user("coordinator@stack.example", "stack-password-123456")
Membership.objects.create(user=coordinator, organisation=coordinator_org, role="coordinator")
sender = User.objects.create_user("sender@stack.example", "stack-password-123456")
Membership.objects.create(user=sender, organisation=org_b, role="caseworker")
today = datetime.date(2026, 3, 1)
people = []
for i in range(users):
    user = User.objects.create_user(f"worker{i}@stack.example", "stack-password-123456")
    Membership.objects.create(user=user, organisation=org_a, role="caseworker")
    people.append({"session": session_for(user), "referrals": []})
# Cases of A (the case list and detail), cases of B with pending referrals to A (accept → complete).
cases_a = Case.objects.bulk_create(
    Case(owner=org_a, reference=f"A-{i:05d}", identified_on=today, country="RO", sex="female")
    for i in range(300)
)
cases_b = Case.objects.bulk_create(
    Case(owner=org_b, reference=f"B-{i:05d}", identified_on=today, country="MD", sex="female")
    for i in range(users * referrals_per_user)
)
referrals = Referral.objects.bulk_create(
    Referral(
        case=case,
        kind="service",
        service="counselling",
        from_organisation=org_b,
        to_organisation=org_a,
        created_by=sender,
    )  # fmt: skip
    for case in cases_b
)
for i, referral in enumerate(referrals):
    people[i % users]["referrals"].append(str(referral.code))
# Identities of another coalition member's cases, to be linked by a linkage job (worker kill test).
names = ["Olena", "Iryna", "Maria", "Ana", "Svitlana", "Natalia", "Elena", "Daria"]
surnames = ["Koval", "Bondar", "Popescu", "Rusu", "Shevchenko", "Melnyk", "Ionescu", "Petrović"]
linked = Case.objects.bulk_create(
    Case(
        owner=rng.choice([org_a, org_b]),
        reference=f"L-{i:05d}",
        identified_on=today - datetime.timedelta(days=rng.randrange(700)),
        country="RO",
        sex="female",
    )  # fmt: skip
    for i in range(identities)
)
CaseIdentity.objects.bulk_create(
    CaseIdentity(
        case=case,
        given_name=rng.choice(names),
        surname=rng.choice(surnames) + str(rng.randrange(identities // 3)),
        date_of_birth=datetime.date(1970 + rng.randrange(35), rng.randint(1, 12), rng.randint(1, 28)),
    )  # fmt: skip
    for case in linked
)
Entry.objects.create(organisation=org_a, name="Iași station help point", kind="support_point", country="RO",
                     city="Iași", lat=47.1652, lon=27.5697, status="published")  # fmt: skip
coordinator_session = session_for(coordinator)
print(
    json.dumps(
        {
            "users": people,
            "cases": [str(c.code) for c in cases_a],
            "guide": [p.slug for p in AwarenessPage.objects.all()[:5]]
            if hasattr(AwarenessPage, "slug")
            else [],
            "coordinator_session": coordinator_session,
        }
    )
)
