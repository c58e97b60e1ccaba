"""Open311 GeoReport v2 against the running demo, as a civic-reporting client calls it: XML read by a standard
parser, a form-encoded complaint, and its status by id."""
import json
import re
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ElementTree

ENDPOINT = "/api/v1/open311/v2"


def call(server, path, body=None, headers=None):
    data = urllib.parse.urlencode(body).encode() if body is not None else None
    request = urllib.request.Request(server["base"] + ENDPOINT + path, data=data, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_a_client_reads_the_services_in_xml_sends_a_complaint_and_follows_it(server):
    status, headers, text = call(server, "/services.xml?lang=fr")
    assert status == 200 and "xml" in headers["Content-Type"]
    assert headers.get("Set-Cookie") is None
    services = ElementTree.fromstring(text)
    codes = [service.findtext("service_code") for service in services.findall("service")]
    assert codes == ["bribery-in-public-services"], codes

    status, _, text = call(server, "/services/bribery-in-public-services.xml")
    attributes = {a.findtext("code"): a for a in ElementTree.fromstring(text).find("attributes").findall("attribute")}
    assert attributes["service"].findtext("datatype") == "singlevaluelist"
    assert "039" in [value.findtext("key") for value in attributes["where"].find("values").findall("value")]

    complaint = {"service_code": "bribery-in-public-services", "attribute[danger]": "no", "attribute[service]": "permits",
                 "attribute[where]": "039", "description": "The clerk wanted cash to stamp my permit.", "email": "me@example.org"}
    status, _, text = call(server, "/requests.xml?lang=es", complaint)
    assert status == 201, text
    created = ElementTree.fromstring(text).find("request")
    request_id = created.findtext("service_request_id")
    assert re.search(r"\d{4} \d{4} \d{4} \d{4}", created.findtext("service_notice")), "the notice carries the receipt"

    status, _, text = call(server, f"/requests/{request_id}.json?lang=es")
    found = json.loads(text)
    assert status == 200 and found[0]["status"] == "open" and found[0]["status_notes"] == "Recibida", found

    status, _, text = call(server, "/requests.json", {"service_code": "official-misconduct"})
    assert status == 422 and json.loads(text)[0]["code"] == 422, "whistleblowing is not a GeoReport service"
