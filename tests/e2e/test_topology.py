"""Several instances on one PostgreSQL database, as the README describes them: two `serve --no-worker` processes and
two `worker` processes. Runs only when scripts/test provides TOPOLOGY_DATABASE_URL (a fresh database)."""
import gzip
import http.cookiejar
import json
import os
import re
import signal
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
    yield {"a": bases[0], "b": bases[1], "env": env, "data": data, "workers": processes[2:]}
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

    def upload(self, url, file_name, data, settings=""):
        """A multipart form as a browser sends it: the CSRF token first, then the settings, then the file."""
        boundary = "----integrity-topology"
        body = b""
        for name, value in (("_csrf", self.csrf), ("settings", settings)):
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
                 f"Content-Type: application/gzip\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        try:
            response = self.opener.open(request)
            return response.status, response.headers.get("Location")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location")

    def get_bytes(self, url):
        return self.opener.open(url).read()

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


def psql(query):
    result = subprocess.run(["psql", DATABASE_URL, "-Atc", query], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def follow_red_flag_run(session, base, run, seconds=300):
    deadline = time.time() + seconds
    while time.time() < deadline:
        progress = session.get_json(f"{base}/red-flags/runs/{run}/progress")
        if progress["status"] != "running":
            return progress
        time.sleep(0.5)
    raise AssertionError(f"run {run} still running after {seconds} s: {progress}")


def test_a_red_flag_run_whose_worker_is_killed_is_finished_by_another_and_equals_a_clean_run(topology):
    releases = subprocess.run([str(BINARY), "redflags", "generate", "--count", "6000", "--size", "large"],
                              capture_output=True, check=True, timeout=120).stdout
    upload = gzip.compress(releases, compresslevel=1)
    # Every indicator of cardinal's, each with its defaults.
    settings = "\n".join(f"[{code}]" for code in ("R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058"))
    analyst = Session(topology["a"], "analyst@demo.integrity.invalid")
    status, location = analyst.upload(topology["a"] + "/red-flags", "synthetic.jsonl.gz", upload, settings)
    assert status == 303 and "/red-flags/runs/" in location, (status, location)
    run = location.rsplit("/", 1)[-1]

    # As soon as a worker has read part of the file, kill it without warning.
    deadline = time.time() + 120
    owner = ""
    while time.time() < deadline and not owner:
        owner = psql(f"SELECT lease_owner FROM jobs WHERE subject_id = '{run}' AND status = 'running' AND done > 0")
        time.sleep(0.05)
    assert owner, psql(f"SELECT status, done, total FROM jobs WHERE subject_id = '{run}'")
    pid = int(owner.split("-")[-2])
    assert pid in [worker.pid for worker in topology["workers"]], (owner, [w.pid for w in topology["workers"]])
    os.kill(pid, signal.SIGKILL)

    # The other worker takes the job over once the lease runs out; instance B follows it to the end.
    finished = follow_red_flag_run(analyst, topology["b"], run)
    assert finished["status"] == "completed", finished
    assert int(psql(f"SELECT attempts FROM jobs WHERE subject_id = '{run}'")) == 2

    # A clean run of the same file finds exactly the same.
    status, clean_location = analyst.upload(topology["b"] + "/red-flags", "synthetic.jsonl.gz", upload, settings)
    assert status == 303 and clean_location != location, (status, clean_location)
    clean = clean_location.rsplit("/", 1)[-1]
    assert follow_red_flag_run(analyst, topology["a"], clean)["status"] == "completed"
    killed_results = json.loads(analyst.get_bytes(f"{topology['a']}/red-flags/runs/{run}/results.json"))
    clean_results = json.loads(analyst.get_bytes(f"{topology['b']}/red-flags/runs/{clean}/results.json"))
    assert any(killed_results["results"].get(group) for group in ("OCID", "Buyer", "ProcuringEntity", "Tenderer")), "flags were raised"
    assert killed_results == clean_results
    parties = psql(f"SELECT count(*) FROM procurement_parties p JOIN red_flag_runs r ON r.data_import_id = p.import_id WHERE r.id = '{clean}'")
    assert int(parties) > 0


def test_two_reminder_sweeps_at_once_send_each_reminder_once(topology):
    """Two processes sweep the same running engagements at the same moment (two instances' timers, or cron beside a
    server): every reminder is recorded, audited and mailed once, and neither sweep fails."""
    env = topology["env"]
    # A programme whose running engagements have had no activity for months: each is due a reminder.
    generated = subprocess.run([str(BINARY), "generate-load", "--engagements", "400", "--audit-entries", "0"],
                               env=env, capture_output=True, text=True, timeout=300)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    sweeps = [subprocess.Popen([str(BINARY), "reminders"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True) for _ in range(2)]
    outputs = [sweep.communicate(timeout=300) for sweep in sweeps]
    assert [sweep.returncode for sweep in sweeps] == [0, 0], [err[-2000:] for _, err in outputs]
    sent = [int(re.search(r"Sent (\d+) reminders", out).group(1)) for out, _ in outputs]

    recorded = int(psql("SELECT count(*) FROM sent_reminders"))
    audited = int(psql("SELECT count(*) FROM audit_entries WHERE action = 'reminder.send'"))
    assert recorded >= 200, (sent, recorded)  # 200 of the 400 generated engagements are running
    assert sum(sent) == recorded == audited, (sent, recorded, audited)
    assert psql("SELECT count(*) FROM (SELECT 1 FROM mail_outbox GROUP BY recipient, subject, body HAVING count(*) > 1) d") == "0"

    again = subprocess.run([str(BINARY), "reminders"], env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "Sent 0 reminders." in again.stdout, again.stdout + again.stderr
    verify = subprocess.run([str(BINARY), "audit", "verify"], env=env, capture_output=True, text=True, timeout=300)
    assert verify.returncode == 0, verify.stdout + verify.stderr
