from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "kompass.referrals"
    label = "referrals"

    def ready(self) -> None:
        # Referrals follow their case: closing it, or losing consent to share it, ends them. cases
        # calls these steps without knowing referrals (docs/architecture.md, "Layers").
        from kompass.cases import selectors as case_selectors
        from kompass.cases import services as case_services
        from kompass.cases import visibility
        from kompass.referrals import grants, selectors, services

        for steps, step in (
            (case_services.CASE_CLOSED_STEPS, services.end_referrals_of_closed_case),
            (case_services.SHARING_WITHDRAWN_STEPS, services.withdraw_for_lost_consent),
        ):
            if step not in steps:
                steps.append(step)
        # A referral is what lets the receiving organisation see part of a case (cases/visibility.py),
        # and the coordinator's table of organisations counts the referrals waiting for each.
        visibility.register_grant_source(grants)
        case_selectors.ORGANISATION_COUNTS["pending_in"] = selectors.pending_in_by_organisation
        # The caseload counts referrals past their deadline; the dashboard's news shows partners' answers.
        case_selectors.CASELOAD_COUNTS["overdue_referrals"] = selectors.overdue_by_caseworker
        case_selectors.PARTNER_ANSWERS["responses"] = selectors.answers_since
