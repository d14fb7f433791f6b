"""The services directory: entries of organisations (offices, shelters, support points…) and hotlines."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kompass.directory.codes import (
    REGION_WIDE,
    SPOKEN_LANGUAGES,
    EntryKind,
    HotlinePurpose,
    ServiceCode,
    country_name,
)
from kompass.facts.models import SourcedFact, SourcedFactQuerySet
from kompass.lib.i18n import translated

# --- Hotlines ---------------------------------------------------------------------------------


class HotlineQuerySet(SourcedFactQuerySet):
    def ordered(self):
        """Emergency first, then the other purposes in their declared order; national before region-wide."""
        rank = Case(
            *[When(purpose=value, then=Value(i)) for i, value in enumerate(HotlinePurpose.values)],
            default=Value(99),
            output_field=IntegerField(),
        )
        national_first = Case(
            When(country=REGION_WIDE, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        return self.annotate(purpose_rank=rank, eu_rank=national_first).order_by(
            "purpose_rank", "eu_rank", "sort_order", "number"
        )

    def for_country(self, iso2: str):
        """The published numbers to call in a country: its own and the region-wide ones (112), emergency first."""
        return self.published().filter(country__in=[(iso2 or "").upper(), REGION_WIDE]).ordered()


class Hotline(SourcedFact):
    """An emergency or helpline number, with its source and the date it was last checked there.

    `country` is an ISO 3166-1 alpha-2 code, or "EU" for a number that works everywhere in the
    region (112). `number_from_abroad` is how to reach a national line from another country.
    """

    country = models.CharField(_("country (ISO 3166-1 alpha-2, or EU)"), max_length=2)
    number = models.CharField(_("number"), max_length=40)
    number_from_abroad = models.CharField(
        _("number to call from abroad"),
        max_length=40,
        blank=True,
        help_text=_("Leave empty if there is none."),
    )
    name = models.JSONField(_("name per language"), default=dict)
    hours = models.JSONField(_("opening hours per language"), default=dict, blank=True)
    purpose = models.CharField(
        pgettext_lazy("hotline", "purpose"), max_length=20, choices=HotlinePurpose.choices
    )
    sort_order = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HotlineQuerySet.as_manager()

    class Meta:
        ordering = ["country", "sort_order", "number"]
        verbose_name = _("hotline")
        verbose_name_plural = _("hotlines")
        constraints = [
            models.UniqueConstraint(fields=["country", "number"], name="hotline_unique_country_number"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="hotline_country_code"),
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.number}"

    def display_name(self, language: str | None = None) -> str:
        return translated(self.name, language)

    def display_hours(self, language: str | None = None) -> str:
        return translated(self.hours, language)

    def display_country(self) -> str:
        return country_name(self.country)

    @property
    def tel(self) -> str:
        """The number for a tel: link (digits and a leading +)."""
        return tel_digits(self.number)

    @property
    def tel_from_abroad(self) -> str:
        return tel_digits(self.number_from_abroad)

    @property
    def international_number(self) -> str:
        """The number to dial from another country ("" when the line is reachable only inside)."""
        return self.number_from_abroad or (self.number if self.number.startswith("+") else "")

    @property
    def tel_international(self) -> str:
        return tel_digits(self.international_number)

    def fact_label(self) -> str:
        return f"{self.country} {self.number} — {self.display_name()}"

    def fact_edit_url(self) -> str:
        return reverse("directory:hotline_edit", kwargs={"pk": self.pk})


def tel_digits(number: str) -> str:
    """A number for a tel: link: digits and a leading +."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


# --- Directory entries ------------------------------------------------------------------------

GRID_PER_DEGREE = 4  # grid cells of a quarter degree (~28 km north–south)


class TruncInt(models.Func):
    """Truncation towards zero to an integer, the same on SQLite, PostgreSQL and in Python's int()."""

    output_field = models.IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS INTEGER)", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="TRUNC(%(expressions)s)::integer", **extra)


def grid_cell(lat: float, lon: float) -> int:
    """The grid cell of a point, as the database computes it in Entry.grid_cell."""
    return (int(lat * GRID_PER_DEGREE) + 400) * 10000 + int(lon * GRID_PER_DEGREE) + 1000


