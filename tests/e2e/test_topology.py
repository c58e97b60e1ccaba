"""Several instances on one PostgreSQL database, as the README describes them: two `serve --no-worker` processes and
two `worker` processes. Runs only when scripts/test provides TOPOLOGY_DATABASE_URL (a fresh database)."""
import http.cookiejar
import json
import os
import re
import subprocess
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import BINARY, free_port, wait_healthy

DATABASE_URL = os.environ.get("TOPOLOGY_DATABASE_URL")
pytestmark = pytest.mark.skipif(not DATABASE_URL, reason="needs TOPOLOGY_DATABASE_URL (scripts/test starts PostgreSQL)")
PASSWORD = "integrity-demo-2026"


@pytest.fixture(scope="module")
def topology(tmp_path_factory):
    data = tmp_path_factory.mktemp("topology")
    env = {**os.environ, "DATABASE_URL": DATABASE_URL, "DATA_DIR": str(data), "AUDIT_KEY_PATH": str(data / "audit-key"),
           "LOG_LEVEL": "warning", "REMINDER_INTERVAL_MINUTES": "0"}
    assert subprocess.run([str(BINARY), "seed-demo"], env=env, capture_output=True, text=True, timeout=180).returncode == 0
    processes, bases = [], []
    for name in ("a", "b"):
        port = free_port()
        log = data / f"serve-{name}.log"
        process = subprocess.Popen([str(BINARY), "serve", "--no-worker", "--port", str(port)], env=env,
                                   stdout=open(log, "w"), stderr=subprocess.STDOUT)
        processes.append(process)
        bases.append(f"http://127.0.0.1:{port}")
        wait_healthy(bases[-1], process, log)
    for name in ("1", "2"):
        processes.append(subprocess.Popen([str(BINARY), "worker"], env=env, stdout=open(data / f"worker-{name}.log", "w"),
                                          stderr=subprocess.STDOUT))
    yield {"a": bases[0], "b": bases[1], "env": env, "data": data}
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=30)


class Session:
    """A signed-in browser without a browser: one session cookie, valid on every instance (sessions are in the database)."""

    def __init__(self, base, email):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = self.token(base + "/login")
        self.post(base + "/login", {"email": email, "password": PASSWORD})
        self.csrf = self.token(base + "/")

    def token(self, url):
        page = self.opener.open(url).read().decode()
        return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

    def post(self, url, fields):
        body = urllib.parse.urlencode({"_csrf": self.csrf, **fields}).encode()
        try:
            response = self.opener.open(urllib.request.Request(url, data=body, method="POST"))
            return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")

    def get_json(self, url):
        request = urllib.request.Request(url, headers={"Accept": "application/json"})
        return json.loads(self.opener.open(request).read().decode())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_batch_proposal_started_on_one_instance_is_followed_to_the_end_on_the_other(topology):
    coordinator = Session(topology["a"], "coordinator@demo.integrity.invalid")
    status, location = coordinator.post(topology["a"] + "/matching/runs", {})
    assert status == 303 and "/matching/runs/" in location, (status, location)
    run = location.rsplit("/", 1)[-1]
    deadline = time.time() + 120
    seen = []
    while time.time() < deadline:
        progress = coordinator.get_json(f"{topology['b']}/matching/runs/{run}/progress")
        seen.append(progress["status"])
        if progress["status"] != "running":
            break
        time.sleep(0.2)
    assert progress["status"] == "completed", (seen, progress)
    again, _ = coordinator.post(topology["b"] + "/matching/runs", {})
    assert again == 303, "the finished run no longer blocks a new one"


def test_concurrent_audited_writes_on_both_instances_keep_one_verifiable_log(topology):
    person = Session(topology["a"], "analyst@demo.integrity.invalid")

    def write(index):
        base = topology["a"] if index % 2 == 0 else topology["b"]
        return person.post(base + "/language", {"lang": ("en", "fr", "es")[index % 3], "returnTo": "/"})[0]

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(write, range(200)))
    assert set(statuses) == {303}, statuses
    verify = subprocess.run([str(BINARY), "audit", "verify"], env=topology["env"], capture_output=True, text=True, timeout=300)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    count = subprocess.run(["psql", DATABASE_URL, "-Atc", "SELECT count(*) FROM audit_entries WHERE action = 'user.language'"],
                           capture_output=True, text=True)
    if count.returncode == 0:
        assert int(count.stdout.strip()) >= 200, count.stdout
