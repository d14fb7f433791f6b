from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """`?<this page's query>&page=<number>`: a list's filters stay when moving between its pages."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