def grid_cells(min_lat: float, max_lat: float, min_lon: float, max_lon: float) -> set[int]:
    """Every grid cell that touches a latitude/longitude box."""
    rows = range(int(min_lat * GRID_PER_DEGREE), int(max_lat * GRID_PER_DEGREE) + 1)
    cols = range(int(min_lon * GRID_PER_DEGREE), int(max_lon * GRID_PER_DEGREE) + 1)
    return {(r + 400) * 10000 + c + 1000 for r in rows for c in cols}


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Entry.Status.PUBLISHED)

    def current(self, on=None):
        """Published and valid on the given date (default today)."""
        on = on or timezone.localdate()
        return (
            self.published()
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
            .filter(organisation__is_active=True)
        )

    def visible_to(self, membership):
        """Entries a staff member may see in the staff area: own organisation's, all for the coordinator."""
        if membership is None:
            return self.none()
        if membership.can_approve_directory:
            return self.all()
        return self.filter(organisation_id=membership.organisation_id)

    def with_service(self, code: str):
        return self.filter(services__service=code)

    def with_language(self, code: str):
        return self.filter(languages__contains=f";{code};")


class Entry(models.Model):
    """One place or channel of an organisation: office, shelter, support point, clinic, hotline, legal aid."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for approval")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    code = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="directory_entries"
    )
    name = models.CharField(_("name"), max_length=200)
    # The name in other languages ({"uk": …}); `name` is the one the organisation uses (and imports).
    names = models.JSONField(_("name per language"), default=dict, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    description = models.JSONField(_("description per language"), default=dict, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country (ISO 3166-1 alpha-2)"), max_length=2)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    # A shelter whose address is secret: only its city and phone are kept, so no page, map, plan,
    # PDF or API can show where it is (decision 0012). The database refuses an address or coordinates.
    location_confidential = models.BooleanField(
        _("confidential location"),
        default=False,
        help_text=_(
            "For a shelter whose address must stay secret: only the city and the phone are kept and "
            "published, never a street address or coordinates."
        ),
    )
    # Computed by the database from lat/lon, indexed: the plan's spatial cut asks for a list of cells.
    grid_cell = models.GeneratedField(
        expression=(TruncInt(models.F("lat") * GRID_PER_DEGREE) + 400) * 10000
        + TruncInt(models.F("lon") * GRID_PER_DEGREE)
        + 1000,
        output_field=models.IntegerField(),
        db_persist=True,
    )
    # Spoken languages as ";uk;ru;" so that one indexed-free LIKE finds them on every database.
    languages = models.CharField(
        pgettext_lazy("service", "languages spoken"), max_length=200, blank=True, default=""
    )
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    telegram = models.CharField(_("Telegram"), max_length=100, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_(
            "As on OpenStreetMap, e.g. “Mo-Fr 09:00-17:00; Sa 10:00-14:00” or “24/7”: then they are shown "
            "in every language with “open now”. Other text is shown as typed."
        ),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.CharField(_("review note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")
        indexes = [
            models.Index(fields=["lat", "lon"], name="entry_lat_lon"),
            models.Index(fields=["grid_cell"], name="entry_grid_cell"),
            models.Index(fields=["status", "country"], name="entry_status_country"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="entry_unique_organisation_name"),
            models.CheckConstraint(condition=Q(country__regex=r"^[A-Z]{2}$"), name="entry_country_iso2"),
            models.CheckConstraint(
                condition=Q(lat__isnull=True) | Q(lat__gte=-90, lat__lte=90), name="entry_lat_range"
            ),
            models.CheckConstraint(
                condition=Q(lon__isnull=True) | Q(lon__gte=-180, lon__lte=180), name="entry_lon_range"
            ),
            models.CheckConstraint(
                condition=Q(lat__isnull=True, lon__isnull=True) | Q(lat__isnull=False, lon__isnull=False),
                name="entry_lat_lon_together",
            ),
            models.CheckConstraint(
                condition=Q(location_confidential=False) | Q(address="", lat__isnull=True, lon__isnull=True),
                name="entry_confidential_city_only",
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")),
                name="entry_validity_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    def get_absolute_url(self) -> str:
        return reverse("directory:entry", kwargs={"code": self.code})

    def clean(self) -> None:
        errors = {}
        if self.kind == EntryKind.SUPPORT_POINT and (self.lat is None or self.lon is None):
            errors["lat"] = [_("A support point needs coordinates.")]
        if self.location_confidential:
            if self.kind == EntryKind.SUPPORT_POINT:
                errors["location_confidential"] = [
                    _("A support point is public: its location cannot be confidential.")
                ]
            if self.address:
                errors["address"] = [_("A confidential location keeps no street address: leave it empty.")]
            if self.lat is not None or self.lon is not None:
                errors.setdefault("lat", []).append(
                    _("A confidential location keeps no coordinates: leave latitude and longitude empty.")
                )
        unknown = [code for code in self.language_list if code not in SPOKEN_LANGUAGES]
        if unknown:
            errors["languages"] = [_("Unknown language codes: %(codes)s.") % {"codes": ", ".join(unknown)}]
        if errors:
            raise ValidationError(errors)

    def display_name(self, language: str | None = None) -> str:
        """The name in the reader's language when the organisation gave one, else its own name."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        return self.names.get(language) or self.names.get(language.split("-")[0]) or self.name

    @property
    def map_point(self) -> tuple[float, float] | None:
        """Where a maps app may show this place; None for a confidential location (decision 0012)
        or one without coordinates. Every maps link and distance goes through this property."""
        if self.location_confidential or self.lat is None or self.lon is None:
            return None
        return (self.lat, self.lon)

    @property
    def opening_hours(self):
        from kompass.lib.opening_hours import parse

        return parse(self.hours)

    def display_hours(self) -> str:
        """The hours in the active language when they are in the OSM notation, else as typed."""
        hours = self.opening_hours
        return hours.describe() if hours else self.hours

    def is_open_now(self, now=None) -> bool | None:
        """Open now in the entry's country's time zone; None when the hours are not machine-readable."""
        from kompass.lib.opening_hours import is_open_now

        return is_open_now(self.opening_hours, self.country, now)

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(";") if code]

    def set_languages(self, codes) -> None:
        codes = [c.strip().lower() for c in codes if c and c.strip()]
        self.languages = ";" + ";".join(dict.fromkeys(codes)) + ";" if codes else ""

    @property
    def service_list(self) -> list[str]:
        # Uses the prefetch cache when present.
        return sorted(s.service for s in self.services.all())

    def get_service_displays(self) -> list[str]:
        labels = dict(ServiceCode.choices)
        return [str(labels.get(code, code)) for code in self.service_list]

    def get_language_displays(self) -> list[str]:
        return [str(SPOKEN_LANGUAGES.get(code, code)) for code in self.language_list]

    def contacts(self) -> dict[str, str]:
        return {
            key: value
            for key, value in (
                ("phone", self.phone),
                ("telegram", self.telegram),
                ("whatsapp", self.whatsapp),
                ("email", self.email),
            )
            if value
        }

    @property
    def telegram_url(self) -> str:
        handle = self.telegram.lstrip("@")
        return f"https://t.me/{handle}" if handle else ""

    @property
    def whatsapp_url(self) -> str:
        digits = "".join(ch for ch in self.whatsapp if ch.isdigit())
        return f"https://wa.me/{digits}" if digits else ""

    def display_description(self, language: str | None = None) -> str:
        return translated(self.description, language)

    def is_editable_by(self, membership) -> bool:
        return membership is not None and (
            membership.can_approve_directory
            or (membership.can_edit_directory and membership.organisation_id == self.organisation_id)
        )


