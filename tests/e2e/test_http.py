"""HTTP behaviour that only a real server shows."""
import http.client
import re
import urllib.parse
from urllib.parse import urlparse


def test_a_form_body_sent_in_chunks_still_carries_its_csrf_token(server):
    """Browsers may send a form in several pieces; the token must be read from the whole body."""
    address = urlparse(server["base"])
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    connection.request("GET", "/login")
    page = connection.getresponse()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="_csrf" value="([^"]+)"', page.read().decode()).group(1)
    body = urllib.parse.urlencode({"_csrf": token, "email": "analyst@demo.integrity.invalid",
                                   "password": "integrity-demo-2026", "padding": "x" * 40000}).encode()
    chunks = (body[i:i + 1000] for i in range(0, len(body), 1000))
    connection.request("POST", "/login", body=chunks, encode_chunked=True,
                       headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    assert response.status == 303, f"got {response.status}"
