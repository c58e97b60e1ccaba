"""Schemathesis hooks for the API check (scripts/api-check).

A client chooses a fresh Idempotency-Key for each new request; a key sent again with another body is refused with
422 on purpose (the IETF idempotency-key draft), which the Swift tests cover. Generated keys repeat, so each
generated request gets its own.
"""
import uuid

import schemathesis


@schemathesis.hook
def map_headers(context, headers):
    if headers and "Idempotency-Key" in headers:
        headers["Idempotency-Key"] = str(uuid.uuid4())
    return headers
