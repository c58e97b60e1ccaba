#!/usr/bin/env python3
"""Independent RFC 9162 vectors for the AuditLog tests, computed with hashlib only.

Writes JSON to stdout. scripts/test regenerates it and fails if the committed copy differs.
"""
import hashlib
import json
import struct

LEAVES = [bytes.fromhex(h) for h in [
    "", "00", "10", "2021", "3031", "40414243",
    "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    "70", "8081", "909192",
]]


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def mth(leaves):
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    k = split(len(leaves))
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m, leaves):
    if len(leaves) <= 1:
        return []
    k = split(len(leaves))
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def subproof(m, leaves, complete):
    n = len(leaves)
    if m == n:
        return [] if complete else [mth(leaves)]
    k = split(n)
    if m <= k:
        return subproof(m, leaves[:k], complete) + [mth(leaves[k:])]
    return subproof(m - k, leaves[k:], False) + [mth(leaves[:k])]


def text(s):
    b = s.encode("utf-8")
    return struct.pack(">I", len(b)) + b


def change_digest(fields):
    out = struct.pack(">I", len(fields))
    for key in sorted(fields, key=lambda k: k.encode("utf-8")):
        out += text(key) + text(fields[key])
    return hashlib.sha256(out).digest()


def entry_bytes(e):
    return (bytes([1]) + struct.pack(">Q", e["sequence"]) + struct.pack(">q", e["timestampMs"])
            + text(e["actor"]) + text(e["action"]) + text(e["subjectType"])
            + text(e["subjectID"]) + text(e["reason"]) + bytes.fromhex(e["changeDigest"]))


def main():
    n = len(LEAVES)
    entry = {
        "sequence": 42, "timestampMs": 1795000000123, "actor": "user:00000000-0000-0000-0000-000000000007",
        "action": "organisation.update", "subjectType": "organisation",
        "subjectID": "4f1c2a9e-0000-4000-8000-000000000001", "reason": "Corrección del mandato",
        "changeDigest": change_digest({"name": "Oficina Ficticia", "country": "ES"}).hex(),
    }
    vectors = {
        "leaves": [l.hex() for l in LEAVES],
        "leafHashes": [leaf_hash(l).hex() for l in LEAVES],
        "roots": [mth(LEAVES[:size]).hex() for size in range(n + 1)],
        "inclusion": [
            {"index": m, "treeSize": size, "path": [h.hex() for h in path(m, LEAVES[:size])]}
            for size in range(1, n + 1) for m in range(size)
        ],
        "consistency": [
            {"first": m, "second": size, "proof": [h.hex() for h in subproof(m, LEAVES[:size], True)]}
            for size in range(1, n + 1) for m in range(1, size + 1)
        ],
        "changeDigest": {"fields": {"name": "Oficina Ficticia", "country": "ES"},
                         "digest": entry["changeDigest"]},
        "entry": dict(entry, canonicalBytes=entry_bytes(entry).hex(), leafHash=leaf_hash(entry_bytes(entry)).hex()),
    }
    print(json.dumps(vectors, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
