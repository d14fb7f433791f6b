"""Access to directory entries in the staff area."""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kompass.directory.models import Entry


def get_entry_for_user(membership, code: UUID, *, write: bool = False) -> Entry:
    """An entry in the staff area: 404 outside the own organisation (all for the coordinator),
    403 when the member may see but not edit entries."""
    entry = get_object_or_404(Entry.objects.visible_to(membership).select_related("organisation"), code=code)
    if write and not entry.is_editable_by(membership):
        raise PermissionDenied
    return entry
