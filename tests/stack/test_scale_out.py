"""Scale-out and fault tests on loopback (make stack-test; .ci/run): the shipped stack under load.

PostgreSQL and Redis with deploy/'s settings, two gunicorn nodes behind the shipped nginx, one
worker. Load: 50 users for 60 s of the mixed workload (locustfile.py) with 0 failures, a backup
taken meanwhile; then one app node is killed under load (nginx routes around it, no read fails);
the worker is killed in the middle of a linkage job (the job is retried and finishes once); the
login lockout and the rate limits hold across nodes; the backup restores into an empty database, every row and file
identical.
"""

import json
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.stack.stack import PORTS, PYTHON, REPO, dump, https_get, locust, running_stack

pytestmark = pytest.mark.stack
USERS, SECONDS = 50, 60


@pytest.fixture(scope="module")
def stack():
    with running_stack() as stack:
        seed = subprocess.run([PYTHON, str(Path(__file__).with_name("seed.py")), str(USERS), "40", "2500"],
                              env=stack.env, cwd=REPO, capture_output=True, text=True, check=False)  # fmt: skip
        assert seed.returncode == 0, seed.stderr[-3000:]
        data = stack.root / "seed.json"
        data.write_text(seed.stdout.strip().splitlines()[-1])
        stack.data = data
        stack.start_node("node1")
        stack.start_node("node2")
        stack.start_worker()
        stack.start_nginx()
        yield stack


def test_ready_through_nginx(stack):
    status, headers, body = https_get(stack.url + "/readyz")
    checks = json.loads(body)["checks"]
    assert (
        status == 200
        and checks["broker"]["detail"] == "redis"
        and checks["database"]["detail"] == "postgresql"
    )
    status, headers, _ = https_get(stack.url + "/uk/")
    assert status == 200 and "Set-Cookie" not in headers
    assert https_get(stack.url + "/uk/")[1].get("X-Cache-Status") == "HIT"  # the micro-cache


def test_mixed_load_without_failures_and_a_backup_under_load(stack):
    backup = {}

    def take_backup():
        time.sleep(SECONDS / 3)
        key = stack.root / "backup.key"
        made = stack.manage("backup_key", "--out", str(key)).stdout
        recipient = made.split("KOMPASS_BACKUP_RECIPIENTS=", 1)[1].strip()
        backup["key"], backup["archive"] = key, stack.root / "under-load.age"
        backup["out"] = stack.manage(
            "backup", "--out", str(backup["archive"]), "--recipient", recipient
        ).stdout

    thread = threading.Thread(target=take_backup)
    thread.start()
    stats = locust(stack, users=USERS, seconds=SECONDS, data=stack.data, name="load")
    thread.join()
    dump("load-50-users", stats)
    kinds = {k: v for k, v in stats.items() if not k.startswith("_") and k != "Aggregated"}
    assert set(kinds) >= {"public: home", "public: guide page", "api: screening assess", "api: journey plan",
                          "staff: case list", "staff: case detail", "staff: referral accept", "staff: referral complete"}  # fmt: skip
    assert stats["Aggregated"]["failures"] == 0, stats["_failures"]
    assert stats["Aggregated"]["requests"] > 100
    stack.backup = backup
    assert "tables" in backup["out"]


def test_killing_an_app_node_under_load_fails_no_read(stack):
    def kill_node():
        time.sleep(8)
        stack.stop("node2", sig=signal.SIGKILL)

    killer = threading.Thread(target=kill_node)
    killer.start()
    stats = locust(stack, users=20, seconds=25, data=stack.data, name="failover")
    killer.join()
    dump("failover", stats)
    reads = {
        k: v for k, v in stats.items() if not k.startswith("_") and k != "Aggregated" and v["method"] == "GET"
    }
    assert sum(v["requests"] for v in reads.values()) > 100
    assert sum(v["failures"] for v in reads.values()) == 0, stats["_failures"]
    assert https_get(stack.url + "/readyz")[0] == 200
    stack.start_node("node2")


