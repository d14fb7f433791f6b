"""What the bot answers, built from the web's own content and services (one source of content).

Plain synchronous Django code: the handlers (`handlers.py`) call it through `sync_to_async` and send
the replies it returns. Each function takes the chat (`Chat`) and returns a list of `Reply`. Texts are
Telegram HTML: everything from data is escaped. Message texts are read and answered, never stored or
logged (the dialogue's memory keeps places and a step, never what was written).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from kompass.bot import memory, reach, services
from kompass.directory.codes import REGION_WIDE, country_name
from kompass.directory.models import Entry, Hotline
from kompass.directory.selectors import entries_near
from kompass.journeys.exports import plan_context, plan_pdf_bytes, public_plan_url
from kompass.journeys.forms import FollowForm, resolve_waypoint
from kompass.journeys.models import AwarenessPage, retention_days
from kompass.journeys.planning import PlanRequest, build_plan
from kompass.journeys.views import text_blocks
from kompass.lib.places import Place, PlaceNotFound, gazetteer
from kompass.recruitment.services import check_offer

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The language names as their speakers write them: the buttons to choose one.
LANGUAGE_NAMES = {"en": "English", "ro": "Română", "uk": "Українська", "ru": "Русский", "sr-latn": "Srpski"}
# Countries asked first for "help now": those of the displaced people's routes.
ROUTE_COUNTRIES = ("UA", "MD", "RO", "RS")
NEAR_KM = 50
NEAREST_POINTS = 3
MAX_STOPS = 3
PLAN_POINTS_SHOWN = 8
MAX_TEXT = 4000  # Telegram's limit is 4096 characters
ARRIVAL_HOURS = (2, 4, 6, 8, 12, 24)


@dataclass
class Chat:
    """Who the bot answers: the chat's id (to reply), the client's language, the Telegram username."""

    id: int
    client_language: str = ""
    username: str = ""


@dataclass
class Button:
    text: str
    data: str = ""  # callback data: "<language>|<action>|<argument>"
    url: str = ""


@dataclass
class Reply:
    text: str = ""
    buttons: list[list[Button]] = field(default_factory=list)
    location: tuple[float, float] | None = None
    document: tuple[str, bytes] | None = None  # (file name, content); `text` is its caption
    ask_location: bool = False  # a keyboard button that shares the person's location
    edit: bool = False  # replaces the message whose button was tapped


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def language_of(chat: Chat, state: dict | None = None) -> str:
    """The chat's chosen language, else the Telegram client's (Serbian → Serbian Latin), else English."""
    state = memory.recall(chat.id) if state is None else state
    if state.get("lang") in LANGUAGES:
        return state["lang"]
    code = (chat.client_language or "").lower()
    if code in LANGUAGES:
        return code
    base = code.split("-")[0]
    if base == "sr":
        return "sr-latn"
    return base if base in LANGUAGES else settings.LANGUAGE_CODE


def data(language: str, action: str, argument: str = "") -> str:
    return f"{language}|{action}|{argument}"


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def menu_buttons(language: str) -> list[list[Button]]:
    return [
        [Button(_("Risks and your rights"), data(language, "aw"))],
        [Button(_("Help now: numbers and support points"), data(language, "hn"))],
        [Button(_("Check a job offer"), data(language, "ck"))],
        [Button(_("Plan a journey"), data(language, "pl"))],
    ]


def _count(command: str, language: str, state: dict) -> None:
    reach.count_command(command=command, language=language, campaign=state.get("campaign", ""))


# --- Start, language, menu --------------------------------------------------------------------


def start(chat: Chat, payload: str = "") -> list[Reply]:
    state = memory.recall(chat.id)
    campaign = reach.campaign_from_payload(payload)
    if campaign:
        state["campaign"] = campaign
    state.pop("step", None)
    language = language_of(chat, state)
    memory.remember(chat.id, state)
    _count("start", language, state)
    return [_welcome(language)]


def _welcome(language: str, *, edit: bool = False) -> Reply:
    with translation.override(language):
        text = "\n\n".join([
            _("Kompass helps you travel safely: check offers of work, transport and housing, know your rights, find help on the way."),
            "<b>" + esc(_("In danger now? Call 112.")) + "</b>",
            _("Choose your language, then what you need. /forget deletes everything about this chat."),
        ])  # fmt: skip
        languages = [Button(name, data(code, "lang", code)) for code, name in LANGUAGE_NAMES.items()]
        return Reply(text, [languages[:3], languages[3:], *menu_buttons(language)], edit=edit)


def choose_language(chat: Chat, language: str) -> list[Reply]:
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    state = memory.recall(chat.id)
    state["lang"] = language
    memory.remember(chat.id, state)
    return [_welcome(language, edit=True)]


def show_menu(chat: Chat, language: str | None = None) -> list[Reply]:
    language = language or language_of(chat)
    with translation.override(language):
        return [Reply(_("What do you need?"), menu_buttons(language))]


# --- Awareness: the web's risk and rights pages -----------------------------------------------


def awareness_index(chat: Chat, language: str) -> list[Reply]:
    _count("awareness", language, memory.recall(chat.id))
    pages = AwarenessPage.objects.filter(is_published=True)
    with translation.override(language):
        buttons = [[Button(p.display_title(language), data(language, "ap", p.slug))] for p in pages]
        buttons.append([Button(_("All pages on the website"), url=site_url(reverse("journeys:awareness")))])
        return [Reply(_("Risks and your rights: choose a topic."), buttons)]


def awareness_page(chat: Chat, language: str, slug: str) -> list[Reply]:
    page = AwarenessPage.objects.filter(slug=slug, is_published=True).first()
    if page is None:
        return awareness_index(chat, language)
    with translation.override(language):
        parts = [f"<b>{esc(page.display_title(language))}</b>", esc(page.display_summary(language))]
        items = [item for block in text_blocks(page.display_body(language)) for item in block.get("list", [])]
        if items:
            parts.append("\n".join(f"• {esc(item)}" for item in items[:8]))
        if page.display_authority(language):
            parts.append(
                esc(_("Where to apply: %(authority)s") % {"authority": page.display_authority(language)})
            )
        if page.source_name and page.last_verified:
            parts.append("<i>" + esc(_source_line(page)) + "</i>")
        buttons = [
            [Button(_("Read the full page"), url=site_url(page.get_absolute_url()))],
            [Button(_("Other topics"), data(language, "aw")), Button(_("Help now"), data(language, "hn"))],
        ]
        return [Reply(_fit("\n\n".join(parts)), buttons)]


def _source_line(fact) -> str:
    return _("Source: %(source)s, last verified %(date)s") % {
        "source": fact.source_name,
        "date": formats.date_format(fact.last_verified, "SHORT_DATE_FORMAT"),
    }


def _fit(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


# --- Help now: 112 first, the country's numbers, the nearest support points ---------------------


def help_now(chat: Chat, language: str) -> list[Reply]:
    _count("help_now", language, memory.recall(chat.id))
    countries = set(
        Hotline.objects.published().exclude(country=REGION_WIDE).values_list("country", flat=True)
    )
    ordered = [c for c in ROUTE_COUNTRIES if c in countries] + sorted(countries - set(ROUTE_COUNTRIES))
    with translation.override(language):
        buttons = [Button(country_name(c), data(language, "hc", c)) for c in ordered]
        rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        return [
            Reply("<b>" + esc(_("In danger now? Call 112.")) + "</b>\n" + esc(_("112 is free and works in every country of Europe, also without credit."))),
            Reply(_("Which country are you in?"), rows),
            Reply(_("Or share your location: I show the numbers of that country and the nearest support points. Your location is not stored."), ask_location=True),
        ]  # fmt: skip


def help_country(
    chat: Chat, language: str, country: str, point: tuple[float, float] | None = None
) -> list[Reply]:
    country = (country or "").upper()
    with translation.override(language):
        title = _("Numbers to call in %(country)s") % {"country": country_name(country)}
        lines = [f"<b>{esc(title)}</b>"]
        for hotline in Hotline.objects.for_country(country):
            line = f"☎ <b>{esc(hotline.number)}</b> — {esc(hotline.display_name(language))}"
            if hotline.display_hours(language):
                line += f" ({esc(hotline.display_hours(language))})"
            if hotline.country != REGION_WIDE and hotline.number_from_abroad:
                line += "\n   " + esc(_("From abroad: %(number)s") % {"number": hotline.number_from_abroad})
            if hotline.source_name and hotline.last_verified:
                line += f"\n   <i>{esc(_source_line(hotline))}</i>"
            lines.append(line)
        replies = [Reply(_fit("\n\n".join(lines)), [[Button(_("All numbers on the website"), url=site_url(reverse("directory:hotlines")))]])]  # fmt: skip
        if point is None:
            replies.append(
                Reply(_("Share your location to see the nearest support points."), ask_location=True)
            )
            return replies
        entries = Entry.objects.current().select_related("organisation").prefetch_related("services")
        near = entries_near(entries, point, NEAR_KM)[:NEAREST_POINTS]
        if not near:
            replies.append(Reply(_("No support point is listed within %(km)s km of you.") % {"km": NEAR_KM}))
        for entry in near:
            replies.append(Reply(location=entry.map_point))
            replies.append(Reply(_entry_text(entry, language), [[Button(_("More on the website"), url=site_url(entry.get_absolute_url()))]]))  # fmt: skip
        return replies


def _entry_text(entry: Entry, language: str) -> str:
    lines = [f"<b>{esc(entry.display_name(language))}</b> — {esc(entry.organisation.name)}"]
    where = ", ".join(part for part in (entry.address, entry.city) if part)
    distance = getattr(entry, "distance_km", None)
    if where or distance is not None:
        km = (
            _("%(km)s km from you") % {"km": formats.number_format(distance, 1)}
            if distance is not None
            else ""
        )
        lines.append(esc(" · ".join(part for part in (where, km) if part)))
    if entry.phone:
        lines.append("☎ " + esc(entry.phone))
    if entry.hours:
        open_now = entry.is_open_now()
        state = {True: _("open now"), False: _("closed now")}.get(open_now, "")
        lines.append(
            esc(_("Opening hours: %(hours)s") % {"hours": entry.display_hours()})
            + (f" ({esc(state)})" if state else "")
        )
    if entry.telegram:
        lines.append("Telegram: " + esc(entry.telegram))
    services = entry.get_service_displays()
    if services:
        lines.append(esc(", ".join(services)))
    return "\n".join(lines)


def located(chat: Chat, lat: float, lon: float) -> list[Reply]:
    """A shared location: the country's numbers and the nearest support points. Nothing is kept."""
    language = language_of(chat)
    near = gazetteer().nearest(lat, lon, max_km=100)
    if near is None:
        with translation.override(language):
            return [Reply(_("I could not tell which country this is."))] + help_now(chat, language)[1:2]
    return help_country(chat, language, near.country, (lat, lon))


