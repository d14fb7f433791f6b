import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse

from kompass.api.views import merged_openapi
from kompass.cases.api import issue_token
from kompass.cases.models import ApiToken, Case
from kompass.cases.tests.factories import consent_to_share, offer
from kompass.organisations.models import Membership
from kompass.referrals.models import Referral
from kompass.referrals.services import send_referral

SPEC_FILE = Path(__file__).resolve().parent.parent / "openapi.yaml"


@pytest.fixture(scope="module")
def spec():
    return merged_openapi()


def conforms(spec, schema_name: str, data) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]}
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def api(client, method, url, body=None, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    if body is None:
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json", **headers)


def token_for(persona, name):
    return issue_token(membership=Membership.objects.get(user=persona(name)), name="test")[1]


# The schema --------------------------------------------------------------------------------------


def test_openapi_schema_is_well_formed_and_every_ref_resolves(spec):
    own = yaml.safe_load(SPEC_FILE.read_text())
    assert set(own["paths"]) <= set(spec["paths"])
    jsonschema.Draft202012Validator.check_schema({"components": spec["components"]})
    text = json.dumps(own)
    for ref in set(re.findall(r'"\$ref": "#/components/(\w+)/(\w+)"', text)):
        assert ref[1] in spec["components"][ref[0]], ref
    for path, operations in own["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            assert method in {"get", "post", "patch"}, (path, method)
            assert operation["responses"] and operation.get("summary"), (path, method)
            for status in operation["responses"]:
                assert re.fullmatch(r"[1-5]\d\d", status)


def test_every_api_route_is_documented_and_every_documented_path_routes(spec):
    from kompass.cases import api_urls as cases_urls
    from kompass.referrals import api_urls as referrals_urls

    routes = set()
    for prefix, module in (("/cases/", cases_urls), ("/referrals/", referrals_urls)):
        for pattern in module.urlpatterns:
            route = re.sub(r"<\w+:(\w+)>", r"{\1}", str(pattern.pattern))
            routes.add(prefix + route.replace("{pk}", "{id}"))
    documented = set(yaml.safe_load(SPEC_FILE.read_text())["paths"])
    assert routes == documented


# Authentication ----------------------------------------------------------------------------------


def test_token_authentication(client, persona, case_of_a, capsys):
    call_command("create_api_token", "caseworker_a@example.org", "--name", "partner system")
    clear = capsys.readouterr().out.strip().splitlines()[-1]
    response = api(client, "get", reverse("api:cases_api:list"), token=clear)
    assert response.status_code == 200
    assert response.json()["results"][0]["reference"] == case_of_a.reference
    assert ApiToken.objects.get().last_used_at is not None
    assert api(client, "get", reverse("api:cases_api:list"), token=clear[:-2] + "xx").status_code == 401
    prefix = ApiToken.objects.get().prefix
    call_command("revoke_api_token")
    assert prefix in capsys.readouterr().out
    call_command("revoke_api_token", prefix)
    response = api(client, "get", reverse("api:cases_api:list"), token=clear)
    assert response.status_code == 401 and response.json()["error"]


def test_session_without_second_factor_is_refused(client, persona, case_of_a):
    client.force_login(persona("caseworker_a"), backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("api:cases_api:list")).status_code == 401
    client.logout()
    response = client.get(reverse("api:cases_api:list"))
    assert response.status_code == 401 and set(response.json()) == {"error", "errors"}


def test_session_writes_need_csrf(persona, login, case_of_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login(client, "caseworker_a")
    url = reverse("api:cases_api:stage", kwargs={"code": case_of_a.code})
    assert api(client, "post", url, {"to_stage": "first_assistance"}).status_code == 403


# Access over every endpoint ------------------------------------------------------------------------

# persona → status for (read, write) on a case of A; B's row is without any referral.
CASE_API = {
    "caseworker_a": (200, 200),
    "org_admin_a": (200, 200),
    "caseworker_b": (404, 404),
    "org_admin_b": (404, 404),
    "coordinator": (404, 403),
    "auditor": (404, 403),
    "frontline_a": (404, 403),
    "trainer_a": (404, 403),
}


@pytest.mark.parametrize("who", [*CASE_API, "anonymous"])
@pytest.mark.parametrize(
    ("endpoint", "method", "body", "kind"),
    [
        ("cases_api:detail", "get", None, 0),
        ("cases_api:detail", "patch", {"version": 1, "region": "Vaslui"}, 1),
        ("cases_api:stage", "post", {"to_stage": "first_assistance"}, 1),
        ("cases_api:consents", "post", {"purpose": "contact_with_police"}, 1),
    ],
)
def test_case_api_access(client, persona, case_of_a, spec, who, endpoint, method, body, kind):
    token = token_for(persona, who) if who not in ("anonymous", "frontline_a", "trainer_a") else None
    if who in ("frontline_a", "trainer_a"):  # these roles get no token: use the session
        from django_otp import DEVICE_ID_SESSION_KEY

        user = persona(who)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get().persistent_id
        session.save()
    response = api(
        client, method, reverse("api:" + endpoint, kwargs={"code": case_of_a.code}), body, token=token
    )
    expected = 401 if who == "anonymous" else CASE_API[who][kind]
    if expected == 200 and endpoint == "cases_api:consents":
        expected = 201
    assert response.status_code == expected
    data = response.json()
    if expected >= 400:
        assert set(data) == {"error", "errors"}
        assert case_of_a.reference not in response.content.decode()
    elif endpoint != "cases_api:consents":
        conforms(spec, "Case", data)


@pytest.mark.parametrize(
    ("who", "count"),
    [("caseworker_a", 1), ("org_admin_a", 1), ("caseworker_b", 0), ("coordinator", 0), ("auditor", None)],
)
def test_case_list_api_is_org_scoped(client, persona, case_of_a, spec, who, count):
    response = api(client, "get", reverse("api:cases_api:list"), token=token_for(persona, who))
    if count is None:  # auditors read the audit trail, never cases
        assert response.status_code == 403
        return
    assert response.status_code == 200
    conforms(spec, "CasePage", response.json())
    assert response.json()["count"] == count


def test_limited_view_over_the_api_has_only_the_service_fields(client, persona, case_of_a, org_b, spec):
    offer(org_b, "information")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    send_referral(case=case_of_a, by=persona("caseworker_a"), to_organisation=org_b, service="information")
    token = token_for(persona, "caseworker_b")
    data = api(
        client, "get", reverse("api:cases_api:detail", kwargs={"code": case_of_a.code}), token=token
    ).json()
    conforms(spec, "Case", data)
    assert data["view"] == "limited"
    assert "identity" not in data and "consents" not in data and "version" not in data
    assert "is_forced_labour" not in data and "trafficking_status" not in data
    listed = api(client, "get", reverse("api:cases_api:list"), token=token).json()
    assert listed["count"] == 1 and listed["results"][0]["view"] == "limited"


# Behaviour ---------------------------------------------------------------------------------------


def test_create_case_over_the_api(client, persona, spec):
    token = token_for(persona, "caseworker_a")
    body = {
        "country": "RO", "region": "Galați", "sex": "male", "age_at_identification": 34, "citizenship": "UKR",
        "is_forced_labour": True, "labour_construction": True, "recruitment_method": "online_social_network",
        "platforms": ["telegram"], "identity": {"given_name": "Taras", "date_of_birth": "1992-04-02"},
    }  # fmt: skip
    response = api(client, "post", reverse("api:cases_api:list"), body, token=token)
    assert response.status_code == 201, response.json()
    data = response.json()
    conforms(spec, "Case", data)
    assert data["is_recruited_online"] and data["platforms"] == ["telegram"]
    assert data["identity"]["given_name"] == "Taras" and data["age_band"] == "30--38"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"country": "RO", "colour": "red"}, "colour"),
        ({"country": "RO", "sex": "robot"}, "sex"),
        ({"country": "RO", "is_forced_labour": "yes"}, "is_forced_labour"),
        ({"country": "RO", "platforms": ["myspace"]}, "platforms"),
        ({"country": "RO", "identity": {"eye_colour": "brown"}}, "identity.eye_colour"),
        ({"country": "Romania"}, "country"),
    ],
)
def test_bad_input_gets_the_fixed_error_shape(client, persona, body, field):
    response = api(
        client, "post", reverse("api:cases_api:list"), body, token=token_for(persona, "caseworker_a")
    )
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Case.objects.exists()


