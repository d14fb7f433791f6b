from django.db import migrations

from kompass.online.data.services import seed_services


def forwards(apps, schema_editor):
    seed_services(apps)


class Migration(migrations.Migration):
    dependencies = [("online", "0001_help_services")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
