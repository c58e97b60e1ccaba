"""The registry's open data as an outside validator sees it, and the CLI around it."""
import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

VENV_BIN = Path(sys.executable).parent


def libcovebods(command, path):
    """libcovebods's own verdict: `jsv` (the schema) or `pv` (the normative checks). The org-id list that `pv` would
    fetch from org-id.guide is replaced by the schemes the demo uses, since the tests never reach the network."""
    if command == "jsv":
        done = subprocess.run([str(VENV_BIN / "libcovebods"), "jsv", str(path)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)
    script = (
        "import sys, json, libcove2.common as c; c.get_orgids_prefixes = lambda *a, **k: ['XI-LEI', 'ES-RMC']\n"
        "from libcovebods.cli import main\n"
        "sys.argv = ['libcovebods', 'pv', sys.argv[1]]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_exported_registry_passes_libcovebods_with_no_error(data_dir, tmp_path):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    exported = tmp_path / "statements.json"
    result = run_cli(["ownership", "export", "--output", str(exported)], data_dir)
    assert result.returncode == 0, result.stderr
    statements = json.loads(exported.read_text())
    assert len(statements) == 17
    assert "1975-04-12" not in exported.read_text(), "a person's birth date is never published"
    assert libcovebods("jsv", exported) == []
    assert libcovebods("pv", exported)["additional_checks"] == []


def test_owners_and_check_on_the_command_line(data_dir, tmp_path):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    owners = run_cli(["ownership", "owners", "ix-demo-proveedora"], data_dir)
    assert owners.returncode == 0, owners.stderr
    assert "Marta Ejemplo\t30.0–45.0%\towner" in owners.stdout
    assert "Lucía Consejera\t0.0%\tcontroller" in owners.stdout
    missing = run_cli(["ownership", "owners", "nobody"], data_dir)
    assert missing.returncode != 0 and "no current record nobody" in missing.stderr

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"statementId": "x"}\n')
    checked = run_cli(["ownership", "check", str(bad)], data_dir)
    assert checked.returncode == 1
    assert "line 1: required (recordId)" in checked.stdout
    refused = run_cli(["ownership", "import", str(bad)], data_dir)
    assert refused.returncode != 0 and "nothing was imported" in refused.stderr

    csv = run_cli(["ownership", "export", "--csv"], data_dir)
    assert csv.returncode == 0
    assert csv.stdout.splitlines()[0].startswith("company_record_id,company_name,owner_record_id")
