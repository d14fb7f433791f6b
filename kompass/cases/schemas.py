"""Request and response schemas of the cases API (validation and the OpenAPI document come from here)."""

import datetime
import uuid
from typing import Annotated, Literal

from ninja import Field
from pydantic import StringConstraints

from kompass.api.schemas import Input, IsoDate, Output, Page, StrictBool, StrictInt, code, code_list
from kompass.cases.codes import (
    DecidingBody,
    Platform,
    RecruiterRelation,
    RecruitmentMethod,
    SectorCode,
    ServiceCode,
    Sex,
    Stage,
    TraffickingStatus,
)
from kompass.cases.models import Consent

Country2 = Annotated[str, StringConstraints(strict=True, pattern=r"^[A-Z]{2}$")]
Country3OrBlank = Annotated[str, StringConstraints(strict=True, pattern=r"^([A-Z]{3})?$")]
Text = Annotated[str, StringConstraints(strict=True, max_length=10_000)]
Short = Annotated[str, StringConstraints(strict=True, max_length=200)]


def _no_default(schema: dict) -> None:
    schema.pop("default", None)  # a field left out keeps its value; it has no default to document


class CaseAttributes(Input):
    """The attributes of a case a client may set (services.CASE_FIELDS, less the assignment)."""

    identified_on: IsoDate = Field(default_factory=datetime.date.today)
    identifying_sector: code(SectorCode.values, blank=True) = ""  # type: ignore[valid-type]
    country: Country2 = Field(
        None, description="Where the person is assisted (ISO 3166-1 alpha-2)", json_schema_extra=_no_default
    )
    region: Annotated[str, StringConstraints(strict=True, max_length=120)] = ""
    sex: code(Sex.values) = Sex.UNKNOWN  # type: ignore[valid-type]
    birth_year: StrictInt | None = Field(None, ge=1900, le=2100)
    age_at_identification: StrictInt | None = Field(None, ge=0, le=120)
    citizenship: Country3OrBlank = Field("", description="ISO 3166-1 alpha-3, or empty")
    country_of_exploitation: Country3OrBlank = Field("", description="ISO 3166-1 alpha-3, or empty")
    is_sexual_exploitation: StrictBool = False
    is_forced_labour: StrictBool = False
    is_other_exploitation: StrictBool = False
    labour_agriculture: StrictBool = False
    labour_construction: StrictBool = False
    labour_domestic_work: StrictBool = False
    labour_hospitality: StrictBool = False
    sex_prostitution: StrictBool = False
    sex_pornography: StrictBool = False
    means_debt_bondage: StrictBool = False
    means_threats: StrictBool = False
    means_abuse: StrictBool = False
    means_false_promises: StrictBool = False
    means_drugs_alcohol: StrictBool = False
    means_deny_basic_needs: StrictBool = False
    means_excessive_hours: StrictBool = False
    means_withhold_docs: StrictBool = False
    recruiter_relation: code(RecruiterRelation.values, blank=True) = ""  # type: ignore[valid-type]
    trafficking_months: StrictInt | None = Field(None, ge=0, le=32767)
    recruitment_method: code(RecruitmentMethod.values, blank=True) = ""  # type: ignore[valid-type]
    trafficking_status: code(TraffickingStatus.values) = TraffickingStatus.POSSIBLE  # type: ignore[valid-type]
    deciding_body: code(DecidingBody.values, blank=True) = ""  # type: ignore[valid-type]
    reflection_start: IsoDate | None = None
    reflection_end: IsoDate | None = None
    platforms: code_list(Platform.values, message="Unknown platform: {codes}.") = Field(  # type: ignore[valid-type]
        default_factory=list, description="Platforms the person was recruited through (docs/interfaces.md §3)"
    )


class IdentityIn(Input):
    """Who the person is (stored encrypted, shown only to the roles and services that need it)."""

    given_name: Short = ""
    surname: Short = ""
    other_names: Short = ""
    date_of_birth: IsoDate | None = None
    place_of_birth: Short = ""
    sex: Short = Field("", description="Sex as on documents")
    phone: Short = ""
    address: Text = ""
    document_numbers: Short = ""
    languages: Short = ""


class CaseCreate(CaseAttributes):
    country: Country2 = Field(description="Where the person is assisted (ISO 3166-1 alpha-2)")
    identity: IdentityIn | None = Field(None, description="Leave out for an anonymous case")


