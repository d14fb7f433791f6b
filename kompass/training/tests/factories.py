"""Small builders for training tests (plain functions, no factory library)."""

from datetime import date

from kompass.training import services
from kompass.training.models import School


def make_training(organisation, *, by=None, modules=("indicators", "handling_case"), **attrs):
    values = {
        "title": "Recognising trafficking in the emergency room",
        "audience_sector": "health",
        "date": date(2024, 6, 10),
        "is_online": False,
        "locality": "Iași",
        "region": "Iași",
        "country": "RO",
        "participant_count": 20,
        "check_open": True,
    }
    values.update(attrs)
    return services.create_training(organisation=organisation, by=by, modules=list(modules), **values)


def make_school(name="Școala Gimnazială nr. 1", locality="Iași", region="Iași", country="RO"):
    return School.objects.create(name=name, locality=locality, region=region, country=country)
