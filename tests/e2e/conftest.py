"""Shared fixtures: the built `integrity` binary, a throwaway data directory, and a running demo server."""
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("INTEGRITY_BIN", ROOT / ".build" / "debug" / "integrity"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(args, data_dir, stdin=None, env=None):
    """Runs the CLI on SQLite in `data_dir` (never on a DATABASE_URL from the caller's shell)."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update({"DATA_DIR": str(data_dir), "LOG_LEVEL": "warning"}, **(env or {}))
    return subprocess.run([str(BINARY), *args], input=stdin, capture_output=True, text=True, env=environment, timeout=120)


def wait_healthy(base, process, log, seconds=90):
    """Waits until `base` answers /healthz, or fails with the process's log."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    raise RuntimeError("the server did not start: " + log.read_text())


def start_demo_server(data):
    """Starts `integrity serve --demo` on SQLite in `data` and waits until it answers; returns (process, base, log)."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update({"DATA_DIR": str(data), "LOG_LEVEL": "warning"})
    log = open(data / "server.log", "w")
    process = subprocess.Popen([str(BINARY), "serve", "--demo", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=environment)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, process, data / "server.log")
    except RuntimeError:
        process.kill()
        raise
    return process, base, log


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`integrity serve --demo` on a free loopback port, as a new user would start it."""
    data = tmp_path_factory.mktemp("server-data")
    process, base, log = start_demo_server(data)
    yield {"base": base, "data": data, "log": data / "server.log"}
    process.terminate()
    process.wait(timeout=20)
    log.close()


@pytest.fixture
def visitor(server):
    """A fresh browser on the demo server; every page it opens is checked with axe."""
    from browser import Visitor, make_driver

    driver = make_driver()
    yield Visitor(driver, server["base"])
    driver.quit()
