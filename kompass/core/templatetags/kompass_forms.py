"""The error summary of a page (GOV.UK pattern): every invalid form the page shows, its errors
listed at the top, each linked to its field (docs/decisions/0022-forms-that-do-not-fail-silently.md)."""

from django import template
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def page_errors(context) -> list[dict]:
    """[{"href": "#id_field", "text": "Label: message"}] for every bound form in the page's context
    with errors, in the order the view gave them; the base template shows them at the top."""
    forms: list[BaseForm] = []
    items = []
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance() would evaluate lazy values such as the CSRF token,
        # which sets a cookie on pages that must set none.
        kind = type(value)
        candidates = [value] if issubclass(kind, BaseForm) else []
        if issubclass(kind, BaseFormSet) and value.is_bound:
            items += [{"href": "", "text": message} for message in value.non_form_errors()]
            candidates = value.forms
        for form in candidates:
            if form.is_bound and form.errors and all(form is not f for f in forms):
                forms.append(form)
    for form in forms:
        visible = [bound for bound in form if not bound.is_hidden]
        first = f"#{visible[0].id_for_label}" if visible and visible[0].id_for_label else ""
        for message in form.non_field_errors():
            items.append({"href": first, "text": message})
        for bound in form:
            for message in bound.errors:
                href = f"#{bound.id_for_label}" if bound.id_for_label and not bound.is_hidden else first
                items.append(
                    {
                        "href": href,
                        "text": _("%(label)s: %(message)s") % {"label": bound.label, "message": message},
                    }
                )
    return items
