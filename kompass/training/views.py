"""Views of the training app: trainings, the schools programme, knowledge checks, reach, impact
and self-help. Same shape everywhere: access helper → form → service → redirect/render."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_POST

from kompass.campaigns.selectors import campaign_reach
from kompass.lib.forms import add_errors
from kompass.lib.i18n import chooses_language
from kompass.lib.qr import qr_svg
from kompass.organisations.permissions import staff_required
from kompass.training import charts, exports, selectors, services
from kompass.training.codes import COUNTRIES, PASS_MARK_PERCENT, Module, Phase, Sector
from kompass.training.content import self_help_page, self_help_pages
from kompass.training.forms import (
    AttendeeForm,
    CertificateForm,
    ImpactForm,
    KnowledgeCheckForm,
    ParentSessionForm,
    SchoolForm,
    SchoolSessionForm,
    TrainingForm,
)
from kompass.training.models import CheckResponse, ParentSession, SchoolSession, Training
from kompass.training.permissions import (
    get_school_session_for_user,
    get_training_for_user,
)
from kompass.training.questions import questions_for

PARTICIPANT_COOKIE = "kompass_check"
PARTICIPANT_SALT = "training-participant"
PARTICIPANT_MAX_AGE = 60 * 60 * 24 * 60  # pre- and post-test may be weeks apart


# ---------------------------------------------------------------- trainings (staff)


@staff_required("can_manage_trainings")
def training_list(request):
    trainings = Training.objects.visible_to(request.membership).order_by("-date", "-id")
    return render(
        request,
        "training/training_list.html",
        {
            "trainings": trainings[:200],
            "count": trainings.count(),
            "results": selectors.check_results(trainings),
            "module_labels": dict(Module.choices),
        },
    )


def _training_form_data(form) -> dict:
    data = dict(form.cleaned_data)
    return {"modules": data.pop("modules"), "trainers": data.pop("trainers"), **data}


@staff_required("can_manage_trainings")
def training_create(request):
    organisation = request.membership.organisation
    form = TrainingForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation,
        initial={"country": organisation.country, "trainers": [request.user.pk]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            training = services.create_training(
                organisation=organisation, by=request.user, **_training_form_data(form)
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The training was recorded."))
            return redirect(training)
    return render(request, "training/training_form.html", {"form": form})


@staff_required("can_manage_trainings")
def training_edit(request, code):
    training = get_training_for_user(request.membership, code)
    initial = {name: getattr(training, name) for name in services.TRAINING_FIELDS}
    initial.update(modules=training.modules, trainers=list(training.trainers.values_list("pk", flat=True)))
    form = TrainingForm(
        request.POST if request.method == "POST" else None,
        organisation=training.organisation,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_training(training=training, by=request.user, **_training_form_data(form))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The training was updated."))
            return redirect(training)
    return render(request, "training/training_form.html", {"form": form, "training": training})


def _check_url(request, training: Training, phase: str) -> str:
    return request.build_absolute_uri(
        reverse("training:check", kwargs={"key": training.check_key, "phase": phase})
    )


@staff_required("can_manage_trainings")
def training_detail(request, code):
    training = get_training_for_user(request.membership, code)
    links = []
    for phase in Phase:
        url = _check_url(request, training, phase.value)
        links.append({"phase": phase, "url": url, "qr": qr_svg(url, scale=4, border=2)})
    responses = training.responses.all()
    return render(
        request,
        "training/training_detail.html",
        {
            "training": training,
            "links": links,
            "results": selectors.check_results(Training.objects.filter(pk=training.pk)),
            "module_labels": dict(Module.choices),
            "named_responses": [r for r in responses if r.consent_to_name],
            "attendees": training.attendees.all(),
            "trainers": training.trainers.all(),
            "attendee_form": AttendeeForm(),
            "pass_mark": PASS_MARK_PERCENT,
        },
    )


@staff_required("can_manage_trainings")
@require_POST
def attendee_add(request, code):
    training = get_training_for_user(request.membership, code)
    form = AttendeeForm(request.POST)
    if form.is_valid():
        services.add_attendee(training=training, by=request.user, **form.cleaned_data)
        messages.success(request, _("The attendee was added."))
    else:
        messages.error(request, _("A name is recorded only when the person agreed to be named."))
    return redirect(training)


@staff_required("can_manage_trainings")
@require_POST
def attendee_remove(request, code, pk):
    training = get_training_for_user(request.membership, code)
    services.remove_attendee(attendee=get_object_or_404(training.attendees, pk=pk), by=request.user)
    messages.success(request, _("The attendee was removed."))
    return redirect(training)


# ---------------------------------------------------------------- schools programme (staff)


@staff_required("can_manage_trainings")
def school_sessions(request):
    membership = request.membership
    organisation = membership.organisation
    school_form = SchoolForm(prefix="school", initial={"country": organisation.country})
    session_form = SchoolSessionForm(prefix="session")
    parent_form = ParentSessionForm(prefix="parents")
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind == "school":
            school_form = SchoolForm(request.POST, prefix="school")
            if school_form.is_valid():
                school = services.get_or_create_school(by=request.user, **school_form.cleaned_data)
                messages.success(request, _("School %(name)s is in the register.") % {"name": school})
                return redirect("training:schools")
        elif kind == "session":
            session_form = SchoolSessionForm(request.POST, prefix="session")
            if session_form.is_valid():
                try:
                    services.record_school_session(
                        organisation=organisation, by=request.user, **session_form.cleaned_data
                    )
                except ValidationError as error:
                    add_errors(session_form, error)
                else:
                    messages.success(request, _("The school session was recorded."))
                    return redirect("training:schools")
        elif kind == "parents":
            parent_form = ParentSessionForm(request.POST, prefix="parents")
            if parent_form.is_valid():
                services.record_parent_session(
                    organisation=organisation, by=request.user, **parent_form.cleaned_data
                )
                messages.success(request, _("The parents' session was recorded."))
                return redirect("training:schools")
    sessions = SchoolSession.objects.visible_to(membership).select_related("school")
    parents = ParentSession.objects.visible_to(membership).select_related("school")
    return render(
        request,
        "training/school_sessions.html",
        {
            "sessions": sessions[:30],
            "parent_sessions": parents[:50],
            "reach": selectors.reach_report(sessions=sessions, parent_sessions=parents).total,
            "school_form": school_form,
            "session_form": session_form,
            "parent_form": parent_form,
        },
    )


# The language pupils of a school's country most often read, when the phone says nothing we speak.
SCHOOL_LANGUAGE = {"RO": "ro", "MD": "ro", "RS": "sr-latn", "UA": "uk"}


def _pupil_url(request, session: SchoolSession) -> str:
    # Without a language prefix, so that each pupil's phone picks the language (see pupil_link).
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse("training:pupil_link", kwargs={"key": session.pupil_key}))


@staff_required("can_manage_trainings")
def school_session_qr(request, code):
    """The session's QR code for pupils, to show in class or print; and how often it was opened."""
    session = get_school_session_for_user(request.membership, code)
    url = _pupil_url(request, session)
    return render(
        request,
        "training/school_session_qr.html",
        {
            "session": session,
            "url": url,
            "qr": qr_svg(url, scale=6, border=2, title="QR"),
            "opened": session.visits.aggregate(n=Sum("count"))["n"] or 0,
        },
    )


