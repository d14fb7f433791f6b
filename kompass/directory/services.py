"""Use cases of the directory: organisations edit their entries, the coordinator approves them,
the operator imports and exports the CSV of docs/interfaces.md §6 item 3."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kompass.audit.services import record_event
from kompass.directory.codes import SPOKEN_LANGUAGES, EntryKind, ServiceCode
from kompass.directory.models import Entry, EntryService, Hotline, ServiceCapacity
from kompass.organisations.models import Organisation

CSV_COLUMNS = [
    "organisation", "name", "kind", "services", "lat", "lon", "city", "country",
    "languages", "phone", "telegram", "email", "hours",
]  # fmt: skip

# Columns a file must have; the others may be left out (read as empty).
REQUIRED_COLUMNS = ["organisation", "name", "kind", "country"]

# Allowed status changes: (from, to) → who may make them.
TRANSITIONS: dict[tuple[str, str], str] = {
    (Entry.Status.DRAFT, Entry.Status.PENDING): "editor",
    (Entry.Status.REJECTED, Entry.Status.PENDING): "editor",
    (Entry.Status.PENDING, Entry.Status.PUBLISHED): "approver",
    (Entry.Status.PENDING, Entry.Status.REJECTED): "approver",
    (Entry.Status.PUBLISHED, Entry.Status.DRAFT): "editor",
}


def _set_services(entry: Entry, services: Iterable[str]) -> None:
    wanted = set(services)
    EntryService.objects.filter(entry=entry).exclude(service__in=wanted).delete()
    have = set(EntryService.objects.filter(entry=entry).values_list("service", flat=True))
    EntryService.objects.bulk_create([EntryService(entry=entry, service=s) for s in sorted(wanted - have)])


@transaction.atomic
def save_entry(
    *, membership, entry: Entry | None = None, fields: dict, services: list[str], languages: list[str], by
) -> Entry:
    """Create or change an entry. An organisation's change goes back to the coordinator for approval;
    the coordinator's own changes keep the entry's status."""
    if entry is not None and not entry.is_editable_by(membership):
        raise PermissionDenied
    creating = entry is None
    if entry is None:
        entry = Entry(organisation=fields.pop("organisation", None) or membership.organisation)
        if not entry.is_editable_by(membership):
            raise PermissionDenied
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.set_languages(languages)
    if not membership.can_approve_directory and entry.status == Entry.Status.PUBLISHED:
        entry.status = Entry.Status.PENDING
    entry.full_clean()
    entry.save()
    _set_services(entry, services)
    record_event(
        actor=by, action="directory_entry_created" if creating else "directory_entry_changed", obj=entry
    )
    return entry


@transaction.atomic
def change_entry_status(*, membership, entry: Entry, status: str, by, note: str = "") -> Entry:
    """Move an entry along its workflow (submit, approve, reject, withdraw)."""
    role = TRANSITIONS.get((entry.status, status))
    if role is None:
        raise ValidationError(
            _("This entry cannot go from “%(a)s” to “%(b)s”.") % {"a": entry.status, "b": status}
        )
    allowed = membership.can_approve_directory if role == "approver" else entry.is_editable_by(membership)
    if not allowed:
        raise PermissionDenied
    entry.status = status
    fields = ["status", "updated_at"]
    if role == "approver":
        entry.reviewed_by, entry.reviewed_at, entry.review_note = by, timezone.now(), note[:300]
        fields += ["reviewed_by", "reviewed_at", "review_note"]
    entry.save(update_fields=fields)
    record_event(
        actor=by, action=f"directory_entry_{status}", obj=entry, detail={"note": note} if note else None
    )
    return entry


@transaction.atomic
def update_hotline(*, hotline: Hotline, by, **fields) -> Hotline:
    """The coordinator corrects a number, its source or its last-verified date."""
    stored = Hotline.objects.filter(pk=hotline.pk).values_list("last_verified", flat=True).first()
    if "last_verified" in fields and fields["last_verified"] != stored:
        hotline.verified_by = by
    for name, value in fields.items():
        setattr(hotline, name, value)
    hotline.full_clean()
    hotline.save()
    record_event(actor=by, action="hotline_changed", obj=hotline, detail={"number": hotline.number})
    return hotline


# --- CSV import / export (docs/interfaces.md §6 item 3) ------------------------------------------------


class ImportError_(Exception):  # noqa: N801 - not the builtin
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@transaction.atomic
def declare_capacity(
    *, membership, service: str, places_free: int | None, accepts_referrals: bool = True, by
) -> ServiceCapacity:
    """An organisation states its free places for one service it offers (audited).

    Only members with `can_declare_capacity`, for their own organisation, for a service one of its
    current directory entries offers.
    """
    if membership is None or not membership.can_declare_capacity:
        raise PermissionDenied
    organisation = membership.organisation
    if service not in ServiceCode.values:
        raise ValidationError({"service": [_("Unknown service.")]})
    if not Entry.objects.current().filter(organisation=organisation).with_service(service).exists():
        raise ValidationError(
            {"service": [_("Your organisation does not offer this service in the directory: add it to an entry first.")]}
        )  # fmt: skip
    capacity = ServiceCapacity.objects.select_for_update().filter(
        organisation=organisation, service=service
    ).first() or ServiceCapacity(organisation=organisation, service=service)
    before = (
        {"places_free": capacity.places_free, "accepts_referrals": capacity.accepts_referrals}
        if capacity.pk
        else None
    )
    capacity.places_free = places_free
    capacity.accepts_referrals = accepts_referrals
    capacity.updated_at = timezone.now()
    capacity.updated_by = by
    capacity.full_clean()
    capacity.save()
    record_event(
        actor=by, action="capacity_declared", obj=organisation, organisation=organisation,
        detail={"service": service, "places_free": places_free, "accepts_referrals": accepts_referrals,
                "before": before},
    )  # fmt: skip
    return capacity


@dataclass
class ImportResult:
    created: int
    updated: int
    organisations_created: int


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _parse_row(row: dict, line: int) -> tuple[dict, list[str]]:
    errors = []
    organisation = (row.get("organisation") or "").strip()
    name = (row.get("name") or "").strip()
    kind = (row.get("kind") or "").strip().lower()
    country = (row.get("country") or "").strip().upper()
    if not organisation:
        errors.append(f"line {line}: organisation is empty")
    elif len(organisation) > (Organisation._meta.get_field("name").max_length or 0):
        errors.append(f"line {line}: organisation name is longer than 200 characters")
    if not name:
        errors.append(f"line {line}: name is empty")
    if kind not in EntryKind.values:
        errors.append(f"line {line}: unknown kind {kind!r} (use one of {', '.join(EntryKind.values)})")
    services = [code.lower() for code in _split(row.get("services", ""))]
    bad = [s for s in services if s not in ServiceCode.values]
    if bad:
        errors.append(f"line {line}: unknown service code(s) {', '.join(bad)}")
    languages = [code.lower() for code in _split(row.get("languages", ""))]
    bad = [code for code in languages if code not in SPOKEN_LANGUAGES]
    if bad:
        errors.append(f"line {line}: unknown language code(s) {', '.join(bad)}")
    if len(country) != 2 or not country.isalpha() or not country.isascii():
        errors.append(f"line {line}: country must be an ISO 3166-1 alpha-2 code, not {row.get('country')!r}")
    lat = lon = None
    lat_text, lon_text = (row.get("lat") or "").strip(), (row.get("lon") or "").strip()
    if lat_text or lon_text:
        try:
            lat, lon = float(lat_text), float(lon_text)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ValueError
        except ValueError:
            errors.append(f"line {line}: lat/lon must be decimal degrees (lat -90..90, lon -180..180)")
    elif kind == EntryKind.SUPPORT_POINT:
        errors.append(f"line {line}: a support point needs lat and lon")
    fields = {
        "organisation": organisation,
        "name": name,
        "kind": kind,
        "lat": lat,
        "lon": lon,
        "city": (row.get("city") or "").strip(),
        "country": country,
        "phone": (row.get("phone") or "").strip(),
        "telegram": (row.get("telegram") or "").strip(),
        "email": (row.get("email") or "").strip(),
        "hours": (row.get("hours") or "").strip(),
    }
    return {"fields": fields, "services": services, "languages": languages}, errors


def import_directory(*, text: str, by=None) -> ImportResult:
    """Import entries from CSV text. All rows are checked first; any bad row → nothing is imported.

    Idempotent on (organisation, name); missing organisations are created; entries are published.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        header_errors = []
        if missing:
            header_errors.append(f"line 1: missing column(s) {', '.join(missing)}")
        if unknown:
            header_errors.append(f"line 1: unknown column(s) {', '.join(unknown)}")
        raise ImportError_(header_errors)
    reader.fieldnames = header
    parsed: list[tuple[int, dict]] = []
    errors: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            errors.append(f"line {line}: more values than columns")
            continue
        if not any((v or "").strip() for v in row.values()):
            continue
        item, row_errors = _parse_row(row, line)
        key = (item["fields"]["organisation"], item["fields"]["name"])
        if key in seen and not row_errors:
            row_errors.append(f"line {line}: same organisation and name as line {seen[key]}")
        seen.setdefault(key, line)
        errors += row_errors
        parsed.append((line, item))
    if errors:
        raise ImportError_(errors)
    return _write_import(parsed, by)


