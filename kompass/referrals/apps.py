from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "kompass.referrals"
    label = "referrals"

    def ready(self) -> None:
        # Referrals follow their case: closing it, or losing consent to share it, ends them. cases
        # calls these steps without knowing referrals (docs/architecture.md, "Layers").
        from kompass.cases import services as case_services
        from kompass.referrals import services

        for steps, step in (
            (case_services.CASE_CLOSED_STEPS, services.end_referrals_of_closed_case),
            (case_services.SHARING_WITHDRAWN_STEPS, services.withdraw_for_lost_consent),
        ):
            if step not in steps:
                steps.append(step)
