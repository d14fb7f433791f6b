"""POST /api/v1/screening/assess under loopback load, beside nginx serving the same JSON as a static
file (the ceiling), plus the public screening page with its questions.

Prints requests/s, p50 and p95 latency for each and the ratio to the static ceiling.
Run: `make bench` or `.venv/bin/python bench/bench_screening.py [--seconds N]`.
"""

import argparse
import json
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _http import dump_json, fetch, kompass_server, nginx_static, print_table, wrk  # noqa: E402

# A realistic request: a health-sector screening of an adult with twelve answers, some unknown.
BODY = json.dumps(
    {
        "subject": "adult",
        "sector": "health",
        "answers": {
            "cd.isolation": True,
            "cd.strong_influence": True,
            "cd.violence": False,
            "cd.documents_confiscated": True,
            "cd.debt_bondage": None,
            "ex.excessive_hours": True,
            "ex.low_no_salary": True,
            "cd.wages_withheld": None,
            "dr.nature_of_job": True,
            "dr.conditions_of_work": True,
            "vd.unknown_area": None,
            "vr.lack_of_education": False,
        },
    }
)
JSON = {"Content-Type": "application/json"}


def post(url: str) -> bytes:
    request = urllib.request.Request(url, data=BODY.encode(), headers=JSON, method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
        return response.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    page_url = "/screening/?sector=health&subject=adult&country=RO"
    with kompass_server() as server:
        answer = post(server.url + "/api/v1/screening/assess")
        assert json.loads(answer)["verdict"] == "presumed_victim", answer
        page_html = fetch(server.url + page_url)
        assert b"answers-form" in page_html
        assess = wrk(
            server.url + "/api/v1/screening/assess",
            seconds=args.seconds,
            method="POST",
            body=BODY,
            headers=JSON,
        )
        page = wrk(server.url + page_url, seconds=args.seconds)
    with nginx_static({"/assess.json": answer, "/screening.html": page_html}) as static_url:
        # nginx answers the POST with the static file (405 → 200 in the helper's config).
        ceiling_assess = wrk(
            static_url + "/assess.json", seconds=args.seconds, method="POST", body=BODY, headers=JSON
        )
        ceiling_page = wrk(static_url + "/screening.html", seconds=args.seconds)
    print_table(
        "POST /api/v1/screening/assess (gunicorn, 2 workers) vs nginx static JSON",
        [
            ("nginx static assess.json (ceiling)", ceiling_assess),
            ("gunicorn POST /api/v1/screening/assess", assess),
        ],
        ceiling_assess,
    )
    print_table(
        "Screening page with 13 questions vs nginx static copy",
        [
            ("nginx static screening.html (ceiling)", ceiling_page),
            ("gunicorn GET /screening/?sector=health", page),
        ],
        ceiling_page,
    )
    print(f"\nassess response bytes: {len(answer)}; screening page bytes: {len(page_html)}")
    dump_json(
        "screening",
        {"assess": assess, "ceiling_assess": ceiling_assess, "page": page, "ceiling_page": ceiling_page},
    )


if __name__ == "__main__":
    main()