@transaction.atomic
def _write_import(parsed, by) -> ImportResult:
    created = updated = orgs_created = 0
    organisations = {}
    errors = []
    for line, item in parsed:
        fields = dict(item["fields"])
        org_name = fields.pop("organisation")
        if org_name not in organisations:
            organisation, made = Organisation.objects.get_or_create(
                name=org_name, defaults={"country": fields["country"], "city": fields["city"]}
            )
            organisations[org_name] = organisation
            orgs_created += made
        entry = Entry.objects.filter(organisation=organisations[org_name], name=fields["name"]).first()
        is_new = entry is None
        entry = entry or Entry(organisation=organisations[org_name])
        for name, value in fields.items():
            setattr(entry, name, value)
        entry.set_languages(item["languages"])
        entry.status = Entry.Status.PUBLISHED
        try:
            entry.full_clean()
        except ValidationError as exc:
            errors += [f"line {line}: {field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()]
            continue
        entry.save()
        _set_services(entry, item["services"])
        created += is_new
        updated += not is_new
    if errors:
        raise ImportError_(errors)  # leaving the atomic block by an exception rolls every row back
    record_event(
        actor=by,
        action="directory_imported",
        detail={"created": created, "updated": updated, "organisations_created": orgs_created},
        actor_label="" if by else "import_directory",
    )
    return ImportResult(created=created, updated=updated, organisations_created=orgs_created)


def export_directory(*, entries=None) -> str:
    """The CSV of docs/interfaces.md §6 item 3 (the same format import_directory reads)."""
    entries = entries if entries is not None else Entry.objects.all()
    entries = (
        entries.select_related("organisation")
        .prefetch_related("services")
        .order_by("organisation__name", "name")
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in entries:
        writer.writerow(
            [
                e.organisation.name,
                e.name,
                e.kind,
                ";".join(e.service_list),
                "" if e.lat is None else repr(e.lat),
                "" if e.lon is None else repr(e.lon),
                e.city,
                e.country,
                ";".join(e.language_list),
                e.phone,
                e.telegram,
                e.email,
                e.hours,
            ]
        )
    return out.getvalue()
