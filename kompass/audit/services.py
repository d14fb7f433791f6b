"""The one audit mechanism: every service and access helper records through these two functions."""

from collections.abc import Callable
from typing import Any

from django.db import models

from kompass.audit.context import current_ip
from kompass.audit.models import AuditEvent


def _no_organisation(actor: Any) -> Any:
    return None


# The organisation an actor acts for, for events whose object names none. organisations sets it
# from its AppConfig.ready() (the actor's active membership): organisations uses audit, never the
# reverse (docs/architecture.md, "Layers").
actor_organisation: Callable[[Any], Any] = _no_organisation


def set_actor_organisation(lookup: Callable[[Any], Any]) -> None:
    """Tell audit how to find the organisation an actor acts for (called once, by organisations)."""
    global actor_organisation
    actor_organisation = lookup


def _organisation_of(obj: Any, actor) -> Any:
    for attr in ("audit_organisation", "organisation", "owner"):
        value = getattr(obj, attr, None)
        if value is not None and value.__class__.__name__ == "Organisation":
            return value
    if obj is not None and obj.__class__.__name__ == "Organisation":
        return obj
    return None


def record_event(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    organisation=None,
    detail: dict | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event. `organisation` defaults to the object's organisation (for org admins' view)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    if organisation is None:
        organisation = _organisation_of(obj, actor)
    if organisation is None and actor is not None:
        organisation = actor_organisation(actor)
    label = actor_label or (actor.email if actor is not None else "")
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=label[:254],
        organisation=organisation,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(getattr(obj, "code", None) or obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        ip_address=current_ip.get(),
        detail={
            k: str(v) if not isinstance(v, (int, float, bool, list, dict, type(None))) else v
            for k, v in (detail or {}).items()
        },
    )


def record_access(
    *, actor, obj: models.Model, action: str = "read", detail: dict | None = None
) -> AuditEvent:
    """Record a read (or export) of sensitive data."""
    return record_event(actor=actor, action=action, obj=obj, detail=detail)
