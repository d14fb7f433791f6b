"""The campaign link (`/c/<code>/`: count one opening, redirect) and the staff page of campaigns."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kompass.campaigns import selectors, services
from kompass.campaigns.models import Campaign, Channel
from kompass.organisations.permissions import staff_required


def go(request, code: str):
    """Count one opening (campaign, channel, language, day) and redirect; reads nothing about the person.

    The language is the `?lang=` of the link when it is one of ours, else the browser's, which the locale code
    reads from Accept-Language. No session, no cookie, no log line with the request's details.
    """
    campaign = get_object_or_404(Campaign, code=code)
    languages = {code for code, _name in settings.LANGUAGES}
    language = request.GET.get("lang")
    if language not in languages:
        language = translation.get_language_from_request(request)
    services.count(
        campaign=campaign.code,
        channel=services.channel_or_web(request.GET.get("ch")),
        language=language,
        day=timezone.localdate(),
    )
    response = HttpResponseRedirect(campaign.target)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


class CampaignForm(forms.Form):
    code = forms.CharField(label=_("Code (in the link)"), max_length=64)
    name = forms.CharField(label=_("Name"), max_length=200)
    target = forms.CharField(label=_("Target page (a path of this site, e.g. /journeys/)"), max_length=500)


@staff_required("can_run_campaigns")
def campaign_list(request):
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_campaign(request.membership, **form.cleaned_data)
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"target": error.messages}
            for field, messages in errors.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            return redirect("campaigns:list")
    campaigns = selectors.campaigns_for(request.membership)
    own = {c.code for c in campaigns}
    reach = [row for row in selectors.campaign_reach() if row.campaign in own]
    return render(
        request,
        "campaigns/list.html",
        {"form": form, "campaigns": campaigns, "reach": reach, "channels": Channel.choices},
    )
