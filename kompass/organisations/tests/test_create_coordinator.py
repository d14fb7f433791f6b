"""create_coordinator: the first account of an empty installation, with a one-time password link."""

import pytest
from django.core.management import CommandError, call_command

from kompass.organisations.models import Membership, Organisation


@pytest.mark.django_db
def test_first_coordinator_sets_a_password_through_the_printed_link(client, capsys):
    call_command("create_coordinator", "--email", "Ana@Agency.example", "--organisation", "National Agency",
                 "--country", "ro", "--name", "Ana Pop")  # fmt: skip
    out = capsys.readouterr().out
    membership = Membership.objects.get()
    assert membership.role == "coordinator" and membership.user.email == "ana@agency.example"
    assert membership.organisation.is_national_coordinator and membership.organisation.country == "RO"
    assert membership.user.is_staff and not membership.user.has_usable_password()
    link = next(word for word in out.split() if "/invitation/" in word)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    response = client.post(
        path, {"new_password1": "first-coordinator-pass-7", "new_password2": "first-coordinator-pass-7"}
    )
    assert response.status_code == 302
    membership.user.refresh_from_db()
    assert membership.user.check_password("first-coordinator-pass-7")


@pytest.mark.django_db
def test_a_second_coordinator_joins_the_same_organisation():
    call_command(
        "create_coordinator", "--email", "a@x.example", "--organisation", "National Agency", "--country", "RO"
    )
    call_command(
        "create_coordinator", "--email", "b@x.example", "--organisation", "National Agency", "--country", "RO"
    )
    assert Organisation.objects.count() == 1 and Membership.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--email", "a@x.example", "--organisation", "Other Agency", "--country", "RO"],
            "already National Agency",
        ),
        (
            ["--email", "A@x.example", "--organisation", "National Agency", "--country", "RO"],
            "exists already",
        ),
        (["--email", "not-an-email", "--organisation", "National Agency", "--country", "RO"], "valid email"),
    ],
)
def test_mistakes_are_refused_and_nothing_is_half_made(args, message):
    call_command(
        "create_coordinator", "--email", "a@x.example", "--organisation", "National Agency", "--country", "RO"
    )
    with pytest.raises(CommandError, match=message):
        call_command("create_coordinator", *args)
    assert Membership.objects.count() == 1
