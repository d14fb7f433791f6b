from django.conf import settings
from django.urls import get_script_prefix
from django.utils import translation


def kompass(request):
    return {
        "membership": getattr(request, "membership", None),
        "demo_mode": settings.DEMO_MODE,
    }


# Fields never copied into the language switcher's re-submission of a posted form.
_NOT_RESUBMITTED = ("csrfmiddlewaretoken", "password", "otp", "token")


def languages(request):
    """The language switcher: the same page in every language (docs/decisions/0021).

    `language_links`: one per language — `href` (the switcher's link; English is `/en/…`, which
    records the choice) and `alternate` (the page's own address in that language, for hreflang).
    `language_resubmit`: on a page answering a POST (a checked offer, a form with errors), the posted
    fields, which the switcher sends again to the page in the other language so nothing is lost.
    """
    path = request.path_info
    current = translation.get_language_from_path(path)
    if current:
        path = path[len(current) + 1 :] or "/"
    query = request.META.get("QUERY_STRING", "")
    suffix = path + (f"?{query}" if query else "")
    prefix = get_script_prefix().rstrip("/")
    active = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"][:1].upper() + info["name_local"][1:],
                "current": code == active,
                "href": f"{prefix}/{code}{suffix}",
                "alternate": request.build_absolute_uri(
                    f"{prefix}{suffix}" if code == settings.LANGUAGE_CODE else f"{prefix}/{code}{suffix}"
                ),
            }
        )
    resubmit = []
    if request.method == "POST":
        resubmit = [
            (name, value)
            for name, values in request.POST.lists()
            if not any(word in name.lower() for word in _NOT_RESUBMITTED)
            for value in values
        ]
    return {"language_links": links, "language_resubmit": resubmit}
