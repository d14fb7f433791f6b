import datetime

from django.db import migrations

from kompass.directory.data.hotlines import HOTLINES, SEED_VERIFIED


def seed(apps, schema_editor):
    Hotline = apps.get_model("directory", "Hotline")
    verified = datetime.date.fromisoformat(SEED_VERIFIED)
    for row in HOTLINES:
        Hotline.objects.update_or_create(
            country=row["country"],
            number=row["number"],
            defaults={
                "name": row["name"],
                "purpose": row["purpose"],
                "source": row["source"],
                "sort_order": row["sort_order"],
                "last_verified": verified,
                "is_published": True,
            },
        )


def unseed(apps, schema_editor):
    Hotline = apps.get_model("directory", "Hotline")
    for row in HOTLINES:
        Hotline.objects.filter(country=row["country"], number=row["number"]).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
