import uuid

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [
        # Nullable first: existing sessions get their own key in 0003, then it becomes unique.
        migrations.AddField(
            model_name="schoolsession",
            name="pupil_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, null=True),
        ),
    ]