def test_patch_with_a_stale_version_is_409_and_changes_nothing(client, persona, case_of_a):
    token = token_for(persona, "caseworker_a")
    url = reverse("api:cases_api:detail", kwargs={"code": case_of_a.code})
    assert api(client, "patch", url, {"version": 1, "region": "Vaslui"}, token=token).status_code == 200
    response = api(client, "patch", url, {"version": 1, "region": "Bacău"}, token=token)
    assert response.status_code == 409 and "version" in response.json()["errors"]
    assert Case.objects.get(pk=case_of_a.pk).region == "Vaslui"
    assert api(client, "patch", url, {"region": "Bacău"}, token=token).status_code == 400


def test_referral_flow_over_the_api(client, persona, case_of_a, org_b, spec):
    offer(org_b, "legal_assistance")
    token_a, token_b = token_for(persona, "caseworker_a"), token_for(persona, "caseworker_b")
    body = {"case": str(case_of_a.code), "to_organisation": str(org_b.code), "service": "legal_assistance"}
    response = api(client, "post", reverse("api:referrals_api:list"), body, token=token_a)
    assert response.status_code == 409 and "agreed" in response.json()["error"]  # no consent yet
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    response = api(client, "post", reverse("api:referrals_api:list"), body, token=token_a)
    assert response.status_code == 201
    conforms(spec, "Referral", response.json())
    code = response.json()["code"]
    move = lambda name, token, payload=None: api(  # noqa: E731
        client,
        "post",
        reverse("api:referrals_api:move", kwargs={"code": code, "move": name}),
        payload,
        token=token,
    )
    assert move("accept", token_a).status_code == 409  # the sender cannot accept
    assert move("decline", token_b, {}).status_code == 400  # a reason is required
    response = move("accept", token_b)
    assert response.status_code == 200 and response.json()["status"] == "accepted"
    services_url = reverse("api:referrals_api:services", kwargs={"code": code})
    assert api(client, "post", services_url, {"note": "Court hearing"}, token=token_b).status_code == 201
    assert move("complete", token_b).json()["status"] == "completed"
    assert move("withdraw", token_a).status_code == 409
    listed = api(client, "get", reverse("api:referrals_api:list") + "?direction=out", token=token_a).json()
    conforms(spec, "ReferralPage", listed)
    assert listed["results"][0]["status"] == "completed"
    auditor = api(client, "get", reverse("api:referrals_api:list"), token=token_for(persona, "auditor"))
    assert auditor.status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 200), ("caseworker_b", 200), ("org_admin_b", 200), ("coordinator", 404), ("auditor", 404),
     ("anonymous", 401)],
)  # fmt: skip
def test_referral_detail_api_access(client, persona, referred_case, who, status):
    token = token_for(persona, who) if who != "anonymous" else None
    response = api(
        client, "get", reverse("api:referrals_api:detail", kwargs={"code": referred_case.code}), token=token
    )
    assert response.status_code == status
    if status != 200:
        assert referred_case.case.reference not in response.content.decode()


