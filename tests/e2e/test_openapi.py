"""The published API description is valid OpenAPI."""
import json
import urllib.request

from openapi_spec_validator import validate


def test_openapi_document_is_valid(server):
    with urllib.request.urlopen(server["base"] + "/api/v1/openapi.json") as response:
        document = json.load(response)
    validate(document)
    assert document["openapi"].startswith("3.1")
