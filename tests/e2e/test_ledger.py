"""The procurement ledger from outside: a procurement appended through the API is verified by an independent verifier
written from the specifications (tlog_verifier.py), a witness run cosigns it, every single-byte edit of a tile or an
entry bundle is detected; and the ledger and disclosure pages pass axe in three languages."""
import base64
import datetime
import hashlib
import json
import time
import urllib.error
import urllib.request

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from selenium.webdriver.common.by import By

from conftest import run_cli
from tlog_verifier import (Tiles, VerifyError, http_fetch, leaf_hash, parse_checkpoint, parse_note, verify_consistency,
                           verify_inclusion, verify_log, verify_note)

PASSWORD = "integrity-demo-2026"
WITNESS = "witness.demo.integrity.invalid/w1"
WIDTH = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def demo_key(seed):
    """The demo's keys follow from fixed seeds (DemoLedger.key)."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"integrity-exchange demo key {seed}".encode()).digest())


def raw_public(key):
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(key):
    return hashlib.sha256(raw_public(key)).digest()[:8].hex()


def request(url, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, headers={"Content-Type": content_type, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def append(base, organisation, key, event):
    text = json.dumps(event, separators=(",", ":"))
    signature = key.sign(b"integrity-exchange/ledger/event/v1\n" + text.encode())
    body = {"organisation": organisation, "keyID": key_id(key), "signature": base64.b64encode(signature).decode(), "event": text}
    status, answer = request(base + "/api/v1/ledger/entries", body)
    return status, json.loads(answer)


def size_now(base):
    _, text = request(base + "/ledger/checkpoint")
    return parse_checkpoint(parse_note(text.decode())[0])[1]


def commitment(procurement, supplier, amount, nonce):
    text = f"integrity-exchange/ledger/bid/v1\n{procurement}\n{supplier}\n{amount}\nEUR\n{nonce}\n"
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_procurement_verifies_from_the_specifications_alone_and_every_edit_is_caught(server, tmp_path):
    base = server["base"]
    _, demo = request(base + "/api/v1/ledger/procurements/ocds-ix-demo-ledger-1")
    demo = json.loads(demo)
    buyer = demo["buyer"]
    company = next(e["organisation"] for e in demo["events"] if e["kind"] == "bid")
    buyer_key, company_key = demo_key(buyer), demo_key(company)
    log_key = run_cli(["ledger", "public-key"], server["data"], env={"BASE_URL": base}).stdout.strip()

    ocid, nonce = f"ocds-e2e-{int(time.time())}", "ab" * 16
    deadline = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=4)
    tender = {"type": "tender", "procurement": ocid, "buyer": buyer, "title": "E2E servers", "incentive": {"kind": "gating"},
              "deadline": deadline.strftime("%Y-%m-%dT%H:%M:%S.") + f"{deadline.microsecond // 1000:03d}Z"}
    receipts = []
    for organisation, key, event in [(buyer, buyer_key, tender),
                                     (company, company_key, {"type": "bid", "procurement": ocid, "supplier": company,
                                                             "commitment": commitment(ocid, company, "990.00", nonce)})]:
        status, receipt = append(base, organisation, key, event)
        assert status == 201, receipt
        receipts.append(receipt)

    size = size_now(base)
    status, refused = append(base, company, demo_key("someone else"), {"type": "amendment", "procurement": ocid, "description": "x"})
    assert status == 403 and refused["error"]["code"] == "ledger_key_unknown"
    time.sleep(max(0, (deadline - datetime.datetime.now(datetime.timezone.utc)).total_seconds()) + 0.5)
    status, late = append(base, company, company_key, {"type": "bid", "procurement": ocid, "supplier": company,
                                                       "commitment": commitment(ocid, company, "10.00", nonce)})
    assert status == 409 and late["error"]["code"] == "ledger_after_deadline"
    assert size_now(base) == size, "a refused entry leaves the tree as it was"

    for organisation, key, event in [(company, company_key, {"type": "reveal", "procurement": ocid, "supplier": company,
                                                            "offer": {"amount": "990.00", "currency": "EUR"}, "nonce": nonce}),
                                     (buyer, buyer_key, {"type": "award", "procurement": ocid, "supplier": company,
                                                         "value": {"amount": "990.00", "currency": "EUR"}})]:
        status, receipt = append(base, organisation, key, event)
        assert status == 201, receipt
        receipts.append(receipt)

    # Each receipt's inclusion proof, in its own signed checkpoint.
    for receipt in receipts:
        verify_note(receipt["checkpoint"], log_key)
        _, tree_size, root = parse_checkpoint(parse_note(receipt["checkpoint"])[0])
        proof = [bytes.fromhex(h) for h in receipt["inclusionProof"]]
        assert verify_inclusion(bytes.fromhex(receipt["leafHash"]), receipt["index"], tree_size, proof, root)

    # A witness run cosigns the newest checkpoint, consistent with the one it saw before.
    witness_key = tmp_path / "witness-key"
    witness_key.write_text(base64.b64encode(demo_key("witness").private_bytes_raw()).decode() + "\n")
    state = tmp_path / "witness-state.json"
    first = parse_checkpoint(parse_note(receipts[0]["checkpoint"])[0])
    state.write_text(json.dumps({"origin": first[0], "size": first[1], "root": base64.b64encode(first[2]).decode()}))
    witnessed = run_cli(["witness", "--url", base, "--log-key", log_key, "--name", WITNESS, "--key", str(witness_key),
                         "--state", str(state)], server["data"])
    assert witnessed.returncode == 0, witnessed.stderr
    public = raw_public(demo_key("witness"))
    witness_vkey = WITNESS + "+" + hashlib.sha256(WITNESS.encode() + b"\n\x04" + public).digest()[:4].hex() + "+" + \
        base64.b64encode(b"\x04" + public).decode()

    _, text = request(base + "/ledger/checkpoint")
    note = text.decode()
    verify_note(note, log_key)
    cosigned = [verify_note(note, key) for key in [witness_vkey]]
    assert len(cosigned) >= 1, "one of one witness cosigned"
    origin, tree_size, root = parse_checkpoint(parse_note(note)[0])
    fetched = {}

    def fetch(path):
        if path not in fetched:
            fetched[path] = http_fetch(base + "/ledger")(path)
        return fetched[path]

    tiles = Tiles(tree_size, fetch)
    assert verify_consistency(first[1], tree_size, first[2], root, tiles.consistency_proof(first[1]))
    entries = verify_log(tree_size, root, fetch)
    assert len(entries) == tree_size

    # Every entry is signed by a published key of the organisation it names.
    _, keys = request(base + "/api/v1/ledger/keys")
    published = {k["keyID"]: k for k in json.loads(keys)}
    for entry in entries:
        head, event = entry.split(b"\n\n", 1)
        lines = head.decode().split("\n")
        _, organisation, kid = lines[2].split(" ")
        key = published[kid]
        assert key["organisation"].lower() == organisation
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
        Ed25519PublicKey.from_public_bytes(base64.b64decode(key["publicKey"])).verify(
            base64.b64decode(lines[3].split(" ")[1]), b"integrity-exchange/ledger/event/v1\n" + event)

    # Every single-byte edit of a stored tile or entry bundle is detected.
    edits = detected = 0
    for path, data in list(fetched.items()):
        for position in range(len(data)):
            edited = bytearray(data)
            edited[position] ^= 0x01
            edits += 1
            try:
                verify_log(tree_size, root, lambda p: bytes(edited) if p == path else fetched[p])
            except (VerifyError, ValueError, IndexError):
                detected += 1
    assert edits > 1000 and detected == edits, f"{detected} of {edits} edits detected"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_ledger_pages_pass_axe_and_fit_a_phone(visitor, language):
    visitor.driver.delete_all_cookies()
    visitor.open("/")
    visitor.switch_language(language)
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'nav a[href="/ledger"]'))
    visitor.check_accessibility()
    assert "witness.demo.integrity.invalid/w1" in visitor.driver.page_source
    visitor.click_and_wait(visitor.driver.find_element(By.CSS_SELECTOR, 'a[href="/ledger/procurements/ocds-ix-demo-ledger-1"]'))
    visitor.check_accessibility()
    assert len(visitor.driver.find_elements(By.CSS_SELECTOR, "tbody tr")) >= 2
    visitor.driver.set_window_size(375, 800)
    for path in ("/ledger", "/ledger/procurements/ocds-ix-demo-ledger-1"):
        visitor.open(path)
        scroll, client = visitor.driver.execute_script(WIDTH)
        assert scroll <= client, f"{path} scrolls sideways at 375 px"
    visitor.driver.set_window_size(1280, 900)


def test_a_company_discloses_its_owners_after_a_refused_form(visitor):
    visitor.log_in("expert@demo.integrity.invalid", PASSWORD)
    visitor.open("/disclosure")
    assert "Grace Example (fictional)" in visitor.driver.page_source
    visitor.driver.set_window_size(375, 800)
    scroll, client = visitor.driver.execute_script(WIDTH)
    assert scroll <= client, "the disclosure form scrolls sideways at 375 px"
    visitor.driver.set_window_size(1280, 900)
    visitor.fill(**{"owners.2.name": "New Owner (fictional)", "owners.2.shareMinimum": "5"})
    visitor.submit("/disclosure")
    # The expert's language may have been changed by another test: check the summary's links, not its words.
    links = [a.get_attribute("href").split("#")[1] for a in visitor.driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]
    assert links == ["owners.2.kind", "declared"], links
    from selenium.webdriver.support.ui import Select
    Select(visitor.field("owners.2.kind")).select_by_value("person")
    visitor.driver.find_element(By.ID, "declared").click()
    visitor.submit("/disclosure")
    assert "New Owner (fictional)" in visitor.driver.page_source
    assert len(visitor.driver.find_elements(By.CSS_SELECTOR, 'section[aria-labelledby="history-heading"] li')) == 2
