"""Numbers with their public source: keep what the coordinator wrote as the source's name (the old
free-text `source` becomes `source_name`, moved to the internal note when it was a seed note), then
load the shipped numbers of DOMAIN.md §5 and the destination countries, and unpublish the retired
ones (116 006 and the EU-wide 116 000 / 116 111)."""

from django.db import migrations

from kompass.directory.data.hotlines import seed_hotlines

SEED_MARK = "Kompass DOMAIN.md §5"


def forwards(apps, schema_editor):
    Hotline = apps.get_model("directory", "Hotline")
    for hotline in Hotline.objects.all():
        if SEED_MARK in hotline.source:
            hotline.internal_note = hotline.source
        else:
            hotline.source_name = hotline.source[:200]
        hotline.save(update_fields=["source_name", "internal_note"])
    seed_hotlines(apps)


def backwards(apps, schema_editor):
    Hotline = apps.get_model("directory", "Hotline")
    for hotline in Hotline.objects.all():
        hotline.source = (hotline.source_name or hotline.internal_note or "—")[:300]
        hotline.save(update_fields=["source"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_hotline_sourced_fact")]

    operations = [migrations.RunPython(forwards, backwards)]
