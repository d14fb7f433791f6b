"""Rights pages name the authority where people apply and carry their source and last-verified date.

Texts are replaced only where they are still the first seed (a coordinator's edits are kept);
the source, authority and date are set on the seeded pages in every case.
"""

import datetime
import hashlib
import json

from django.db import migrations

from kompass.journeys.data.awareness_rights import RIGHTS_PAGES
from kompass.journeys.data.awareness_risks import RISK_PAGES

# sha256 (first 16 hex digits) of [summary, body] as first seeded by 0002.
FIRST_SEED = {
    "rights-romania": "fd8c9f19abe71604",
    "rights-moldova": "ab4ee5f2e65d0ab3",
    "rights-poland": "d245e0ea24122875",
    "rights-serbia": "53362159745caa79",
    "what-to-do": "4d569ac77fd23d39",
}


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def forwards(apps, schema_editor):
    AwarenessPage = apps.get_model("journeys", "AwarenessPage")
    for data in [*RIGHTS_PAGES, *RISK_PAGES]:
        if "source_url" not in data:
            continue
        page = AwarenessPage.objects.filter(slug=data["slug"]).first()
        if page is None:
            continue
        if _digest([page.summary, page.body]) == FIRST_SEED.get(page.slug):
            page.summary, page.body = data["summary"], data["body"]
        page.source_name = data["source_name"]
        page.source_url = data["source_url"]
        page.authority = data.get("authority", {})
        page.authority_url = data.get("authority_url", "")
        page.last_verified = datetime.date.fromisoformat(data["checked"])
        page.internal_note = data["note"]
        page.save()


class Migration(migrations.Migration):
    dependencies = [("journeys", "0003_awareness_page_sources")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