# --- Check a job offer: the web's checker, nothing stored ------------------------------------


def check_start(chat: Chat, language: str) -> list[Reply]:
    state = memory.recall(chat.id)
    _count("check", language, state)
    state["step"] = "check"
    memory.remember(chat.id, state)
    with translation.override(language):
        return [Reply(_("Paste or forward the text of the job offer. It is checked here and not saved."))]


def check(chat: Chat, text: str, *, forwarded: bool = False) -> list[Reply]:
    state = memory.recall(chat.id)
    language = language_of(chat, state)
    if state.pop("step", None):
        memory.remember(chat.id, state)
    with translation.override(language):
        # An offer forwarded from Telegram came by a messenger: the web form's "how are you asked to
        # get in touch" answer, which is itself a warning sign.
        result = check_offer(text=text[:20000], contact_channel="telegram" if forwarded else "")
        heading = {
            "high": _("High risk: this offer shows strong warning signs"),
            "medium": _("Medium risk: be careful with this offer"),
        }.get(result.risk) or (
            _("Some warning signs found: be careful with this offer") if result.reasons else _("No warning signs found")
        )  # fmt: skip
        parts = [f"<b>{esc(heading)}</b>"]
        if not result.reasons:
            parts.append(esc(_("We found none of the warning signs we look for. This does not prove that the offer is safe: follow the three rules below and check the employer before you answer.")))  # fmt: skip
        else:
            words, why = _("Words in the offer:"), _("Why")
            reasons = [f"• {esc(r.text)}" + (f"\n  <i>{esc(words)}</i> " + esc(" · ".join(r.evidence)) if r.evidence else "") for r in result.reasons]  # fmt: skip
            parts.append(f"<b>{esc(why)}</b>\n" + "\n".join(reasons))
        if result.mitigating:
            favour = _("Signs in the offer's favour (check them yourself)")
            parts.append(f"<b>{esc(favour)}</b>\n" + "\n".join(f"• {esc(r.text)}" for r in result.mitigating))  # fmt: skip
        parts.append(esc(_("Before you answer: never give your passport to anyone, never pay to get a job, and tell someone you trust where you go.")))  # fmt: skip
        buttons = [
            [
                Button(_("Check another offer"), data(language, "ck")),
                Button(_("Help now"), data(language, "hn")),
            ],
            [Button(_("The checker on the website"), url=site_url(reverse("recruitment:check")))],
        ]
        return [Reply(_fit("\n\n".join(parts)), buttons)]


