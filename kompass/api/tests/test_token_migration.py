"""ApiToken moved from cases to api: existing tokens survive the migration and keep working."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("cases", "0002_api_token"), ("api", None)]
AFTER = [("cases", "0004_move_api_token"), ("api", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_tokens_made_before_the_move_survive_it(persona):
    from kompass.api.auth import _hash, token_membership

    membership_pk = persona("caseworker_a").memberships.get().pk
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_state = executor.loader.project_state([BEFORE[0]])
    OldToken = old_state.apps.get_model("cases", "ApiToken")
    clear = "kmp_abcd1234_secret"
    OldToken.objects.create(membership_id=membership_pk, name="partner", prefix="abcd1234", key_hash=_hash(clear),
                            created_at=timezone.now())  # fmt: skip

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from kompass.api.models import ApiToken

    assert ApiToken._meta.db_table in connection.introspection.table_names()
    assert ApiToken.objects.get().name == "partner"
    assert token_membership(clear).pk == membership_pk
