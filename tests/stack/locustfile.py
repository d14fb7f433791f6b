"""The mixed workload of the stack tests: public pages, screening, the plan API, a caseworker's
case list and detail, and accepting then completing referrals (KOMPASS_STACK_DATA: seed output)."""

import itertools
import json
import os
import random
from pathlib import Path

import urllib3
from locust import HttpUser, between, task

urllib3.disable_warnings()  # loopback, self-signed certificate
DATA = json.loads(Path(os.environ["KOMPASS_STACK_DATA"]).read_text(encoding="utf-8"))
PEOPLE = itertools.cycle(DATA["users"])
GUIDE = DATA["guide"] or [""]
ANSWERS = ["dr.nature_of_job", "cr.debt_bondage", "ex.excessive_hours", "cd.isolation", "vd.economic_reasons"]
ROUTES = [
    ("Chișinău", "MD", "Iași", "RO"),
    ("Odesa", "UA", "Bucharest", "RO"),
    ("Lviv", "UA", "Kraków", "PL"),
]


class Visitor(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.verify = False
        person = next(PEOPLE)
        self.session_key = person["session"]
        self.referrals = list(person["referrals"])
        self.staff = {"Cookie": f"sessionid={self.session_key}"}

    @task(4)
    def public_home(self):
        self.client.get(random.choice(["/", "/uk/", "/ro/"]), name="public: home")

    @task(3)
    def public_guide(self):
        slug = random.choice(GUIDE)
        self.client.get(
            f"/uk/journeys/awareness/{slug}/" if slug else "/uk/journeys/awareness/",
            name="public: guide page",
        )

    @task(2)
    def screening(self):
        answers = {code: random.choice([True, False, None]) for code in ANSWERS}
        self.client.post("/api/v1/screening/assess", json={"subject": random.choice(["adult", "child"]), "answers": answers},
                         name="api: screening assess")  # fmt: skip

    @task(2)
    def plan(self):
        a, ca, b, cb = random.choice(ROUTES)
        self.client.post("/api/v1/journeys/plan", json={"waypoints": [{"place": a, "country": ca}, {"place": b, "country": cb}],
                                                        "language": "uk"}, name="api: journey plan")  # fmt: skip

    @task(2)
    def case_list(self):
        self.client.get("/cases/", headers=self.staff, name="staff: case list")

    @task(2)
    def case_detail(self):
        self.client.get(
            f"/cases/{random.choice(DATA['cases'])}/", headers=self.staff, name="staff: case detail"
        )

    @task(1)
    def referral(self):
        if not self.referrals:
            return
        code = self.referrals.pop()
        page = self.client.get(f"/referrals/{code}/", headers=self.staff, name="staff: referral detail")
        token = page.cookies.get("csrftoken") or self.client.cookies.get("csrftoken", "")
        headers = {**self.staff, "Cookie": f"sessionid={self.session_key}; csrftoken={token}", "X-CSRFToken": token,
                   "Referer": f"{self.host}/referrals/{code}/"}  # fmt: skip
        for step, name in (("accept", "staff: referral accept"), ("complete", "staff: referral complete")):
            with self.client.post(f"/referrals/{code}/{step}/", data={"note": "done"}, headers=headers,
                                  allow_redirects=False, name=name, catch_response=True) as response:  # fmt: skip
                if response.status_code != 302:
                    response.failure(f"{step}: {response.status_code}")
