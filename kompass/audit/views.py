from django.core.paginator import Paginator
from django.shortcuts import render

from kompass.audit.models import AuditEvent
from kompass.organisations.permissions import staff_required


@staff_required("can_view_org_audit")
def event_list(request):
    """Org admins see their organisation's events; auditors and the coordinator see all."""
    events = AuditEvent.objects.visible_to(request.membership).select_related("organisation")
    action = request.GET.get("action", "").strip()
    who = request.GET.get("who", "").strip()
    obj = request.GET.get("object", "").strip()
    if action:
        events = events.filter(action=action)
    if who:
        events = events.filter(actor_label__icontains=who)
    if obj:
        events = events.filter(object_id=obj)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "action": action, "who": who, "object": obj})
