from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def test_page_links_keep_the_lists_filters_and_replace_the_page():
    request = RequestFactory().get("/cases/", {"status": "new", "q": "a&b", "page": "2"})
    page = Paginator(list(range(30)), 10).get_page(2)
    html = render_to_string("_pagination.html", {"page": page}, request=request)
    assert 'href="?status=new&amp;q=a%26b&amp;page=1"' in html
    assert 'href="?status=new&amp;q=a%26b&amp;page=3"' in html
    assert "Page 2 of 3" in html


def test_one_page_shows_no_navigation():
    request = RequestFactory().get("/cases/")
    page = Paginator([1, 2], 10).get_page(1)
    assert render_to_string("_pagination.html", {"page": page}, request=request).strip() == ""
