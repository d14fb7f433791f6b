import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the content type row (and whatever points at it) when the model changes app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="api", model="apitoken").exists():
        ContentType.objects.filter(app_label="cases", model="apitoken").update(app_label="api")


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="cases", model="apitoken").exists():
        ContentType.objects.filter(app_label="api", model="apitoken").update(app_label="cases")


class Migration(migrations.Migration):
    """ApiToken, moved from cases with its rows: cases.0004 renamed the table to api_apitoken."""

    initial = True

    dependencies = [
        ("cases", "0004_move_api_token"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="name")),
                        ("prefix", models.CharField(editable=False, max_length=12, unique=True)),
                        ("key_hash", models.CharField(editable=False, max_length=64)),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                        ("last_used_at", models.DateTimeField(blank=True, editable=False, null=True)),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        ("membership", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="api_tokens", to="organisations.membership")),
                    ],
                    options={
                        "verbose_name": "API token",
                        "verbose_name_plural": "API tokens",
                        "ordering": ["-created_at"],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
