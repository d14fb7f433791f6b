"""The one map of what each viewer may see of a case (kompass/cases/visibility.py)."""

import re
from pathlib import Path

import pytest

from kompass.cases import visibility
from kompass.cases.codes import ServiceCode
from kompass.cases.models import Case, CaseIdentity
from kompass.cases.services import CASE_FIELDS, export_columns

REPO = Path(__file__).resolve().parents[3]


def _concrete_fields(model) -> list[str]:
    return [f.name for f in model._meta.get_fields() if f.concrete]


@pytest.mark.parametrize(
    ("model", "groups"),
    [(Case, visibility.CASE_FIELD_GROUPS), (CaseIdentity, visibility.IDENTITY_FIELD_GROUPS)],
)
def test_every_field_belongs_to_exactly_one_group(model, groups):
    listed = [name for fields in groups.values() for name in fields]
    assert sorted(listed) == sorted(_concrete_fields(model)), "a field is missing, unknown or listed twice"


def test_every_service_says_what_its_receiver_sees():
    assert set(visibility.SERVICE_GROUPS) == set(ServiceCode.values)
    for groups in [*visibility.SERVICE_GROUPS.values(), visibility.TRANSFER_GROUPS, visibility.OWNER_GROUPS]:
        assert groups <= visibility.GROUPS


def test_templates_name_only_groups_of_the_map():
    used = set()
    for template in REPO.glob("kompass/*/templates/**/*.html"):
        used |= set(re.findall(r'has_group:"([a-z_]+)"', template.read_text()))
    assert used and used <= visibility.GROUPS


def test_an_unknown_group_is_an_error_not_a_silent_no():
    with pytest.raises(ValueError):
        visibility.visible_fields(visibility.OWNER_GROUPS, "statuss")


def test_writable_fields_and_export_columns_come_from_the_map(persona):
    from kompass.organisations.permissions import get_membership

    assert {visibility.group_of(name) for name in CASE_FIELDS} <= {
        "casework",
        "profile",
        "status",
        "exploitation",
    }
    columns = export_columns(get_membership(persona("org_admin_a")))
    assert {"reference", "trafficking_status", "age_band", "is_recruited_online"} <= set(columns)
    assert not set(columns) & {"birth_year", "assigned_to", "id", "version"}
    assert not set(columns) & {
        "given_name",
        "surname",
        "phone",
        "address",
        "document_numbers",
        "date_of_birth",
    }


def test_a_limited_view_carries_only_its_groups(referred_case, persona):
    from kompass.cases.permissions import access_for
    from kompass.organisations.permissions import get_membership

    access = access_for(get_membership(persona("caseworker_b")), referred_case.case)
    values = access.values()
    assert (
        "trafficking_status" not in values
        and "identifying_sector" not in values
        and "birth_year" not in values
    )
    assert values["reference"] == referred_case.case.reference and "age_band" in values
    assert set(access.identity_values(referred_case.case.identity)) >= {
        "given_name",
        "phone",
        "date_of_birth",
    }
