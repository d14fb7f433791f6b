"""The production stack on loopback (tests/stack): the nginx micro-cache against nginx serving the
same bytes as a static file, and the mixed workload's p95 per request kind at 10 and 50 users.

Run: .venv/bin/python bench/bench_service.py [--seconds N]. Everything runs side by side in one run:
two gunicorn nodes behind the shipped nginx configuration, PostgreSQL and Redis as deploy/ sets them.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _http import dump_json, print_table, wrk  # noqa: E402

from tests.stack.stack import PORTS, PYTHON, REPO, https_get, locust, running_stack  # noqa: E402

STATIC_PORT = 8152


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--load-seconds", type=int, default=30)
    args = parser.parse_args()
    with running_stack() as stack:
        seed = subprocess.run([PYTHON, str(REPO / "tests" / "stack" / "seed.py"), "60", "40", "10"], env=stack.env,
                              cwd=REPO, capture_output=True, text=True, check=True)  # fmt: skip
        data = stack.root / "seed.json"
        data.write_text(seed.stdout.strip().splitlines()[-1])
        stack.start_node("node1")
        stack.start_node("node2")
        stack.start_worker()
        stack.start_nginx()
        import json

        guide = json.loads(data.read_text())["guide"]
        pages = {
            "home": "/uk/",
            "guide page": f"/uk/journeys/awareness/{guide[0]}/" if guide else "/uk/journeys/awareness/",
        }
        # The ceiling: the same nginx (same TLS) serving the same bytes as files, on a second port.
        static = stack.root / "static-copy"
        static.mkdir()
        static.chmod(0o755)
        for name, path in pages.items():
            status, headers, body = https_get(stack.url + path)
            assert status == 200 and "Set-Cookie" not in headers, (name, status)
            (static / f"{name.replace(' ', '-')}.html").write_bytes(body)
        conf = stack.root / "nginx" / "kompass.conf"
        conf.write_text(
            conf.read_text()
            + f"""
server {{ listen 127.0.0.1:{STATIC_PORT} ssl; ssl_certificate {stack.root}/cert.pem; ssl_certificate_key {stack.root}/key.pem;
          root {static}; default_type text/html; }}
"""
        )
        subprocess.run(["nginx", "-p", str(stack.root / "nginx"), "-c", str(stack.root / "nginx" / "nginx.conf"), "-s", "reload"],
                       check=True)  # fmt: skip
        import time

        time.sleep(1)
        results = {}
        for name, path in pages.items():
            ceiling = wrk(
                f"https://127.0.0.1:{STATIC_PORT}/{name.replace(' ', '-')}.html", seconds=args.seconds
            )
            cached = wrk(stack.url + path, seconds=args.seconds)
            results[name] = {
                "static": ceiling,
                "micro-cache": cached,
                "ratio": cached["rps"] / ceiling["rps"],
            }
            print_table(f"{name} ({path}): nginx micro-cache vs nginx static copy (TLS, 16 connections)",
                        [("nginx static file (ceiling)", ceiling), ("nginx micro-cache → gunicorn", cached)], ceiling)  # fmt: skip
        loads = {}
        # Each run gets its own people: a referral accepted and completed in the first run cannot be
        # completed again in the second (that counted as failures).
        seeded = json.loads(data.read_text())
        for users, people in ((10, seeded["users"][:10]), (50, seeded["users"][10:60])):
            run_data = stack.root / f"seed-{users}.json"
            run_data.write_text(json.dumps({**seeded, "users": people}))
            loads[users] = locust(
                stack, users=users, seconds=args.load_seconds, data=run_data, name=f"bench-{users}"
            )
        print(f"\nMixed workload, p95 per request kind (ms), {args.load_seconds} s each, two nodes + nginx:")
        print(f"{'request kind':<28} {'10 users':>10} {'50 users':>10} {'failures (10/50)':>18}")
        for kind in sorted(k for k in loads[50] if not k.startswith("_")):
            a, b = loads[10].get(kind, {}), loads[50].get(kind, {})
            print(
                f"{kind:<28} {a.get('p95', 0):>10.0f} {b.get('p95', 0):>10.0f} {a.get('failures', 0):>8}/{b.get('failures', 0)}"
            )
        for name, r in results.items():
            print(f"micro-cache / static ratio, {name}: {r['ratio']:.2f}")
        dump_json(
            "service", {"pages": results, "load": {str(k): v for k, v in loads.items()}, "ports": PORTS}
        )


if __name__ == "__main__":
    main()
