"""Schemathesis, with every check, against the demo server's published API description, once per role.

Starts `integrity serve --demo` on a free loopback port with a throwaway data directory, signs in as each demo role
to make a personal API token, and runs `schemathesis run` with that token (and once with none). Exits non-zero when
any run finds a failure. Usage: python tests/api/check.py [--max-examples N]
"""
import argparse
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests/e2e"))
from conftest import start_demo_server  # noqa: E402  (the e2e suite's way to start the demo server)

PASSWORD = "integrity-demo-2026"
ROLES = {
    "coordinator": "coordinator@demo.integrity.invalid",
    "administrator": "admin@demo.integrity.invalid",
    "public participant": "agent.public@demo.integrity.invalid",
    "expert": "expert@demo.integrity.invalid",
    "evaluator": "evaluator@demo.integrity.invalid",
    "analyst": "analyst@demo.integrity.invalid",
}



def token(base, email):
    """Signs in through the pages and makes a personal API token, as a person would."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def csrf(path):
        return re.search(r'name="_csrf" value="([^"]+)"', opener.open(base + path).read().decode()).group(1)

    form = {"_csrf": csrf("/login"), "email": email, "password": PASSWORD}
    opener.open(base + "/login", urllib.parse.urlencode(form).encode())
    form = {"_csrf": csrf("/account/tokens"), "name": "api-check"}
    page = opener.open(base + "/account/tokens", urllib.parse.urlencode(form).encode()).read().decode()
    return re.search(r"(ixp_[A-Za-z0-9_\-]+)", page).group(1)


def schemathesis(base, role, bearer, max_examples):
    command = [str(Path(sys.executable).parent / "schemathesis"), "--config-file", str(ROOT / "tests/api/schemathesis.toml"),
               "run", base + "/api/v1/openapi.json", "--checks", "all", "--max-examples", str(max_examples),
               "--no-color", "--seed", "1"]
    if bearer:
        command += ["-H", f"Authorization: Bearer {bearer}"]
    environment = dict(os.environ, SCHEMATHESIS_HOOKS="hooks", PYTHONPATH=str(ROOT / "tests/api"))
    print(f"== {role}", flush=True)
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    summary = [line for line in result.stdout.splitlines() if re.search(r"failures?|passed|generated|❌|🚫", line)]
    print("\n".join(summary[-8:]), flush=True)
    if result.returncode != 0:
        print(result.stdout[-20000:])
    return result.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-examples", type=int, default=8)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        process, base, log = start_demo_server(Path(directory))
        try:
            tokens = {role: token(base, email) for role, email in ROLES.items()}
            results = [schemathesis(base, "signed out", None, arguments.max_examples)]
            results += [schemathesis(base, role, bearer, arguments.max_examples) for role, bearer in tokens.items()]
        finally:
            process.terminate()
            process.wait(timeout=20)
            log.close()
    if not all(results):
        sys.exit("schemathesis found failures")
    print("schemathesis: no failures for any role")


if __name__ == "__main__":
    main()
