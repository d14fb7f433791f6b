"""Load the ILO/EC indicator catalogue and publish revision 1 of every sector protocol from the YAML data."""

from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from kompass.screening import content, rules

    Indicator = apps.get_model("screening", "Indicator")
    Protocol = apps.get_model("screening", "Protocol")
    ProtocolRevision = apps.get_model("screening", "ProtocolRevision")
    texts = content.load_catalogue_file()["indicators"]
    for position, indicator in enumerate(rules.CATALOGUE):
        Indicator.objects.update_or_create(
            code=indicator.code,
            defaults={
                "element": indicator.element,
                "weight_adult": indicator.adult or "",
                "weight_child": indicator.child or "",
                "text": texts[indicator.code],
                "position": position,
            },
        )
    now = timezone.now()
    for sector in content.SECTORS:
        document = content.validate_content(content.load_protocol_file(sector), sector=sector)
        protocol, _ = Protocol.objects.get_or_create(sector=sector)
        if not ProtocolRevision.objects.filter(protocol=protocol).exists():
            ProtocolRevision.objects.create(
                protocol=protocol,
                number=1,
                status="published",
                effective_date=now.date(),
                change_note="First version, loaded from kompass/screening/data/protocols.",
                content=document,
                published_at=now,
            )


def unload(apps, schema_editor):
    apps.get_model("screening", "Screening").objects.all().delete()
    apps.get_model("screening", "ProtocolRevision").objects.all().delete()
    apps.get_model("screening", "Protocol").objects.all().delete()
    apps.get_model("screening", "Indicator").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
