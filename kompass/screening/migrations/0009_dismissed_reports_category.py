"""Reports dismissed before the category existed get "other": the reporter sees no more than that."""

from django.db import migrations


def fill(apps, schema_editor):
    Report = apps.get_model("screening", "Report")
    Report.objects.filter(status="dismissed", dismiss_category="").update(dismiss_category="other")


def empty(apps, schema_editor):
    Report = apps.get_model("screening", "Report")
    Report.objects.filter(status="dismissed").update(dismiss_category="")


class Migration(migrations.Migration):
    dependencies = [("screening", "0008_report_reporter_and_dismiss_category")]

    operations = [migrations.RunPython(fill, empty)]
