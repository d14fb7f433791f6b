import uuid

from django.db import migrations


def fill(apps, schema_editor):
    SchoolSession = apps.get_model("training", "SchoolSession")
    for session in SchoolSession.objects.filter(pupil_key__isnull=True).only("pk"):
        session.pupil_key = uuid.uuid4()
        session.save(update_fields=["pupil_key"])


class Migration(migrations.Migration):
    dependencies = [("training", "0002_schoolsession_pupil_key")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
