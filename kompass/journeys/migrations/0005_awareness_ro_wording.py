"""Romanian risk page: "Sunteți grăbit să plecați" (you are hurried, masculine, odd) reads as being
told to leave in a hurry, as the other languages say (issue 12). Only the shipped sentence is
replaced: a coordinator's own wording is left alone."""

from django.db import migrations

OLD = "Sunteți grăbit să plecați chiar azi și să nu spuneți nimănui."
NEW = "Vi se cere să plecați în grabă, chiar azi, și să nu spuneți nimănui."


def forwards(apps, schema_editor):
    AwarenessPage = apps.get_model("journeys", "AwarenessPage")
    for page in AwarenessPage.objects.filter(section="risks"):
        body = dict(page.body or {})
        if OLD in body.get("ro", ""):
            body["ro"] = body["ro"].replace(OLD, NEW)
            page.body = body
            page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("journeys", "0004_rights_pages_sources")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
