"""The `integrity` command as an operator meets it."""
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import BINARY, run_cli


def test_audit_verify_passes_then_names_an_entry_edited_by_hand(data_dir):
    seeded = run_cli(["seed-demo"], data_dir)
    assert seeded.returncode == 0, seeded.stderr
    assert "coordinator@demo.integrity.invalid" in seeded.stdout

    intact = run_cli(["audit", "verify"], data_dir)
    assert intact.returncode == 0, intact.stderr
    assert "Audit log intact: 549 entries, 549 signed checkpoints" in intact.stdout

    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        db.execute("UPDATE audit_entries SET reason = 'nothing to see' WHERE sequence = 9")
    broken = run_cli(["audit", "verify"], data_dir)
    assert broken.returncode != 0
    assert "entry #9" in broken.stderr


def test_audit_verify_detects_a_deleted_row(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        db.execute("DELETE FROM audit_entries WHERE sequence = 3")
    broken = run_cli(["audit", "verify"], data_dir)
    assert broken.returncode != 0
    assert "entry #3 is missing" in broken.stderr


def test_audit_verify_with_a_foreign_public_key_fails(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    other_key = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    result = run_cli(["audit", "verify", "--public-key", other_key], data_dir)
    assert result.returncode != 0
    assert "invalid signature" in result.stderr
    garbage = run_cli(["audit", "verify", "--public-key", "not-a-key"], data_dir)
    assert garbage.returncode != 0
    assert "--public-key" in garbage.stderr


def test_seed_demo_is_idempotent(data_dir):
    assert "186 records created" in run_cli(["seed-demo"], data_dir).stdout
    first = dump(data_dir)
    assert "0 records created" in run_cli(["seed-demo"], data_dir).stdout
    assert dump(data_dir) == first, "a second seed-demo changed the database"


def dump(data_dir):
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        return list(db.iterdump())


def test_user_create_reads_the_password_from_stdin(data_dir):
    created = run_cli(["user", "create", "--email", "ops@example.org", "--role", "administrator"], data_dir,
                      stdin="a long operator passphrase\n")
    assert created.returncode == 0, created.stderr
    assert "with role administrator" in created.stdout
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        (status, hashed), = db.execute("SELECT status, password_hash FROM users WHERE email = 'ops@example.org'")
    assert status == "active"
    assert hashed.startswith("$2b$") and "a long operator passphrase" not in hashed


def test_user_create_refuses_bad_input_with_a_clear_message(data_dir):
    bad_role = run_cli(["user", "create", "--email", "x@example.org", "--role", "king"], data_dir, stdin="a long operator passphrase\n")
    assert bad_role.returncode != 0
    assert "role:" in bad_role.stderr
    short = run_cli(["user", "create", "--email", "x@example.org", "--role", "analyst"], data_dir, stdin="short\n")
    assert short.returncode != 0
    assert "12 characters" in short.stderr
    no_password = run_cli(["user", "create", "--email", "x@example.org", "--role", "analyst"], data_dir, stdin="")
    assert no_password.returncode != 0
    assert "password" in no_password.stderr


def test_bad_configuration_is_refused_by_name(data_dir):
    result = run_cli(["migrate"], data_dir, env={"PORT": "eighty"})
    assert result.returncode != 0
    assert "PORT" in result.stderr


def test_serve_shuts_down_gracefully_on_sigterm(data_dir):
    import os
    import signal
    import time
    import urllib.request

    from conftest import free_port

    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update({"DATA_DIR": str(data_dir), "LOG_LEVEL": "warning"})
    process = subprocess.Popen([str(BINARY), "serve", "--port", str(port)], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()


ROSTER = """name,email,employer,country,areas
Ana Pérez,ana@example.org,Datos de Muestra,México,procurement; dashboards
Lina Okafor,lina@example.org,Example Analytics,Lagos,training
ana perez,,Datos de Muestra,Mexico,OCDS
"""


def test_import_experts_reports_lines_and_writes_all_or_nothing(data_dir, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER)

    dry = run_cli(["import", "experts", str(roster), "--dry-run"], data_dir)
    assert dry.returncode == 0, dry.stderr
    assert "3 rows: 1 expert to import, 1 line merged into another person, 1 row flagged." in dry.stdout
    assert "Lines 2 and 4 (Ana Pérez) are one person: merged." in dry.stdout
    assert f"{roster} Line 3: “Lagos” is not a country" in dry.stdout
    assert "nothing was written" in dry.stdout

    french = run_cli(["import", "experts", str(roster), "--dry-run", "--language", "fr"], data_dir)
    assert "3 lignes : 1 expert·e à importer, 1 ligne fusionnée avec une autre personne, 1 ligne signalée." in french.stdout
    assert "Les lignes 2 et 4 (Ana Pérez) sont une seule personne : fusionnées." in french.stdout
    assert f"{roster} Ligne 3 : « Lagos » n'est pas un pays" in french.stdout

    blocked = run_cli(["import", "experts", str(roster)], data_dir)
    assert blocked.returncode == 3
    assert "nothing was imported" in blocked.stderr
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM expert_profiles").fetchone()[0] == 0

    done = run_cli(["import", "experts", str(roster), "--skip-flagged"], data_dir)
    assert done.returncode == 0, done.stderr
    assert "1 expert imported as invited." in done.stdout
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        (status, areas), = db.execute("SELECT status, areas FROM expert_profiles")
    assert status == "invited" and json.loads(areas) == {"items": ["procurement", "dashboards", "OCDS"]}
    assert run_cli(["audit", "verify"], data_dir).returncode == 0

    bad_map = run_cli(["import", "experts", str(roster), "--map", "name=zero"], data_dir)
    assert bad_map.returncode != 0 and "--map" in bad_map.stderr
    missing = run_cli(["import", "experts", str(tmp_path / "nope.csv")], data_dir)
    assert missing.returncode != 0 and "cannot read" in missing.stderr


FIXTURES = Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "conflict-data"


def test_import_ocds_and_bods_all_or_nothing_with_line_numbers(data_dir):
    bad = run_cli(["import", "ocds", str(FIXTURES / "bad-procurement.jsonl")], data_dir)
    assert bad.returncode == 3
    assert "2 problems; nothing was imported." in bad.stderr
    assert "Line 2: not valid JSON" in bad.stderr
    assert "Line 3: ocid is missing or empty" in bad.stderr

    checked = run_cli(["import", "ocds", str(FIXTURES / "procurement.jsonl"), "--dry-run"], data_dir)
    assert checked.returncode == 0, checked.stderr
    assert "3 processes, 11 rows to import. Dry run: nothing was written." in checked.stdout
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        assert db.execute("SELECT count(*) FROM procurement_parties").fetchone() == (0,)

    imported = run_cli(["import", "ocds", str(FIXTURES / "procurement.jsonl")], data_dir)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 3 processes (11 rows)" in imported.stdout
    owned = run_cli(["import", "bods", str(FIXTURES / "ownership.json")], data_dir)
    assert owned.returncode == 0, owned.stderr
    assert "Imported 15 statements (14 rows)" in owned.stdout
    with sqlite3.connect(data_dir / "integrity.sqlite") as db:
        assert db.execute("SELECT count(*) FROM ownership_links").fetchone() == (6,)
        actions = [row[0] for row in db.execute(
            "SELECT action FROM audit_entries WHERE action LIKE 'conflict_data.%' ORDER BY sequence")]
    # Each import: the import itself, then its rows in short batches (one here).
    assert actions == ["conflict_data.import", "conflict_data.import_batch"] * 2

    missing = run_cli(["import", "bods", str(FIXTURES / "nowhere.json")], data_dir)
    assert missing.returncode != 0 and "cannot read" in missing.stderr


def test_reminders_run_once_from_the_command_line(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    first = run_cli(["reminders"], data_dir)
    assert first.returncode == 0, first.stderr
    assert "Sent 3 reminders." in first.stdout, "the demo's active engagement has an overdue action and two overdue work items"
    again = run_cli(["reminders"], data_dir)
    assert "Sent 0 reminders." in again.stdout, "each cause is told once"
    bad = run_cli(["reminders"], data_dir, env={"INACTIVITY_DAYS": "0"})
    assert bad.returncode != 0 and "INACTIVITY_DAYS must be 1–90" in bad.stderr


def test_programme_summary_prints_json_in_the_chosen_language(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    summary = run_cli(["programme", "summary", "--language", "fr"], data_dir)
    assert summary.returncode == 0, summary.stderr
    data = json.loads(summary.stdout)
    assert data["stages"][0] == {"stage": "proposed", "label": "Appariement proposé", "count": 1}
    assert {i["indicator"] for i in data["indicators"]} >= {"upskilling", "ecosystem"}
    bad = run_cli(["programme", "summary", "--language", "de"], data_dir)
    assert bad.returncode != 0 and "--language must be en, fr or es" in bad.stderr


def test_redflags_indicators_match_cardinals_output_and_skip_bad_lines(tmp_path, data_dir):
    releases = tmp_path / "releases.jsonl"
    releases.write_text(
        '{"ocid":"F","tender":{"numberOfTenderers":1,"procurementMethod":"open"}}\n'
        '{"ocid":"G","tender":{"numberOfTenderers":3,"procurementMethod":"open"}}\n'
        '{not json\n', encoding="utf-8")
    settings = tmp_path / "settings.ini"
    settings.write_text("[R018]\n", encoding="utf-8")
    result = run_cli(["redflags", "indicators", str(releases), "-s", str(settings), "--no-meta", "--count"], data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == '{"OCID":{"F":{"R018":1.0}}}\n'
    assert "line 3: not valid JSON" in result.stderr
    assert "OCID: 1" in result.stderr
    assert "3 lines: 2 processes read, 0 excluded, 1 not valid JSON objects." in result.stderr

    piped = subprocess.run([str(BINARY), "redflags", "indicators", "-", "-s", str(settings)], input=releases.read_bytes(),
                           capture_output=True, timeout=60)
    assert piped.stdout == b'{"OCID":{"F":{"R018":1.0}}}\n'
    missing = run_cli(["redflags", "indicators", str(tmp_path / "nowhere.jsonl")], data_dir)
    assert missing.returncode != 0 and "cannot read" in missing.stderr


def test_redflags_coverage_counts_non_empty_paths(tmp_path, data_dir):
    lines = tmp_path / "coverage.jsonl"
    lines.write_text('{"phoneNumbers": [{"type": "home", "number": "212 555-1234"}, {"type": "office", "number": "646 555-4567"}]}\n'
                     '{oops\n', encoding="utf-8")
    result = run_cli(["redflags", "coverage", str(lines)], data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ('{"/phoneNumbers[]/type": 2, "/phoneNumbers[]/number": 2, "/phoneNumbers[]/": 2, "/phoneNumbers[]": 2, '
                             '"/phoneNumbers": 1, "/": 1, "": 1}\n')
    assert "line 2: not valid JSON" in result.stderr


def test_redflags_init_prepare_and_indicators_with_maps_on_gzipped_input(tmp_path, data_dir):
    settings = tmp_path / "settings.ini"
    written = run_cli(["redflags", "init", str(settings)], data_dir)
    assert written.returncode == 0 and "[R038]" in settings.read_text()
    again = run_cli(["redflags", "init", str(settings)], data_dir)
    assert again.returncode != 0 and "--force" in again.stderr
    settings.write_text("[defaults]\nbid_status = valid\n[codelists.award_status]\nActive = active\n[R038]\n[R028]\n")
    raw = tmp_path / "raw.jsonl"
    raw.write_text(
        '{"ocid":"0","buyer":{"id":"B"},"bids":{"details":[{"tenderers":{"id":"W1"}},{"status":"disqualified","tenderers":[{"id":"D"}]}]},"awards":[{"status":"Active"}]}\n'
        + "".join('{"ocid":"%d","buyer":{"id":"%d"},"bids":{"details":[{"status":"valid","tenderers":[{"id":"W%d"}]}]}}\n' % (i, i, i + 1) for i in range(1, 5))
        + "{broken\n", encoding="utf-8")
    prepared, issues = tmp_path / "prepared.jsonl", tmp_path / "issues.csv"
    result = run_cli(["redflags", "prepare", str(raw), "-s", str(settings), "-o", str(prepared), "-e", str(issues)], data_dir)
    assert result.returncode == 0, result.stderr
    assert "line 6" in result.stderr
    first = json.loads(prepared.read_text().splitlines()[0])
    assert first["bids"]["details"][0] == {"tenderers": [{"id": "W1"}], "status": "valid"}
    assert first["awards"][0]["status"] == "active"
    assert issues.read_text() == ""
    subprocess.run(["gzip", str(prepared)], check=True)
    flagged = run_cli(["redflags", "indicators", str(prepared) + ".gz", "-s", str(settings), "--no-meta", "--map"], data_dir)
    assert flagged.returncode == 0, flagged.stderr
    output = json.loads(flagged.stdout)
    assert output["Buyer"] == {"B": {"R038": 0.5}}
    assert output["Maps"]["ocid_buyer_r038"] == {"0": "B"}
    assert output["Maps"]["ocid_tenderer"]["0"] == ["D", "W1"]
    typo = tmp_path / "typo.ini"
    typo.write_text("[R038]\ntreshold = 0.5\n")
    refused = run_cli(["redflags", "indicators", str(raw), "-s", str(typo)], data_dir)
    assert refused.returncode != 0 and "R038.treshold: unknown setting" in refused.stderr


def test_redflags_validate_grades_flags_against_labels(tmp_path, data_dir):
    releases = tmp_path / "releases.jsonl"
    lines = []
    for i in range(40):
        single = i < 20
        lines.append(json.dumps({"ocid": str(i), "tender": {"procurementMethod": "open", "numberOfTenderers": 1 if single else 3}}))
    releases.write_text("\n".join(lines) + "\n")
    labels = tmp_path / "labels.csv"
    # 18 of 20 single-bid processes are known corrupt, 2 of 20 others.
    labels.write_text("ocid,label\n" + "".join(f"{i},{1 if (i < 18 or i in (20, 21)) else 0}\n" for i in range(40)))
    settings = tmp_path / "settings.ini"
    settings.write_text("[R018]\n[R003]\n")
    result = run_cli(["redflags", "validate", str(releases), "--labels", str(labels), "-s", str(settings), "--json"], data_dir)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rows = {row["code"]: row for row in report["flags"]}
    assert report["treatment"] == 20 and report["control"] == 20
    assert abs(rows["R018"]["odds_ratio"] - 81.0) < 1e-9 and rows["R018"]["impact"] == "high impact"
    assert rows["R003"]["impact"] == "no impact"
    table = run_cli(["redflags", "validate", str(releases), "--labels", str(labels), "-s", str(settings)], data_dir)
    assert "R018" in table.stdout and "high impact" in table.stdout and "not evidence of corruption" in table.stdout
    labels.write_text("ocid,label\n1,maybe\n")
    refused = run_cli(["redflags", "validate", str(releases), "--labels", str(labels)], data_dir)
    assert refused.returncode != 0 and 'line 2: the label must be 0 or 1, not "maybe"' in refused.stderr


def test_redflags_risk_scores_processes_with_weights_from_validation(tmp_path, data_dir):
    releases = tmp_path / "releases.jsonl"
    releases.write_text("".join(json.dumps({"ocid": str(i), "buyer": {"id": "B1" if i < 10 else "B2"},
                                            "tender": {"procurementMethod": "open", "numberOfTenderers": 1 if i < 10 else 3}}) + "\n"
                                for i in range(20)))
    labels = tmp_path / "labels.csv"
    labels.write_text("ocid,label\n" + "".join(f"{i},{1 if i < 9 or i == 12 else 0}\n" for i in range(20)))
    settings = tmp_path / "settings.ini"
    settings.write_text("[R018]\n[R003]\n")
    validation = run_cli(["redflags", "validate", str(releases), "--labels", str(labels), "-s", str(settings), "--json"], data_dir)
    assert validation.returncode == 0, validation.stderr
    weights = tmp_path / "weights.json"
    weights.write_text(validation.stdout)
    result = run_cli(["redflags", "risk", str(releases), "-s", str(settings), "--weights", str(weights), "--json"], data_dir)
    assert result.returncode == 0, result.stderr
    risk = json.loads(result.stdout)
    assert risk["weights"]["R018"] > 0 and risk["weights"]["R003"] == 0.0
    assert [p["ocid"] for p in risk["processes"][:10]] == [str(i) for i in range(10)]
    assert risk["processes"][0]["score"] == 1.0 and risk["processes"][0]["flags"] == ["R018"]
    assert [b["id"] for b in risk["buyers"]] == ["B1", "B2"] and risk["buyers"][0]["mean"] == 1.0
    table = run_cli(["redflags", "risk", str(releases), "-s", str(settings), "--top", "2"], data_dir)
    assert "Processes (top 2 of 20)" in table.stdout and "not evidence of corruption" in table.stdout
    weights.write_text("{}")
    refused = run_cli(["redflags", "risk", str(releases), "--weights", str(weights)], data_dir)
    assert refused.returncode != 0 and "validate --json" in refused.stderr


def test_redflags_compile_merges_release_packages_and_reports_problems(tmp_path, data_dir):
    samples = Path(__file__).resolve().parents[3] / "shared" / "data" / "ocds-samples"
    if not samples.exists():
        pytest.skip("the shared OCDS samples are not beside the project")
    out = tmp_path / "compiled.jsonl"
    result = run_cli(["redflags", "compile", str(samples / "release-package_split.json"), "-o", str(out)], data_dir)
    assert result.returncode == 0, result.stderr
    compiled = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(compiled) == 2 and all(c["tag"] == ["compiled"] for c in compiled)
    assert "4 releases merged" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"releases":[{"ocid":"A"}]}\n')
    refused = run_cli(["redflags", "compile", str(bad)], data_dir)
    assert refused.returncode != 0 and "release 1 (A): no date" in refused.stderr


def test_redflags_generate_is_deterministic(tmp_path, data_dir):
    first = run_cli(["redflags", "generate", "--count", "5", "--size", "large"], data_dir)
    second = run_cli(["redflags", "generate", "--count", "5", "--size", "large"], data_dir)
    assert first.returncode == 0 and first.stdout == second.stdout
    assert all(json.loads(line)["ocid"] == f"ocds-synth-{i}" for i, line in enumerate(first.stdout.splitlines()))
    assert run_cli(["redflags", "generate", "--size", "huge"], data_dir).returncode != 0


def test_inbox_prints_what_waits_for_a_person_in_their_language(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    pablo = run_cli(["inbox", "--email", "participante@demo.integrity.invalid"], data_dir)
    assert pablo.returncode == 0, pablo.stderr
    assert "Pendiente de su parte" in pablo.stdout and "Firmar los términos de referencia" in pablo.stdout
    assert "En espera de otros" in pablo.stdout
    english = run_cli(["inbox", "--email", "participante@demo.integrity.invalid", "--language", "en"], data_dir)
    assert "Sign the Terms of Reference" in english.stdout
    unknown = run_cli(["inbox", "--email", "nobody@example.org"], data_dir)
    assert unknown.returncode != 0 and "no account has the e-mail address" in unknown.stderr
    bad = run_cli(["inbox", "--email", "participante@demo.integrity.invalid", "--language", "de"], data_dir)
    assert bad.returncode != 0 and "--language must be en, fr or es" in bad.stderr


def test_questionnaire_models_are_exported_checked_and_published_once(data_dir, tmp_path):
    empty = run_cli(["questionnaire", "list"], data_dir)
    assert empty.returncode == 0 and "No reporting subjects yet" in empty.stdout
    assert "3 reporting subjects." in run_cli(["questionnaire", "seed"], data_dir).stdout
    assert "3 reporting subjects." in run_cli(["questionnaire", "seed"], data_dir).stdout, "the models are added once"
    listed = run_cli(["questionnaire", "list"], data_dir).stdout
    assert "bribery-in-public-services\tcomplaint\tversion 1" in listed

    file = tmp_path / "bribery.json"
    exported = run_cli(["questionnaire", "export", "bribery-in-public-services", "--output", str(file)], data_dir)
    assert exported.returncode == 0 and "--base 1" in exported.stdout, exported.stderr
    document = json.loads(file.read_text())
    checked = run_cli(["questionnaire", "check", str(file)], data_dir)
    assert checked.returncode == 0 and "No problem found." in checked.stdout, checked.stderr

    document["steps"][1]["fields"][0]["help"]["es"] = ""
    file.write_text(json.dumps(document))
    broken = run_cli(["questionnaire", "check", str(file)], data_dir)
    assert broken.returncode != 0 and "steps[1].fields[0].help.es: This field is required." in broken.stderr, broken.stderr
    refused = run_cli(["questionnaire", "publish", "bribery-in-public-services", str(file), "--base", "1"], data_dir)
    assert refused.returncode != 0 and "was not published" in refused.stderr

    document["steps"][1]["fields"][0]["help"]["es"] = "Diga qué oficina, con sus palabras. (editado)"
    file.write_text(json.dumps(document))
    published = run_cli(["questionnaire", "publish", "bribery-in-public-services", str(file), "--base", "1"], data_dir)
    assert published.returncode == 0 and "Published version 2" in published.stdout, published.stderr
    again = run_cli(["questionnaire", "publish", "bribery-in-public-services", str(file), "--base", "1"], data_dir)
    assert again.returncode == 0 and "Nothing changed" in again.stdout
    document["steps"][1]["fields"][0]["help"]["en"] = "Another edit of version 1."
    file.write_text(json.dumps(document))
    stale = run_cli(["questionnaire", "publish", "bribery-in-public-services", str(file), "--base", "1"], data_dir)
    assert stale.returncode != 0 and "no longer the current one" in stale.stderr

    file.write_text('{"steps": [{"id": "x"}]}')
    unreadable = run_cli(["questionnaire", "check", str(file)], data_dir)
    assert unreadable.returncode != 0 and "steps[0].title is missing" in unreadable.stderr, unreadable.stderr
    unknown = run_cli(["questionnaire", "export", "nothing-here"], data_dir)
    assert unknown.returncode != 0 and "no reporting subject has the key nothing-here" in unknown.stderr


def test_report_statistics_print_the_dashboards_suppressed_figures(data_dir):
    assert run_cli(["seed-demo"], data_dir).returncode == 0
    csv = run_cli(["reports", "statistics"], data_dir)
    assert csv.returncode == 0, csv.stderr
    lines = csv.stdout.strip().splitlines()
    assert lines[0] == "dimension,value,month,count"
    assert all(line.split(",")[3] == "" or int(line.split(",")[3]) >= 5 for line in lines[1:]), "no count under 5 is printed"
    assert any(line.split(",")[3] != "" for line in lines[1:]), "the demo's complaints reach k"
    figures = json.loads(run_cli(["reports", "statistics", "--json"], data_dir).stdout)
    assert "months" in figures
