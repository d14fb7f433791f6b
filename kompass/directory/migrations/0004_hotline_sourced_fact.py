import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_entry_grid_cell"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Kept for 0005 to read, then removed in 0006; new rows created in 0005 leave it empty.
        migrations.AlterField(
            model_name="hotline",
            name="source",
            field=models.CharField(blank=True, default="", max_length=300, verbose_name="source"),
        ),
        migrations.AddField(
            model_name="hotline",
            name="hours",
            field=models.JSONField(blank=True, default=dict, verbose_name="opening hours per language"),
        ),
        migrations.AddField(
            model_name="hotline",
            name="internal_note",
            field=models.TextField(
                blank=True,
                help_text="For the coordinator only; never shown on a public page.",
                verbose_name="internal note",
            ),
        ),
        migrations.AddField(
            model_name="hotline",
            name="number_from_abroad",
            field=models.CharField(
                blank=True,
                help_text="Leave empty if there is none.",
                max_length=40,
                verbose_name="number to call from abroad",
            ),
        ),
        migrations.AddField(
            model_name="hotline",
            name="source_name",
            field=models.CharField(
                blank=True,
                help_text="The organisation or official page the fact comes from, as the public should read it.",
                max_length=200,
                verbose_name="source",
            ),
        ),
        migrations.AddField(
            model_name="hotline",
            name="source_url",
            field=models.URLField(
                blank=True,
                help_text="The official page where it is published.",
                max_length=500,
                verbose_name="source page",
            ),
        ),
        migrations.AddField(
            model_name="hotline",
            name="verified_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="hotline",
            name="last_verified",
            field=models.DateField(blank=True, null=True, verbose_name="last verified"),
        ),
        migrations.AlterField(
            model_name="hotline",
            name="purpose",
            field=models.CharField(
                choices=[
                    ("emergency", "Emergency"),
                    ("trafficking", "Trafficking"),
                    ("police", "Police"),
                    ("child", "Children"),
                    ("missing_children", "Missing children"),
                    ("violence", "Violence against women"),
                    ("victims", "Victims of crime"),
                    ("government", "Government hotline"),
                ],
                max_length=20,
                verbose_name="purpose",
            ),
        ),
    ]
