"""Seed content of the guide: risk pages and rights pages (see the data migrations 0002 and 0004)."""

import datetime


def seed_awareness_pages() -> None:
    """Create or update the shipped guide pages with their sources (for tests whose database was flushed)."""
    from kompass.journeys.data.awareness_rights import RIGHTS_PAGES
    from kompass.journeys.data.awareness_risks import RISK_PAGES
    from kompass.journeys.models import AwarenessPage

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
                    "authority": page.get("authority", {}),
                    "authority_url": page.get("authority_url", ""),
                    "source_name": page.get("source_name", ""),
                    "source_url": page.get("source_url", ""),
                    "last_verified": datetime.date.fromisoformat(page["checked"])
                    if "checked" in page
                    else None,
                    "internal_note": page.get("note", ""),
                },
            )