# --- Plan a journey: from, via, to, children → the plan, its PDF, its link ---------------------


def plan_start(chat: Chat, language: str) -> list[Reply]:
    state = memory.recall(chat.id)
    _count("plan", language, state)
    state.update(step="plan_from", places=[], suggest=[])
    memory.remember(chat.id, state)
    with translation.override(language):
        return [Reply(_("Where do you start?") + "\n" + _("A city or town, in any language."))]


def _place_row(place: Place, language: str) -> list:
    return [place.display_name(language), place.country, round(place.lat, 5), round(place.lon, 5)]


def plan_place(chat: Chat, text: str) -> list[Reply]:
    """A place typed during the plan dialogue."""
    state = memory.recall(chat.id)
    language = language_of(chat, state)
    with translation.override(language):
        try:
            place = resolve_waypoint(text[:120])
        except PlaceNotFound as exc:
            state["suggest"] = [_place_row(p, language) for p in exc.suggestions[:5]]
            memory.remember(chat.id, state)
            buttons = [[Button(f"{row[0]} ({row[1]})", data(language, "ps", str(i)))] for i, row in enumerate(state["suggest"])]  # fmt: skip
            return [Reply(esc(_("We do not know the place “%(name)s”.") % {"name": text[:120]}) + "\n" + esc(_("Choose one of these, or type the name again.")), buttons)]  # fmt: skip
    return _add_place(chat, state, language, _place_row(place, language))


