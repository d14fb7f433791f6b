"""The child helplines of Moldova, Serbia and Ukraine (shown on the online-help pages)."""

from django.db import migrations

from kompass.directory.data.hotlines import seed_hotlines


def forwards(apps, schema_editor):
    seed_hotlines(apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_remove_hotline_source")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
