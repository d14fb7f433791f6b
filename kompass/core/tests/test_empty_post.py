"""An empty POST is bad input like any other: the form shows its errors, it is never an unbound blank form.

`Form(request.POST or None)` treated an empty POST (all fields cleared, or a bot's bare POST) as a
first visit: the page came back with no error and nothing said why nothing happened.
"""

import pytest
from django.urls import reverse

PUBLIC_FORMS = ["online:report", "recruitment:check", "recruitment:report"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_FORMS)
@pytest.mark.parametrize("language", ["en", "ro", "uk", "ru", "sr-latn"])
def test_an_empty_post_to_a_public_form_shows_the_error_summary(client, name, language):
    client.cookies["django_language"] = language
    response = client.post(
        reverse(name), "", content_type="application/x-www-form-urlencoded", HTTP_ACCEPT_LANGUAGE=language
    )
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