def plan_suggestion(chat: Chat, language: str, index: str) -> list[Reply]:
    state = memory.recall(chat.id)
    suggestions = state.get("suggest") or []
    if not index.isdigit() or int(index) >= len(suggestions) or not state.get("step", "").startswith("plan_"):
        return plan_start(chat, language)
    return _add_place(chat, state, language, suggestions[int(index)])


def _add_place(chat: Chat, state: dict, language: str, row: list) -> list[Reply]:
    step = state.get("step")
    places = state.setdefault("places", [])
    state["suggest"] = []
    with translation.override(language):
        if step == "plan_to":
            places.append(row)
            state["step"] = "plan_children"
            memory.remember(chat.id, state)
            return [Reply(_("Are you travelling with children?"), [[Button(_("Yes"), data(language, "pk", "1")), Button(_("No"), data(language, "pk", "0"))]])]  # fmt: skip
        places.append(row)
        if step == "plan_from" or len(places) <= MAX_STOPS:
            state["step"] = "plan_via"
            memory.remember(chat.id, state)
            question = _("Any stop on the way? Type it, or tap “No stops”.") if len(places) == 1 else _("Another stop? Type it, or tap “No more stops”.")  # fmt: skip
            label = _("No stops") if len(places) == 1 else _("No more stops")
            return [Reply(question, [[Button(label, data(language, "pv"))]])]
        return _ask_destination(chat, state, language)


def plan_no_more_stops(chat: Chat, language: str) -> list[Reply]:
    state = memory.recall(chat.id)
    if state.get("step") != "plan_via":
        return plan_start(chat, language)
    return _ask_destination(chat, state, language)


def _ask_destination(chat: Chat, state: dict, language: str) -> list[Reply]:
    state["step"] = "plan_to"
    memory.remember(chat.id, state)
    with translation.override(language):
        return [Reply(_("Where are you going?"))]