def _pupil_language(request, country: str) -> str:
    """The language in the link's prefix, else the phone's (Accept-Language), else the school's."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path:
        return from_path
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if accepted == "*":
            break
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return SCHOOL_LANGUAGE.get(country, settings.LANGUAGE_CODE)


@chooses_language
def pupil_link(request, key):
    """Public: a pupil scans the session's QR code; it is counted (no tracking) and leads to the
    online-safety pages in the pupil's language, with the help of the school's country."""
    session = get_object_or_404(SchoolSession.objects.select_related("school"), pupil_key=key)
    language = _pupil_language(request, session.school.country)
    services.record_pupil_visit(session=session, language=language)
    with translation.override(language):
        target = reverse("online:start")
    return redirect(f"{target}?country={session.school.country}")


@staff_required("can_manage_trainings")
@require_POST
def school_session_delete(request, code):
    session = get_school_session_for_user(request.membership, code)
    services.delete_school_session(session=session, by=request.user)
    messages.success(request, _("The school session was deleted."))
    return redirect("training:schools")


# ---------------------------------------------------------------- reach


def _reach_context(report, *, public: bool) -> dict:
    svg, unplaced = charts.reach_map(report.regions, title=_("Map of pupils reached by region"))
    return {"reach": report, "map": svg, "unplaced": unplaced, "countries": COUNTRIES, "public": public}


@staff_required("can_view_programme")
def reach_dashboard(request):
    report = selectors.reach_report()
    context = _reach_context(report, public=False)
    context["results"] = selectors.check_results(Training.objects.all())
    context["module_labels"] = dict(Module.choices)
    context["campaign_reach"] = campaign_reach()
    return render(request, "training/reach.html", context)


@staff_required("can_view_programme")
def reach_csv(request):
    response = HttpResponse(
        exports.reach_csv(selectors.reach_report()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="kompass-schools-reach.csv"'
    return response


def public_reach(request):
    """The public summary of the schools programme: aggregates only, no schools, no names."""
    return render(
        request, "training/public_reach.html", _reach_context(selectors.reach_report(), public=True)
    )


# ---------------------------------------------------------------- impact


def _place_from(request, places) -> tuple[str, str, str] | None:
    value = request.GET.get("place")
    if not value:
        return None
    parts = value.split("|", 2)
    if len(parts) != 3 or not any(
        (p["audience_sector"], p["country"], p["region"]) == tuple(parts) for p in places
    ):
        raise Http404
    return parts[0], parts[1], parts[2]


@staff_required("can_view_programme")
def impact_page(request):
    overview = selectors.impact_overview()
    places = [{"audience_sector": p.sector, "country": p.country, "region": p.region} for p in overview]
    place = _place_from(request, places)
    context = {
        "overview": overview,
        "form": ImpactForm(request.GET or None, places=places),
        "detail": None,
        "sector_labels": dict(Sector.choices),
    }
    if place is not None:
        detail = selectors.impact_detail(
            sector=place[0], country=place[1], region=place[2], pivot_code=request.GET.get("training")
        )
        context["detail"] = detail
        context["place_value"] = "|".join(place)
        context["monthly"] = list(zip(detail.months, detail.reports, detail.cases, strict=True))
        context["chart"] = charts.impact_chart(
            months=detail.months,
            reports=detail.reports,
            cases=detail.cases,
            trainings=[
                (t.date, f"{i}. {t.title} — {t.date:%Y-%m-%d}") for i, t in enumerate(detail.trainings, 1)
            ],
            windows=detail.windows,
            title=_("Reports and cases per month, %(sector)s, %(region)s")
            % {"sector": Sector(place[0]).label, "region": place[2]},
        )
    return render(request, "training/impact.html", context)


@staff_required("can_view_programme")
def impact_csv(request):
    """Without a place: the overview of every sector and region; with one: its monthly series."""
    overview = selectors.impact_overview()
    places = [{"audience_sector": p.sector, "country": p.country, "region": p.region} for p in overview]
    place = _place_from(request, places)
    if place is None:
        body, filename = exports.impact_overview_csv(overview), "kompass-training-impact.csv"
    else:
        detail = selectors.impact_detail(
            sector=place[0], country=place[1], region=place[2], pivot_code=request.GET.get("training")
        )
        body, filename = exports.impact_monthly_csv(detail, place), "kompass-training-impact-monthly.csv"
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ---------------------------------------------------------------- knowledge checks (public, no account)


def _participant(request) -> uuid.UUID | None:
    value = request.get_signed_cookie(PARTICIPANT_COOKIE, default=None, salt=PARTICIPANT_SALT)
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None


def _remember(response, request, participant: uuid.UUID):
    response.set_signed_cookie(
        PARTICIPANT_COOKIE,
        str(participant),
        salt=PARTICIPANT_SALT,
        max_age=PARTICIPANT_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def take_check(request, key, phase):
    if phase not in Phase.values:
        raise Http404
    training = get_object_or_404(Training.objects.select_related("organisation"), check_key=key)
    participant = _participant(request)
    if participant is not None:
        earlier = CheckResponse.objects.filter(
            training=training, phase=phase, participant=participant
        ).first()
        if earlier is not None:
            return redirect("training:check_result", code=earlier.code)
    questions = questions_for(training.modules)
    form = KnowledgeCheckForm(request.POST if request.method == "POST" else None, questions=questions)
    if request.method == "POST" and training.check_open and form.is_valid():
        participant = participant or uuid.uuid4()
        try:
            response = services.submit_check(
                training=training,
                phase=phase,
                participant=participant,
                answers=form.answers(),
                consent_to_name=form.cleaned_data["consent_to_name"],
                name=form.cleaned_data["name"],
            )
        except services.AlreadyAnswered as already:
            response = already.response
        return _remember(redirect("training:check_result", code=response.code), request, participant)
    return render(
        request,
        "training/check_form.html",
        {
            "training": training,
            "phase": Phase(phase),
            "form": form,
            "sector": Sector(training.audience_sector).label,
        },
    )


def _own_response(request, code) -> CheckResponse:
    """A participant sees only their own result: the response must belong to their phone's key."""
    participant = _participant(request)
    return get_object_or_404(
        CheckResponse.objects.select_related("training__organisation"),
        code=code,
        participant=participant or uuid.UUID(int=0),
    )


