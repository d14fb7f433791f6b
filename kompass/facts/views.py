"""The coordinator's review list of public facts that were not verified recently."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kompass.facts import services
from kompass.facts.forms import WithdrawForm
from kompass.facts.models import SourcedFact, fact_model, fact_models, review_after_days
from kompass.organisations.permissions import staff_required


def _get_fact(label: str, pk: int) -> SourcedFact:
    model = fact_model(label)
    if model is None:
        raise Http404
    return get_object_or_404(model, pk=pk)


@staff_required("can_review_facts")
def review(request):
    """Every kind of fact, with the published ones due for review (or all of them with ?all=1)."""
    show_all = request.GET.get("all") == "1"
    groups = []
    for model in fact_models():
        facts = model.objects.published().facts() if show_all else model.objects.due_for_review()
        groups.append(
            {
                "label": model._meta.label_lower,
                "name": model._meta.verbose_name_plural,
                "facts": list(facts.order_by("last_verified", "pk")),
                "total": model.objects.published().facts().count(),
            }
        )
    return render(request, "facts/review.html", {
        "groups": groups, "show_all": show_all, "months": round(review_after_days() / 30.5),
    })  # fmt: skip


@staff_required("can_review_facts")
@require_POST
def verify(request, label: str, pk: int):
    fact = _get_fact(label, pk)
    services.mark_fact_verified(fact=fact, by=request.user)
    messages.success(request, _("Marked as verified today: %(fact)s") % {"fact": fact.fact_label()})
    return redirect("facts:review")


@staff_required("can_review_facts")
@require_POST
def withdraw(request, label: str, pk: int):
    fact = _get_fact(label, pk)
    form = WithdrawForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    services.withdraw_fact(fact=fact, by=request.user, reason=reason)
    messages.success(request, _("Withdrawn from the public pages: %(fact)s") % {"fact": fact.fact_label()})
    return redirect("facts:review")