class CasePatch(CaseAttributes):
    """Only the fields sent change; `version` is the one read (409 when someone saved meanwhile)."""

    version: StrictInt = Field(ge=1)


class StageIn(Input):
    to_stage: code(Stage.values, message="Unknown stage.")  # type: ignore[valid-type]
    on: IsoDate | None = Field(None, description="The day of the move (default: today)")
    note: Text = ""


class ConsentIn(Input):
    purpose: code(Consent.Purpose.values)  # type: ignore[valid-type]
    organisation: uuid.UUID | None = Field(None, description="Code of the organisation; required for sharing")
    service: code(ServiceCode.values, blank=True) = ""  # type: ignore[valid-type]
    given_on: IsoDate | None = None
    note: Text = ""


class ConsentCreated(Output):
    id: int
    purpose: str
    given_on: datetime.date


class ConsentWithdrawn(Output):
    id: int
    withdrawn_on: datetime.date


# Responses ---------------------------------------------------------------------------------------


class OrganisationRef(Output):
    code: str = Field(json_schema_extra={"format": "uuid"})
    name: str


class NeedOut(Output):
    service: str
    priority: str
    met_on: datetime.date | None


class ConsentOut(Output):
    id: int
    purpose: str
    organisation: str | None
    service: str
    given_on: datetime.date
    withdrawn_on: datetime.date | None


class StageChangeOut(Output):
    from_: str = Field(alias="from", serialization_alias="from")
    to: str
    on: datetime.date


class ServiceOut(Output):
    service: str
    delivered_on: datetime.date
    provider: str


class Case(Output):
    """The fields of the groups the viewer sees (kompass/cases/visibility.py), the others left out.

    `view` is `full` for the owning organisation and `limited` for an organisation with an open
    referral; a limited view carries only the field groups its service needs. Identity only for the
    roles and services that need it."""

    view: Literal["full", "limited"]
    url: str
    # record
    code: str = Field(json_schema_extra={"format": "uuid"})
    reference: str = Field(pattern=r"^KMP-[0-9]{4}-[0-9]{5}$")
    owner: OrganisationRef
    stage: Stage
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None
    anonymised_at: datetime.datetime | None
    # profile
    sex: str | None = None
    age_band: str | None = None
    citizenship: str | None = None
    country: str | None = None
    region: str | None = None
    reflection_start: datetime.date | None = None
    reflection_end: datetime.date | None = None
    # casework (the owner's)
    assigned_to: str | None = Field(None, description="E-mail of the caseworker")
    version: int | None = None
    identified_on: datetime.date | None = None
    identifying_sector: str | None = None
    birth_year: int | None = None
    age_at_identification: int | None = None
    is_anonymous: bool | None = None
    source_report: str | None = Field(None, json_schema_extra={"format": "uuid"})
    # risk (the current assessment)
    risk_level: str | None = None
    risk_assessed_on: datetime.date | None = None
    # status
    trafficking_status: str | None = None
    deciding_body: str | None = None
    # exploitation
    country_of_exploitation: str | None = None
    is_sexual_exploitation: bool | None = None
    is_forced_labour: bool | None = None
    is_other_exploitation: bool | None = None
    labour_agriculture: bool | None = None
    labour_construction: bool | None = None
    labour_domestic_work: bool | None = None
    labour_hospitality: bool | None = None
    sex_prostitution: bool | None = None
    sex_pornography: bool | None = None
    means_debt_bondage: bool | None = None
    means_threats: bool | None = None
    means_abuse: bool | None = None
    means_false_promises: bool | None = None
    means_drugs_alcohol: bool | None = None
    means_deny_basic_needs: bool | None = None
    means_excessive_hours: bool | None = None
    means_withhold_docs: bool | None = None
    recruiter_relation: str | None = None
    trafficking_months: int | None = None
    recruitment_method: str | None = None
    is_recruited_online: bool | None = None
    platforms: list[str] | None = None
    # detail only
    identity: dict[str, str] | None = None
    needs: list[NeedOut] | None = None
    consents: list[ConsentOut] | None = None
    stage_history: list[StageChangeOut] | None = None
    services: list[ServiceOut] | None = None


class CasePage(Page):
    results: list[Case]