def check_result(request, code):
    response = _own_response(request, code)
    training = response.training
    other = (
        CheckResponse.objects.filter(training=training, participant=response.participant)
        .exclude(pk=response.pk)
        .first()
    )
    pre = response if response.phase == Phase.PRE else other
    post = response if response.phase == Phase.POST else other
    passed = post is not None and post.percent >= PASS_MARK_PERCENT
    return render(
        request,
        "training/check_result.html",
        {
            "response": response,
            "training": training,
            "pre": pre,
            "post": post,
            "passed": passed,
            "change": (post.percent - pre.percent) if pre and post else None,
            "pass_mark": PASS_MARK_PERCENT,
            "certificate_form": CertificateForm(initial={"name": response.name}),
            "post_url": reverse("training:check", kwargs={"key": training.check_key, "phase": Phase.POST}),
        },
    )


@require_POST
def check_certificate(request, code):
    """A certificate for a passed post-test. The name is printed, not stored (unless given with consent)."""
    response = _own_response(request, code)
    if response.phase != Phase.POST or response.percent < PASS_MARK_PERCENT:
        raise Http404
    form = CertificateForm(request.POST)
    if not form.is_valid():
        return redirect("training:check_result", code=code)
    from weasyprint import HTML

    html = render_to_string(
        "training/certificate.html",
        {
            "name": form.cleaned_data["name"],
            "training": response.training,
            "response": response,
            "modules": response.training.get_modules_display(),
        },
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    result = HttpResponse(pdf, content_type="application/pdf")
    result["Content-Disposition"] = 'attachment; filename="kompass-certificate.pdf"'
    return result


# ---------------------------------------------------------------- self-help (public)


def self_help_index(request):
    return render(request, "training/self_help_index.html", {"pages": self_help_pages()})


def self_help_detail(request, slug):
    page = self_help_page(slug)
    if page is None:
        raise Http404
    # Default: the country most readers of the page's language work in.
    default = {"ro": "RO", "sr-latn": "RS", "ru": "MD", "uk": "UA"}.get(request.LANGUAGE_CODE, "")
    country = request.GET.get("country", default).upper()
    hotlines = []
    if country in COUNTRIES:
        try:
            from kompass.directory.models import Hotline

            hotlines = list(Hotline.objects.for_country(country))
        except (ImportError, AttributeError):
            hotlines = []
    return render(
        request,
        "training/self_help_detail.html",
        {
            "page": page,
            "pages": self_help_pages(),
            "countries": COUNTRIES,
            "country": country,
            "hotlines": hotlines,
        },
    )
