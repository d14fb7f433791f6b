"""Existing auditors get an explicit scope: the coordinator's own auditors read the platform, others
their own organisation (the narrower reading; the coordinator can widen it through the audited flow)."""

from django.db import migrations


def set_scope(apps, schema_editor):
    Membership = apps.get_model("organisations", "Membership")
    auditors = Membership.objects.filter(role="auditor", audit_scope="")
    auditors.filter(organisation__is_national_coordinator=True).update(audit_scope="platform")
    auditors.exclude(organisation__is_national_coordinator=True).update(audit_scope="organisation")


def clear_scope(apps, schema_editor):
    apps.get_model("organisations", "Membership").objects.update(audit_scope="")


class Migration(migrations.Migration):

    dependencies = [
        ("organisations", "0002_membership_audit_scope"),
    ]

    operations = [migrations.RunPython(set_scope, clear_scope)]
