import datetime

import pytest
from django.db import IntegrityError, connection
from django.test import override_settings

from kompass.cases.codes import age_band
from kompass.cases.models import Case, CaseIdentity


def make_case(owner, **attrs) -> Case:
    attrs.setdefault("reference", f"KMP-2026-{Case.objects.count() + 1:05d}")
    attrs.setdefault("country", "RO")
    return Case.objects.create(owner=owner, **attrs)


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (None, ""),
        (0, "0--8"),
        (8, "0--8"),
        (9, "09--17"),
        (17, "09--17"),
        (18, "18--20"),
        (20, "18--20"),
        (21, "21--23"),
        (24, "24--26"),
        (27, "27--29"),
        (29, "27--29"),
        (30, "30--38"),
        (39, "39--47"),
        (47, "39--47"),
        (48, "48+"),
        (90, "48+"),
    ],
)
def test_age_band_follows_ctdc_bands(age, band):
    assert age_band(age) == band


def test_age_band_falls_back_to_birth_year(org_a):
    case = make_case(org_a, birth_year=2000, identified_on=datetime.date(2025, 3, 1))
    assert case.age == 25
    assert case.age_band == "24--26"


def test_identity_is_encrypted_at_rest_and_readable_in_python(org_a):
    case = make_case(org_a)
    CaseIdentity.objects.create(
        case=case, given_name="Ana", surname="Popescu", date_of_birth=datetime.date(2001, 5, 4)
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT given_name, surname, date_of_birth FROM cases_caseidentity")
        raw = cursor.fetchone()
    assert all("Ana" not in value and "Popescu" not in value and "2001" not in value for value in raw)
    identity = CaseIdentity.objects.get(case=case)
    assert identity.full_name == "Ana Popescu"
    assert identity.date_of_birth == datetime.date(2001, 5, 4)


def test_old_keys_still_decrypt_after_rotation(org_a, settings):
    from cryptography.fernet import Fernet

    old = settings.FIELD_ENCRYPTION_KEYS[0]
    case = make_case(org_a)
    CaseIdentity.objects.create(case=case, given_name="Ion")
    with override_settings(FIELD_ENCRYPTION_KEYS=[Fernet.generate_key().decode(), old]):
        assert CaseIdentity.objects.get(case=case).given_name == "Ion"


def test_reflection_period_of_less_than_30_days_is_refused_by_the_database(org_a):
    with pytest.raises(IntegrityError):
        make_case(
            org_a, reflection_start=datetime.date(2026, 1, 1), reflection_end=datetime.date(2026, 1, 20)
        )