def plan_children(chat: Chat, language: str, answer: str) -> list[Reply]:
    state = memory.recall(chat.id)
    places = state.get("places") or []
    if state.get("step") != "plan_children" or len(places) < 2:
        return plan_start(chat, language)
    request = PlanRequest(
        waypoints=[Place(id=f"t{i}", name=name, country=c, lat=lat, lon=lon) for i, (name, c, lat, lon) in enumerate(places)],
        language=language,
        with_children=answer == "1",
    )  # fmt: skip
    token = request.to_token()
    state.update(step="", places=[], plan=token)
    memory.remember(chat.id, state)
    with translation.override(language):
        plan = build_plan(request)
        url = public_plan_url(token)
        pdf = plan_pdf_bytes(plan_context(token, plan, plan_url=url))
        return [
            Reply(_plan_text(plan, language), [
                [Button(_("Open the plan"), url=url)],
                [Button(_("Follow my journey"), data(language, "fj"))],
            ]),
            Reply(_("Your safety plan (PDF): save it, it works without internet."), document=("kompass-safety-plan.pdf", pdf)),
        ]  # fmt: skip


def _plan_text(plan, language: str) -> str:
    waypoints = plan.request.waypoints
    route = " → ".join(esc(w.display_name(language)) for w in waypoints)
    title = _("Your safety plan")
    parts = [
        f"<b>{esc(title)}</b>\n{route} (≈ {formats.number_format(plan.route.length_km, 0)} km)",
        "<b>" + esc(_("In danger now? Call 112.")) + "</b>",
    ]
    for _code, name, hotlines in plan.hotlines_by_country():
        numbers = "\n".join(f"☎ {esc(h.number)} — {esc(h.display_name(language))}" for h in hotlines)
        parts.append(f"<b>{esc(name)}</b>\n{numbers}")
    if plan.request.with_children:
        parts.append(esc(_("Travelling with children: keep their documents yourself, and agree on what they do if you are separated: go to the police or a support point and call 112.")))  # fmt: skip
    points = plan.points[:PLAN_POINTS_SHOWN]
    if points:
        lines = []
        for p in points:
            e = p.entry
            line = f"• {esc(e.display_name(language))}, {esc(e.city or country_name(e.country))}"
            if e.phone:
                line += f" — ☎ {esc(e.phone)}"
            if e.hours:
                line += f" — {esc(e.display_hours())}"
            lines.append(line)
        heading = _("Support points on the way")
        parts.append(f"<b>{esc(heading)}</b>\n" + "\n".join(lines))
        if len(plan.points) > len(points):
            parts.append(esc(_("%(count)s more in the plan.") % {"count": len(plan.points) - len(points)}))
    else:
        parts.append(esc(_("No support point is listed near this route.")))
    return _fit("\n\n".join(parts))


def plan_text(chat: Chat, text: str) -> list[Reply]:
    return plan_place(chat, text)


# --- Follow my journey: opt-in check-ins ------------------------------------------------------


def follow_offer(chat: Chat, language: str) -> list[Reply]:
    state = memory.recall(chat.id)
    _count("follow", language, state)
    with translation.override(language):
        if not state.get("plan"):
            return [Reply(_("Plan your journey first: then an organisation can follow it."), [[Button(_("Plan a journey"), data(language, "pl"))]])]  # fmt: skip
        text = _(
            "If you wish, an organisation follows your journey. When you are expected somewhere, I ask you to check in with one tap. "
            "If you do not check in within %(grace)s minutes, their worker on duty is alerted and tries to reach you.\n\n"
            "What is kept: the organisation, the places and expected times of your journey, this chat so that I can write to you, "
            "and your Telegram username if you have one. It is deleted %(days)s days after the journey ends; /forget deletes it at once."
        ) % {"grace": settings.JOURNEYS_GRACE_MINUTES, "days": retention_days()}
        return [Reply(esc(text), [[Button(_("I agree"), data(language, "fy")), Button(_("No, thank you"), data(language, "menu"))]])]  # fmt: skip


def _organisations():
    return FollowForm().fields["organisation"].queryset.order_by("name")


def follow_consented(chat: Chat, language: str) -> list[Reply]:
    state = memory.recall(chat.id)
    if not state.get("plan"):
        return follow_offer(chat, language)
    organisations = list(_organisations()[:10])
    with translation.override(language):
        if not organisations:
            return [
                Reply(
                    _(
                        "No organisation can follow journeys at the moment. Keep your plan and the numbers in it."
                    )
                )
            ]
        buttons = [[Button(o.name, data(language, "fo", str(o.pk)))] for o in organisations]
        return [Reply(_("Which organisation should follow your journey?"), buttons)]


