import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("training", "0003_fill_pupil_keys")]

    operations = [
        migrations.AlterField(
            model_name="schoolsession",
            name="pupil_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
        migrations.CreateModel(
            name="SchoolSessionVisit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField()),
                ("language", models.CharField(max_length=10)),
                ("count", models.PositiveIntegerField(default=0)),
                (
                    "session",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="visits",
                        to="training.schoolsession",
                    ),
                ),
            ],
            options={
                "verbose_name": "opening of the pupils' QR code",
                "verbose_name_plural": "openings of the pupils' QR code",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("session", "day", "language"), name="sessionvisit_one_per_day_language"
                    )
                ],
            },
        ),
    ]
