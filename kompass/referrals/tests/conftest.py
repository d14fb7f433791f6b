# Referrals are tested on the same cases as the cases app.
from kompass.cases.tests.conftest import case_of_a, referred_case  # noqa: F401