@pytest.mark.parametrize("move", ["accept", "decline", "withdraw", "complete"])
@pytest.mark.parametrize("who", ["coordinator", "auditor", "org_admin_b", "caseworker_a"])
def test_referral_move_api_access(client, persona, referred_case, who, move):
    response = api(
        client, "post", reverse("api:referrals_api:move", kwargs={"code": referred_case.code, "move": move}),
        {"reason": "r"} if move in ("decline", "withdraw") else None, token=token_for(persona, who),
    )  # fmt: skip
    allowed = {("org_admin_b", "accept"), ("org_admin_b", "decline"), ("caseworker_a", "withdraw")}
    if who in ("coordinator", "auditor"):
        assert response.status_code == 404
    elif (who, move) in allowed:
        assert response.status_code == 200
    else:
        assert response.status_code == 409
    if (who, move) not in allowed:
        assert Referral.objects.get(pk=referred_case.pk).status == "pending"


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 200), ("org_admin_a", 200), ("caseworker_b", 404), ("coordinator", 403), ("auditor", 403),
     ("anonymous", 401)],
)  # fmt: skip
def test_consent_withdraw_api_access(client, persona, case_of_a, who, status):
    from kompass.cases.services import record_consent

    consent = record_consent(case=case_of_a, by=persona("caseworker_a"), purpose="contact_with_police")
    token = token_for(persona, who) if who != "anonymous" else None
    url = reverse("api:cases_api:consent_withdraw", kwargs={"code": case_of_a.code, "pk": consent.pk})
    response = api(client, "post", url, token=token)
    assert response.status_code == status
    consent.refresh_from_db()
    assert (consent.withdrawn_on is not None) is (status == 200)


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 409), ("caseworker_b", 201), ("org_admin_b", 201), ("coordinator", 404), ("auditor", 404),
     ("anonymous", 401)],
)  # fmt: skip
def test_referral_service_api_access(client, persona, referred_case, who, status):
    from kompass.referrals.services import accept_referral

    accept_referral(referral=referred_case, by=persona("caseworker_b"))
    token = token_for(persona, who) if who != "anonymous" else None
    url = reverse("api:referrals_api:services", kwargs={"code": referred_case.code})
    assert api(client, "post", url, {"note": "Check-up"}, token=token).status_code == status
    assert referred_case.case.deliveries.count() == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker_a", 201), ("org_admin_a", 201), ("caseworker_b", 404), ("coordinator", 403), ("auditor", 403),
     ("anonymous", 401)],
)  # fmt: skip
def test_send_referral_api_access(client, persona, case_of_a, org_b, who, status):
    offer(org_b, "medical_care")
    consent_to_share(case_of_a, org_b, persona("caseworker_a"))
    token = token_for(persona, who) if who != "anonymous" else None
    body = {"case": str(case_of_a.code), "to_organisation": str(org_b.code), "service": "medical_care"}
    response = api(client, "post", reverse("api:referrals_api:list"), body, token=token)
    assert response.status_code == status
    assert Referral.objects.count() == (1 if status == 201 else 0)