def _legs_of(token: str) -> list[tuple[str, str]]:
    try:
        request = PlanRequest.from_token(token)
    except (signing.BadSignature, KeyError, ValueError, TypeError):
        return []
    names = [w.display_name() for w in request.waypoints]
    return list(zip(names, names[1:], strict=False))


def follow_organisation(chat: Chat, language: str, organisation_pk: str) -> list[Reply]:
    state = memory.recall(chat.id)
    organisation = _organisations().filter(pk=organisation_pk).first() if organisation_pk.isdigit() else None
    if organisation is None or not state.get("plan"):
        return follow_consented(chat, language)
    state["follow"] = {"org": organisation.pk, "arrivals": []}
    memory.remember(chat.id, state)
    return _ask_arrival(chat, state, language)


def _ask_arrival(chat: Chat, state: dict, language: str) -> list[Reply]:
    legs = _legs_of(state["plan"])
    index = len(state["follow"]["arrivals"])
    with translation.override(language):
        buttons = [
            Button(_("+%(hours)s h") % {"hours": h}, data(language, "fa", str(h))) for h in ARRIVAL_HOURS
        ]
        question = _("When do you expect to arrive in %(place)s?") % {"place": legs[index][1]}
        hint = (
            _("From now")
            if index == 0
            else _("After your arrival in %(place)s") % {"place": legs[index - 1][1]}
        )
        return [Reply(esc(question) + "\n" + esc(hint), [buttons[:3], buttons[3:]])]


def follow_arrival(chat: Chat, language: str, hours: str) -> list[Reply]:
    state = memory.recall(chat.id)
    follow = state.get("follow")
    if not follow or not state.get("plan") or not hours.isdigit() or int(hours) not in ARRIVAL_HOURS:
        return follow_consented(chat, language)
    legs = _legs_of(state["plan"])
    previous = follow["arrivals"][-1] if follow["arrivals"] else timezone.now().timestamp()
    follow["arrivals"].append(previous + int(hours) * 3600)
    if len(follow["arrivals"]) < len(legs):
        memory.remember(chat.id, state)
        return _ask_arrival(chat, state, language)
    organisation = _organisations().filter(pk=follow["org"]).first()
    arrivals = [datetime.fromtimestamp(t, tz=timezone.get_current_timezone()).replace(second=0, microsecond=0) for t in follow["arrivals"]]  # fmt: skip
    with translation.override(language):
        try:
            journey = services.follow_journey(
                chat_id=chat.id,
                organisation=organisation,
                legs=[{"origin": a, "destination": b, "expected_arrival": t} for (a, b), t in zip(legs, arrivals, strict=True)],
                username=chat.username,
                language=language,
                consent=True,
            )  # fmt: skip
        except ValidationError as exc:
            return [Reply(esc(" ".join(exc.messages)))]
        state.pop("follow", None)
        memory.remember(chat.id, state)
        times = "\n".join(
            f"• {esc(leg.destination)} — {esc(_when(leg.expected_arrival))}" for leg in journey.legs.all()
        )
        text = esc(_("Your journey is followed by %(organisation)s. I will ask you to check in at these times:") % {"organisation": organisation.name}) + "\n" + times  # fmt: skip
        return [Reply(text, checkin_buttons(journey, language))]


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def checkin_buttons(journey, language: str) -> list[list[Button]]:
    leg = journey.next_leg()
    rows = []
    if leg is not None:
        rows.append([Button(_("I have arrived in %(place)s") % {"place": leg.destination}, data(language, "ci", str(leg.position)))])  # fmt: skip
    rows.append([Button(_("I arrived: end the journey"), data(language, "fin"))])
    return rows


def checked_in(chat: Chat, language: str, position: str) -> list[Reply]:
    with translation.override(language):
        try:
            services.check_in_chat(chat_id=chat.id, position=int(position) if position.isdigit() else 0)
        except ValidationError:
            return [Reply(_("This chat follows no journey now."), menu_buttons(language))]
        journey = services.followed_journey(chat.id)
        text = _("Thank you, your check-in was received.")
        if journey is not None and journey.next_leg() is None:
            text += "\n" + _("That was the last stop. Tap “I arrived” to end the journey.")
        return [Reply(esc(text), checkin_buttons(journey, language) if journey else [], edit=True)]