def _login(port: int, username: str, password: str, address: str) -> tuple[int, str]:
    """A login post straight to one node, as nginx would send it (X-Real-IP from the trusted proxy)."""
    import http.client
    from urllib.parse import urlencode

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/accounts/login/", headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
    response = conn.getresponse()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = cookie.split("=", 1)[1] if "csrftoken" in cookie else ""
    response.read()
    body = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    conn.request("POST", "/accounts/login/", body=body, headers={
        "Host": "127.0.0.1", "X-Forwarded-Proto": "https", "X-Real-IP": address, "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded", "Referer": f"https://127.0.0.1:{PORTS['https']}/accounts/login/"})  # fmt: skip
    response = conn.getresponse()
    return response.status, response.read().decode()


def test_login_lockout_holds_across_both_nodes(stack):
    for i in range(5):  # five failures, alternating between the nodes
        status, _ = _login(PORTS["node1" if i % 2 else "node2"], "worker1@stack.example", "wrong-password",
                           "203.0.113.9")  # fmt: skip
        assert status in (200, 403)
    status, text = _login(PORTS["node1"], "worker1@stack.example", "stack-password-123456", "203.0.113.9")
    assert status != 302 and ("locked" in text.lower() or status == 403)


def test_rate_limits_hold_across_both_nodes(stack):
    """One address's login budget (12 a minute in this stack) is one count in Redis, not one per node:
    alternating between the nodes, each node alone sees 6 or 7 posts, under the limit."""
    assert stack.env["KOMPASS_RATE_LIMIT_LOGIN"] == "12/m"
    statuses = [
        _login(
            PORTS["node1" if i % 2 else "node2"], f"nobody{i}@stack.example", "wrong-password", "203.0.113.77"
        )[0]
        for i in range(13)
    ]
    assert 429 not in statuses[:12], statuses
    assert statuses[12] == 429, statuses


def test_worker_killed_mid_linkage_job_is_retried_and_finishes_once(stack):
    before = int(
        stack.python("from kompass.stats.models import LinkageRun; print(LinkageRun.objects.count())")
    )
    code = stack.python(
        "from kompass.jobs.services import start_job\n"
        "from kompass.stats.tasks import linkage_job\n"
        "from kompass.accounts.models import User\n"
        "job = start_job(kind='linkage', title='Refresh record linkage', task=linkage_job,"
        " by=User.objects.get(email='coordinator@stack.example'), capability='can_review_linkage')\n"
        "print(job.code)"
    ).strip()
    status_of = f"from kompass.jobs.models import Job; j = Job.objects.get(code='{code}'); print(j.status, j.attempts)"
    deadline = time.monotonic() + 60
    while stack.python(status_of).split()[0] != "running":
        assert time.monotonic() < deadline, "the job never started"
        time.sleep(0.5)
    time.sleep(2)  # in the middle of encoding/linking
    stack.stop("worker", sig=signal.SIGKILL)
    assert stack.python(status_of).split()[0] == "running"  # nothing committed: it died midway
    stack.start_worker()
    deadline = time.monotonic() + 150
    while (state := stack.python(status_of).split())[0] != "done":
        assert state[0] != "failed" and time.monotonic() < deadline, state
        time.sleep(1)
    assert int(state[1]) == 2  # the killed attempt and the one that finished
    after = int(
        stack.python("from kompass.stats.models import LinkageRun; print(LinkageRun.objects.count())")
    )
    assert after == before + 1  # finished once
    dump("worker-kill", {"job": code, "attempts": int(state[1]), "linkage_runs_added": after - before})


def test_backup_taken_under_load_restores_identical(stack):
    backup = stack.backup
    env = {**stack.env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PORTS['postgres']}/kompass_restored",
           "KOMPASS_MEDIA_ROOT": str(stack.root / "restored-media")}  # fmt: skip
    done = stack.manage("restore", str(backup["archive"]), "--key", str(backup["key"]), env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "Restored and verified" in done.stdout  # every table's count and checksum, every file's sha256
    dump("backup-restore", {"backup": backup["out"], "restore": done.stdout})
