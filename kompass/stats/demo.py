"""Demo data of the statistics app: link the demo cases into persons (idempotent)."""

import random

from django.core.exceptions import ValidationError

from kompass.stats.services import refresh_linkage


def seed_demo(*, rng: random.Random) -> None:
    """Encode the demo identities and link them; the cases app's demo has people at two organisations."""
    try:
        refresh_linkage()
    except ValidationError:  # no linkage secret configured: statistics then count cases
        return