class EntryService(models.Model):
    """A service offered at an entry (docs/interfaces.md §3 codes)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="services")
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices)

    class Meta:
        ordering = ["service"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "service"], name="entryservice_unique"),
        ]
        indexes = [models.Index(fields=["service"], name="entryservice_service")]

    def __str__(self) -> str:
        return self.service


# --- Declared capacity ------------------------------------------------------------------------


class ServiceCapacity(models.Model):
    """What an organisation declares it can take on for one service it offers: places free (e.g.
    shelter beds) and whether it takes referrals for it now. Shown with its age to whoever refers
    ("3 places free, updated 2 days ago"); 0 places is shown as full, not hidden (decision 0060)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="service_capacities"
    )
    service = models.CharField(_("service"), max_length=40, choices=ServiceCode.choices)
    places_free = models.PositiveIntegerField(
        _("places free"), null=True, blank=True, validators=[MaxValueValidator(10000)],
        help_text=_("How many more people you can take for this service now. Leave empty if you do not count places."),
    )  # fmt: skip
    accepts_referrals = models.BooleanField(
        _("takes referrals for this service now"), default=True,
        help_text=_("Untick while you cannot take anyone for this service: you are then not offered to other organisations."),
    )  # fmt: skip
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["organisation__name", "service"]
        verbose_name = _("declared capacity")
        verbose_name_plural = _("declared capacities")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "service"], name="capacity_unique_service"),
            models.CheckConstraint(condition=Q(places_free__gte=0), name="capacity_places_not_negative"),
            models.CheckConstraint(condition=Q(places_free__lte=10000), name="capacity_places_plausible"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.service}: {self.places_free}"

    @property
    def is_full(self) -> bool:
        return self.places_free == 0
