import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "manage", "figures"),
    [
        ("trainer_a", True, True),
        ("org_admin_a", True, True),
        ("coordinator", False, True),
        ("auditor", False, True),
        ("caseworker_a", False, False),
        ("frontline_a", False, False),
    ],
)
def test_dashboard_card_shows_only_what_the_role_may_use(client, login, who, manage, figures):
    login(client, who)
    body = client.get(reverse("core:dashboard")).content.decode()
    assert (reverse("training:create") in body) is manage
    assert (reverse("training:impact") in body) is figures
    assert reverse("training:self_help") in body


def test_training_list_query_count_does_not_grow(client, login, org_a, django_assert_max_num_queries):
    from kompass.training.tests.factories import make_training

    login(client, "trainer_a")
    make_training(org_a)
    with django_assert_max_num_queries(30) as captured:
        client.get(reverse("training:list"))
    for i in range(15):
        make_training(org_a, title=f"T{i}", region=f"Region {i}")
    with django_assert_max_num_queries(len(captured.captured_queries)):
        client.get(reverse("training:list"))
