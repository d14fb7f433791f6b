from django.db import migrations


class Migration(migrations.Migration):
    """ApiToken moves to the api app: its table is renamed to api_apitoken (rows kept) and the model
    leaves this app's state; api.0001_initial takes it over without touching the database."""

    dependencies = [
        ("cases", "0003_case_identified_index"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable(name="apitoken", table="api_apitoken")],
            state_operations=[migrations.DeleteModel(name="ApiToken")],
        ),
    ]
