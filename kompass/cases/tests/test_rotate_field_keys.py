"""rotate_field_keys: identities move to the first key; afterwards the old key can go."""

import datetime

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from kompass.audit.models import AuditEvent
from kompass.cases.models import CaseIdentity
from kompass.cases.tests.factories import make_case

OLD = Fernet.generate_key().decode()
NEW = Fernet.generate_key().decode()


def _raw(identity_pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT surname, date_of_birth FROM cases_caseidentity WHERE id = %s", [identity_pk])
        return cursor.fetchone()


@pytest.mark.django_db
def test_identities_are_re_encrypted_under_the_new_key(settings, org_a, persona, capsys):
    settings.FIELD_ENCRYPTION_KEYS = [OLD]
    user = persona("caseworker_a")
    cases = [make_case(owner=org_a, by=user, identity={"given_name": "Olena", "surname": f"Koval {i}",
                                                        "date_of_birth": datetime.date(1990, 1, i + 1)})
             for i in range(3)]  # fmt: skip
    identity = CaseIdentity.objects.get(case=cases[0])
    before = _raw(identity.pk)
    updated_at = identity.updated_at

    settings.FIELD_ENCRYPTION_KEYS = [NEW, OLD]
    call_command("rotate_field_keys", "--dry-run")
    assert "9 would be re-encrypted" in capsys.readouterr().out
    assert _raw(identity.pk) == before
    call_command("rotate_field_keys")
    assert "9 re-encrypted" in capsys.readouterr().out
    assert _raw(identity.pk) != before

    settings.FIELD_ENCRYPTION_KEYS = [NEW]  # the old key is gone
    identity = CaseIdentity.objects.get(pk=identity.pk)
    assert identity.surname == "Koval 0" and identity.date_of_birth == datetime.date(1990, 1, 1)
    assert identity.updated_at == updated_at  # linkage does not re-encode anyone
    call_command("rotate_field_keys", "--dry-run")
    assert "0 would be re-encrypted" in capsys.readouterr().out
    assert AuditEvent.objects.filter(action="field_keys_rotated").count() == 1
