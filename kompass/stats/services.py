"""Use cases of the statistics app: encode identities, refresh person clusters, review pairs."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kompass.audit.services import record_event
from kompass.stats.models import CaseEncoding, LinkageRun, Person, ReviewPair

if TYPE_CHECKING:
    import pandas as pd

# pandas, DuckDB and SciPy (the linkage engine) are imported by the functions that link, not at
# start-up: every page and management command would otherwise pay for them (docs/architecture.md).

SCHEME_VERSION = "clk-v1"
SEX = {"female": "f", "male": "m"}


def linkage_secret() -> str:
    secret = getattr(settings, "LINKAGE_SECRET", "")
    if not secret:
        raise ValidationError(_("KOMPASS_LINKAGE_SECRET is not set: record linkage cannot run."))
    return secret


def scheme(secret: str) -> str:
    """Scheme name with a fingerprint of the secret: a new secret means re-encoding everything."""
    fingerprint = hmac.new(secret.encode(), b"kompass-clk-fingerprint", hashlib.sha256).hexdigest()[:10]
    return f"{SCHEME_VERSION}:{fingerprint}"


def identity_row(case) -> dict | None:
    """The linkage fields of one case (None when the case holds no identity)."""
    identity = getattr(case, "identity", None) if not case.is_anonymous else None
    if identity is None:
        return None
    row = {
        "rec_id": str(case.pk),
        "given_name": identity.given_name,
        "surname": identity.surname,
        "date_of_birth": identity.date_of_birth.isoformat() if identity.date_of_birth else "",
        "sex": SEX.get(case.sex, "") or identity.sex,
        "citizenship": case.citizenship,
        "place_of_birth": identity.place_of_birth,
        "phone": identity.phone,
    }
    if not any(row[k] for k in ("given_name", "surname", "date_of_birth", "phone")):
        return None
    return row


def _payload(encoded_row: pd.Series) -> dict:
    out = {}
    for column, value in encoded_row.items():
        if (
            column in {"unique_id", "rec_id"}
            or value is None
            or (isinstance(value, float) and value != value)
        ):
            continue
        out[column] = (
            value.hex() if isinstance(value, bytes) else (int(value) if column.endswith("_n") else value)
        )
    return out


def _frame(payloads: list[tuple[int, dict]]) -> pd.DataFrame:
    import pandas as pd

    rows = []
    for case_id, payload in payloads:
        row: dict[str, object] = {"rec_id": str(case_id)}
        for column, value in payload.items():
            row[column] = bytes.fromhex(value) if column.endswith("_bf") else value
        rows.append(row)
    return pd.DataFrame(rows)


def encode_stale_cases(*, secret: str) -> int:
    """Encode every case whose encoding is missing, older than its identity, or of another secret.

    The identity is decrypted only here, in memory, and only its CLK encoding is stored.
    """
    import pandas as pd
    from django.db.models import F, Q

    from kompass.cases.models import Case
    from kompass.stats.linkage import encode_records

    current = scheme(secret)
    stale = list(
        Case.objects.filter(
            Q(encoding__isnull=True)
            | ~Q(encoding__scheme=current)
            | Q(identity__updated_at__gt=F("encoding__encoded_at"))
        ).select_related("identity")
    )
    if not stale:
        return 0
    rows = [(case, identity_row(case)) for case in stale]
    with_identity = [row for _, row in rows if row]
    encoded = {}
    if with_identity:
        frame = encode_records(pd.DataFrame(with_identity), secret=secret)
        encoded = {
            rec_id: _payload(row) for rec_id, (_, row) in zip(frame["rec_id"], frame.iterrows(), strict=True)
        }
    now = timezone.now()
    for case, row in rows:
        payload = encoded.get(str(case.pk)) if row else None
        CaseEncoding.objects.update_or_create(
            case=case, defaults={"payload": payload, "scheme": current, "encoded_at": now}
        )
    return len(stale)


def _no_progress(percent: int, step: str) -> None:
    pass


@transaction.atomic
def refresh_linkage(*, by=None, secret: str | None = None, progress=_no_progress) -> LinkageRun:
    """Re-encode what changed, link all cases on their encodings, and store the person clusters.

    Coordinator decisions on review pairs are applied; new uncertain pairs join the queue.
    `progress(percent, step)` hears how far it is (a job's progress page).
    """
    import pandas as pd

    from kompass.stats.linkage import link_encoded

    started = time.perf_counter()
    secret = secret or linkage_secret()
    progress(5, gettext_noop("Encoding new and changed identities"))
    encoded_count = encode_stale_cases(secret=secret)
    progress(30, gettext_noop("Linking cases into persons"))
    encodings = list(CaseEncoding.objects.order_by("case_id").values_list("case_id", "payload", "person_id"))
    decisions = [
        (str(a), str(b), status == ReviewPair.Status.CONFIRMED)
        for a, b, status in ReviewPair.objects.exclude(status=ReviewPair.Status.PENDING).values_list(
            "case_a_id", "case_b_id", "status"
        )
    ]
    with_payload = [(case_id, payload) for case_id, payload, _person in encodings if payload]
    cluster_of: dict[int, str] = {}
    review = pd.DataFrame({"rec_id_l": [], "rec_id_r": [], "match_probability": []})
    if with_payload:
        result = link_encoded(_frame(with_payload), decisions=decisions)
        cluster_of = {
            int(r): f"c{c}"
            for r, c in zip(result.clusters["rec_id"], result.clusters["cluster_id"], strict=True)
        }
        review = result.review
    for case_id, *_rest in encodings:
        cluster_of.setdefault(case_id, f"single{case_id}")
    progress(80, gettext_noop("Saving persons and pairs to review"))

    # Keep person codes stable: a cluster reuses the person most of its cases had before.
    previous = {case_id: person_id for case_id, _payload, person_id in encodings}
    members: dict[str, list[int]] = {}
    for case_id, label in cluster_of.items():
        members.setdefault(label, []).append(case_id)
    claimed: set[int] = set()
    assignment: dict[int, int] = {}
    new_clusters = []
    for cases in sorted(members.values(), key=len, reverse=True):
        votes: dict[int, int] = {}
        for case_id in cases:
            person_id = previous.get(case_id)
            if person_id and person_id not in claimed:
                votes[person_id] = votes.get(person_id, 0) + 1
        if votes:
            person_id = max(votes, key=lambda person: votes[person])
            claimed.add(person_id)
            for case_id in cases:
                assignment[case_id] = person_id
        else:
            new_clusters.append(cases)
    created = Person.objects.bulk_create([Person() for _ in new_clusters])
    for person, cases in zip(created, new_clusters, strict=True):
        for case_id in cases:
            assignment[case_id] = person.pk
    changed = [
        CaseEncoding(case_id=case_id, person_id=person_id)
        for case_id, person_id in assignment.items()
        if previous.get(case_id) != person_id
    ]
    by_person: dict[int | None, list[int]] = {}
    for encoding in changed:
        by_person.setdefault(encoding.person_id, []).append(encoding.case_id)
    for person_id, case_ids in by_person.items():
        CaseEncoding.objects.filter(case_id__in=case_ids).update(person_id=person_id)
    Person.objects.exclude(pk__in=set(assignment.values())).delete()

    _queue_review_pairs(review)
    run = LinkageRun.objects.create(
        seconds=time.perf_counter() - started,
        cases=len(encodings),
        encoded=encoded_count,
        persons=len(set(assignment.values())),
        review_pending=ReviewPair.objects.filter(status=ReviewPair.Status.PENDING).count(),
    )
    record_event(
        actor=by,
        action="linkage_refreshed",
        detail={
            "cases": run.cases,
            "encoded": run.encoded,
            "persons": run.persons,
            "review": run.review_pending,
        },
        actor_label="" if by else "system",
    )
    return run


def _queue_review_pairs(review: pd.DataFrame) -> None:
    existing = {
        (a, b): status for a, b, status in ReviewPair.objects.values_list("case_a_id", "case_b_id", "status")
    }
    current = set()
    new = []
    for left, right, probability in zip(
        review["rec_id_l"], review["rec_id_r"], review["match_probability"], strict=True
    ):
        a, b = sorted((int(left), int(right)))
        current.add((a, b))
        if (a, b) not in existing:
            new.append(ReviewPair(case_a_id=a, case_b_id=b, probability=float(probability)))
    ReviewPair.objects.bulk_create(new, ignore_conflicts=True)
    # Pending pairs the model is now sure about (or no longer pairs) leave the queue; decisions stay.
    stale = [
        pk
        for pk, a, b in ReviewPair.objects.filter(status="pending").values_list(
            "pk", "case_a_id", "case_b_id"
        )
        if (a, b) not in current
    ]
    ReviewPair.objects.filter(pk__in=stale).delete()


@transaction.atomic
def decide_review_pair(*, pair: ReviewPair, by, same_person: bool) -> ReviewPair:
    """The coordinator's decision on an uncertain pair; applied at every later refresh."""
    pair.status = ReviewPair.Status.CONFIRMED if same_person else ReviewPair.Status.REJECTED
    pair.decided_at = timezone.now()
    pair.decided_by = by
    pair.full_clean()
    pair.save(update_fields=["status", "decided_at", "decided_by"])
    record_event(
        actor=by,
        action="linkage_pair_confirmed" if same_person else "linkage_pair_rejected",
        obj=pair.case_a,
        detail={"pair": str(pair.code), "other_case": str(pair.case_b.code)},
    )
    return pair


def linkage_is_current() -> bool:
    """False when a case is new, its identity changed, the secret changed or a decision is newer."""
    from django.db.models import F

    from kompass.cases.models import Case

    try:
        current = scheme(linkage_secret())
    except ValidationError:
        return True  # nothing can be done without a secret
    last = LinkageRun.objects.order_by("-started_at").first()
    if last is None:
        return not Case.objects.exists()
    if Case.objects.filter(encoding__isnull=True).exists():
        return False
    if CaseEncoding.objects.exclude(scheme=current).exists():
        return False
    if CaseEncoding.objects.filter(case__identity__updated_at__gt=F("encoded_at")).exists():
        return False
    return not ReviewPair.objects.filter(decided_at__gt=last.started_at).exists()


def ensure_linkage_current(*, stderr=None) -> LinkageRun | None:
    """Refresh the person clusters when anything changed (statistics must count persons)."""
    if linkage_is_current():
        return None
    try:
        return refresh_linkage()
    except ValidationError as exc:
        if stderr is not None:
            stderr.write(f"record linkage skipped ({'; '.join(exc.messages)}): cases are counted as persons")
        return None


@transaction.atomic
def import_ctdc(*, text: str, organisation_name: str, by=None, country: str = "") -> int:
    """Import CTDC rows as anonymous cases (one person each) owned by the named organisation.

    The organisation is created when missing (in `country`, ISO2, default the coordinator's).
    Any bad row raises `ctdc.RowError` with its line number, and nothing is imported.
    """
    import datetime

    from kompass.cases.services import create_case
    from kompass.organisations.models import Organisation
    from kompass.stats import ctdc

    rows = ctdc.parse(text)
    organisation = Organisation.objects.filter(name=organisation_name).first()
    if organisation is None:
        coordinator = Organisation.objects.filter(is_national_coordinator=True).first()
        country = (country or (coordinator.country if coordinator else "") or "RO").upper()
        organisation = Organisation(name=organisation_name, country=country)
        organisation.full_clean()
        organisation.save()
        record_event(
            actor=by, action="organisation_created", obj=organisation, detail={"source": "import_ctdc"}
        )
    for row in rows:
        year = row.pop("identified_on_year")
        create_case(
            owner=organisation,
            by=by,
            identity=None,
            is_anonymous=True,
            country=organisation.country,
            identified_on=datetime.date(year, 1, 1),
            **row,
        )
    record_event(actor=by, action="ctdc_imported", obj=organisation, detail={"rows": len(rows)})
    return len(rows)
