"""An independent verifier of a tiled transparency log, written from the specifications alone: RFC 9162 (Merkle tree
hashes, inclusion and consistency proofs), C2SP signed-note, tlog-checkpoint, tlog-cosignature and tlog-tiles. It
shares no code with the platform and trusts nothing but the verifier keys it is given."""
import base64
import hashlib
import struct
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class VerifyError(Exception):
    pass


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def largest_power_of_two_below(n):
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


# --- Signed notes (c2sp.org/signed-note) and checkpoints (c2sp.org/tlog-checkpoint) ---

def parse_verifier_key(vkey):
    name, key_hash, material = vkey.split("+", 2)
    raw = base64.b64decode(material)
    algorithm, public = raw[0], raw[1:]
    key_id = hashlib.sha256(name.encode() + b"\n" + bytes([algorithm]) + public).digest()[:4]
    if key_id.hex() != key_hash:
        raise VerifyError("the verifier key's hash does not match its key")
    return {"name": name, "algorithm": algorithm, "public": public, "id": key_id}


def parse_note(text):
    split = text.rfind("\n\n")
    if split < 0 or not text.endswith("\n"):
        raise VerifyError("not a signed note")
    body = text[:split + 1]
    signatures = []
    for line in text[split + 2:-1].split("\n"):
        dash, name, blob = line.split(" ")
        if dash != "\u2014":
            raise VerifyError("not a signature line")
        raw = base64.b64decode(blob)
        signatures.append({"name": name, "id": raw[:4], "signature": raw[4:]})
    return body, signatures


def verify_note(text, vkey):
    """The checked signature bytes of `vkey` on the note, or a VerifyError."""
    body, signatures = parse_note(text)
    key = parse_verifier_key(vkey)
    public = Ed25519PublicKey.from_public_bytes(key["public"])
    for signature in signatures:
        if signature["name"] != key["name"] or signature["id"] != key["id"]:
            continue
        if key["algorithm"] == 0x01:
            message, raw = body.encode(), signature["signature"]
        elif key["algorithm"] == 0x04:
            timestamp = struct.unpack(">Q", signature["signature"][:8])[0]
            message, raw = f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode(), signature["signature"][8:]
        else:
            continue
        try:
            public.verify(raw, message)
            return signature
        except InvalidSignature:
            raise VerifyError(f"the signature by {key['name']} does not verify")
    raise VerifyError(f"no signature by {key['name']}")


def parse_checkpoint(body):
    lines = body.split("\n")
    origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2])
    if len(root) != 32:
        raise VerifyError("the root hash is not 32 bytes")
    return origin, size, root


# --- Tiles (c2sp.org/tlog-tiles) ---

def tile_path(level, index, width):
    groups = []
    while True:
        groups.insert(0, f"{index % 1000:03d}")
        index //= 1000
        if index == 0:
            break
    path = "/".join(["x" + g for g in groups[:-1]] + [groups[-1]])
    return f"tile/{level}/{path}" + (f".p/{width}" if width < 256 else "")


class Tiles:
    """Reads hashes of a tree of `size` leaves from tiles fetched by `fetch(path) -> bytes`."""

    def __init__(self, size, fetch):
        self.size, self.fetch, self.cache = size, fetch, {}

    def tile(self, level, index):
        hashes = self.size >> (8 * level)
        width = 256 if index < hashes // 256 else hashes % 256
        path = tile_path(level, index, width)
        if path not in self.cache:
            data = self.fetch(path)
            if len(data) != 32 * width:
                raise VerifyError(f"{path} does not hold {width} hashes")
            self.cache[path] = [data[i:i + 32] for i in range(0, len(data), 32)]
        return self.cache[path]

    def perfect(self, height, index):
        level, span = height // 8, 1 << (height % 8)
        first = index * span
        hashes = self.tile(level, first // 256)[first % 256:first % 256 + span]
        if len(hashes) != span:
            raise VerifyError("a tile is shorter than the tree needs")
        while len(hashes) > 1:
            hashes = [node_hash(hashes[i], hashes[i + 1]) for i in range(0, len(hashes), 2)]
        return hashes[0]

    def hash(self, lo, hi):
        """MTH(D[lo:hi]) for the ranges RFC 9162's recursion asks for."""
        n = hi - lo
        if n & (n - 1) == 0 and lo % n == 0:
            return self.perfect(n.bit_length() - 1, lo // n)
        k = largest_power_of_two_below(n)
        return node_hash(self.hash(lo, lo + k), self.hash(lo + k, hi))

    def root(self):
        return hashlib.sha256(b"").digest() if self.size == 0 else self.hash(0, self.size)

    def consistency_proof(self, m):
        def subproof(m, lo, hi, complete):
            n = hi - lo
            if m == n:
                return [] if complete else [self.hash(lo, hi)]
            k = largest_power_of_two_below(n)
            if m <= k:
                return subproof(m, lo, lo + k, complete) + [self.hash(lo + k, hi)]
            return subproof(m - k, lo + k, hi, False) + [self.hash(lo, lo + k)]
        return subproof(m, 0, self.size, True)


def verify_inclusion(leaf, index, size, proof, root):
    """RFC 9162, 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, proof):
    """RFC 9162, 2.1.4.2."""
    if first == second:
        return not proof and first_root == second_root
    if first == 0 or first > second or not proof:
        return False
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


def entries_from_bundle(data, count):
    entries, i = [], 0
    while i < len(data):
        if i + 2 > len(data):
            raise VerifyError("an entry bundle ends inside a length")
        length = struct.unpack(">H", data[i:i + 2])[0]
        if i + 2 + length > len(data):
            raise VerifyError("an entry runs past its bundle")
        entries.append(data[i + 2:i + 2 + length])
        i += 2 + length
    if len(entries) != count:
        raise VerifyError("an entry bundle holds the wrong number of entries")
    return entries


def verify_log(size, root, fetch):
    """Every entry in the bundles hashes to its leaf in the level-0 tiles, and the tiles to the checkpoint's root."""
    tiles = Tiles(size, fetch)
    if tiles.root() != root:
        raise VerifyError("the tiles do not hash to the checkpoint's root")
    entries = []
    for index in range((size + 255) // 256):
        width = 256 if index < size // 256 else size % 256
        path = tile_path(0, index, width).replace("tile/0/", "tile/entries/")
        bundle = entries_from_bundle(fetch(path), width)
        leaves = tiles.tile(0, index)
        for entry, leaf in zip(bundle, leaves):
            if leaf_hash(entry) != leaf:
                raise VerifyError("an entry does not hash to its leaf")
        entries += bundle
    return entries


def http_fetch(prefix):
    def fetch(path):
        with urllib.request.urlopen(f"{prefix}/{path}", timeout=10) as response:
            return response.read()
    return fetch
