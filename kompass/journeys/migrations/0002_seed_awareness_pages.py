from django.db import migrations

from kompass.journeys.data.awareness_rights import RIGHTS_PAGES
from kompass.journeys.data.awareness_risks import RISK_PAGES


def seed(apps, schema_editor):
    AwarenessPage = apps.get_model("journeys", "AwarenessPage")
    for section, pages in (("risks", RISK_PAGES), ("rights", RIGHTS_PAGES)):
        for page in pages:
            AwarenessPage.objects.update_or_create(
                slug=page["slug"],
                defaults={
                    "section": section,
                    "country": page.get("country", ""),
                    "title": page["title"],
                    "summary": page["summary"],
                    "body": page["body"],
                    "sort_order": page["sort_order"],
                    "is_published": True,
                },
            )


def unseed(apps, schema_editor):
    AwarenessPage = apps.get_model("journeys", "AwarenessPage")
    AwarenessPage.objects.filter(slug__in=[p["slug"] for p in RISK_PAGES + RIGHTS_PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("journeys", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
