"""Reads the committed sealed report with nothing but docs/reporting-crypto.md, hashlib, cryptography and pyhpke.

Nothing here comes from the Swift code: if the two disagree, the document is the contract.
"""
import hashlib
import json
import pathlib
import struct

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pyhpke import AEADId, CipherSuite, KDFId, KEMId, KEMKey

ROOT = pathlib.Path(__file__).resolve().parents[2]
VECTOR = json.loads((ROOT / "Tests/SecureReportingTests/Vectors/report-v1.json").read_text())
SUITE = CipherSuite.new(KEMId.DHKEM_X25519_HKDF_SHA256, KDFId.HKDF_SHA256, AEADId.CHACHA20_POLY1305)


def hkdf(ikm: bytes, info: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info.encode()).derive(ikm)


def open_item(data_key: bytes, report_id: str, item_id: str, sealed: bytes) -> bytes:
    key = hkdf(data_key, "integrity-exchange/report/item/v1/" + item_id)
    return ChaCha20Poly1305(key).decrypt(sealed[:12], sealed[12:], f"{report_id}|{item_id}".encode())


def open_file(data_key: bytes, report_id: str, item_id: str, chunks: list) -> bytes:
    key = ChaCha20Poly1305(hkdf(data_key, "integrity-exchange/report/item/v1/" + item_id))
    stream = b""
    for i, chunk in enumerate(chunks):
        last = 1 if i == len(chunks) - 1 else 0
        stream += key.decrypt(b"\0\0\0\0" + struct.pack(">Q", i), chunk, f"{report_id}|{item_id}|{i}|{last}".encode())
    (length,) = struct.unpack(">Q", stream[:8])
    return stream[8 : 8 + length]


def unwrap(report_id: str, reader_id: str, private_key: bytes) -> bytes:
    wrapped = next(w for w in VECTOR["wrappedKeys"] if w["readerID"] == reader_id)
    info = f"integrity-exchange/report-key/v1|{report_id}|{reader_id}".encode()
    key = KEMKey.from_pyca_cryptography_key(_x25519(private_key))
    context = SUITE.create_recipient_context(bytes.fromhex(wrapped["enc"]), key, info=info)
    return context.open(bytes.fromhex(wrapped["ciphertext"]), aad=b"")


def _x25519(raw: bytes):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(raw)


def check_contents(data_key: bytes):
    report_id = VECTOR["reportID"]
    for item in VECTOR["items"]:
        assert open_item(data_key, report_id, item["id"], bytes.fromhex(item["sealed"])).decode() == item["plaintext"]
    for f in VECTOR["files"]:
        content = open_file(data_key, report_id, f["id"], [bytes.fromhex(c) for c in f["chunks"]])
        assert len(content) == f["length"]
        assert hashlib.sha256(content).hexdigest() == f["sha256"]


def test_a_recipient_reads_the_report_with_their_private_key():
    data_key = unwrap(VECTOR["reportID"], VECTOR["recipientID"], bytes.fromhex(VECTOR["recipientPrivateKey"]))
    assert len(data_key) == 32
    check_contents(data_key)


def test_the_whistleblower_reads_it_with_the_receipt_alone():
    cost = VECTOR["cost"]
    stretched = hashlib.scrypt(VECTOR["receipt"].encode(), salt=bytes.fromhex(VECTOR["installationSalt"]),
                               n=cost["n"], r=cost["r"], p=cost["p"], dklen=32)
    assert hkdf(stretched, "integrity-exchange/receipt/lookup/v1").hex() == VECTOR["lookupTag"]
    kek = hkdf(stretched, "integrity-exchange/receipt/kek/v1")
    sealed = bytes.fromhex(VECTOR["whistleblowerKey"])
    own = ChaCha20Poly1305(kek).decrypt(sealed[:12], sealed[12:],
                                        f"integrity-exchange/whistleblower-key/v1|{VECTOR['reportID']}".encode())
    check_contents(unwrap(VECTOR["reportID"], "whistleblower", own))


def test_a_key_wrapped_for_one_reader_does_not_open_for_another():
    with pytest.raises(Exception):
        unwrap(VECTOR["reportID"], "whistleblower", bytes.fromhex(VECTOR["recipientPrivateKey"]))


def test_the_stored_file_hides_its_exact_size_within_five_percent():
    f = VECTOR["files"][0]
    stored = sum(len(bytes.fromhex(c)) - 16 for c in f["chunks"]) - 8
    assert f["length"] <= stored <= f["length"] * 1.05