def finished(chat: Chat, language: str) -> list[Reply]:
    with translation.override(language):
        journey = services.finish_chat_journey(chat_id=chat.id)
        if journey is None:
            return [Reply(_("This chat follows no journey now."), menu_buttons(language))]
        text = _("Your journey is finished. Safe arrival!") + "\n" + _("What was kept is deleted on %(date)s; /forget deletes it now.") % {"date": formats.date_format(timezone.localtime(journey.delete_after), "SHORT_DATE_FORMAT")}  # fmt: skip
        return [Reply(esc(text), edit=True)]


def checkin_prompt(journey, leg) -> Reply:
    """The message sent when a leg's expected arrival has come (`runner.send_checkin_prompts`)."""
    language = journey.language if journey.language in LANGUAGES else settings.LANGUAGE_CODE
    with translation.override(language):
        text = _("Have you arrived in %(place)s? Tap to check in. If you do not, %(organisation)s is alerted in %(grace)s minutes.") % {  # fmt: skip
            "place": leg.destination, "organisation": journey.organisation.name, "grace": journey.grace_minutes,
        }  # fmt: skip
        return Reply(esc(text), checkin_buttons(journey, language))


# --- Forget -----------------------------------------------------------------------------------


def forget(chat: Chat) -> list[Reply]:
    language = language_of(chat)
    services.forget_chat(chat_id=chat.id)
    with translation.override(language):
        return [Reply(_("Everything about this chat was deleted: journeys, check-ins and what I remembered of our conversation."))]  # fmt: skip


# --- What a button or a message means -----------------------------------------------------------

ACTIONS = {
    "menu": lambda chat, lang, arg: show_menu(chat, lang),
    "lang": lambda chat, lang, arg: choose_language(chat, arg),
    "aw": lambda chat, lang, arg: awareness_index(chat, lang),
    "ap": awareness_page,
    "hn": lambda chat, lang, arg: help_now(chat, lang),
    "hc": help_country,
    "ck": lambda chat, lang, arg: check_start(chat, lang),
    "pl": lambda chat, lang, arg: plan_start(chat, lang),
    "ps": plan_suggestion,
    "pv": lambda chat, lang, arg: plan_no_more_stops(chat, lang),
    "pk": plan_children,
    "fj": lambda chat, lang, arg: follow_offer(chat, lang),
    "fy": lambda chat, lang, arg: follow_consented(chat, lang),
    "fo": follow_organisation,
    "fa": follow_arrival,
    "ci": checked_in,
    "fin": lambda chat, lang, arg: finished(chat, lang),
}


def button(chat: Chat, payload: str) -> list[Reply]:
    """A tapped inline button: "<language>|<action>|<argument>"."""
    language, _sep, rest = (payload or "").partition("|")
    action, _sep, argument = rest.partition("|")
    if language not in LANGUAGES:
        language = language_of(chat)
    handler = ACTIONS.get(action)
    if handler is None:
        return show_menu(chat, language)
    return handler(chat, language, argument)


def text_message(chat: Chat, text: str, *, forwarded: bool = False) -> list[Reply]:
    """A typed or forwarded message: the answer to the dialogue's question, else an offer to check
    (a forwarded message), else the menu."""
    step = memory.recall(chat.id).get("step", "")
    if step in ("plan_from", "plan_via", "plan_to"):
        return plan_place(chat, text)
    if step == "check" or forwarded:
        return check(chat, text, forwarded=forwarded)
    return show_menu(chat)


COMMANDS = {
    "help": lambda chat: show_menu(chat),
    "menu": lambda chat: show_menu(chat),
    "awareness": lambda chat: awareness_index(chat, language_of(chat)),
    "helpnow": lambda chat: help_now(chat, language_of(chat)),
    "check": lambda chat: check_start(chat, language_of(chat)),
    "plan": lambda chat: plan_start(chat, language_of(chat)),
    "follow": lambda chat: follow_offer(chat, language_of(chat)),
    "forget": forget,
}
