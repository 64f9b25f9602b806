"""A browser in a test: one cookie jar per host (as host-only session cookies are), redirects followed across
hosts (the main domain, the locations' hosts), the address it comes from settable (behind a proxy or not)."""
import re
from urllib.parse import urljoin, urlsplit

from django.test import Client

from frontend.browser import totp_code  # noqa: F401 (the tests' authenticator app)
from tests.conftest import PASSWORD

MAIN = "localhost"


class Browser:
    def __init__(self, address: str = "127.0.0.1", proxy: str | None = None):
        """`address`: the client's own address; with `proxy`, requests arrive from the proxy with
        X-Forwarded-For: <address>, as behind the ingress."""
        self.address, self.proxy = address, proxy
        self.clients: dict[str, Client] = {}
        self.url = f"http://{MAIN}/"

    def client(self, host: str) -> Client:
        if host not in self.clients:
            extra = {"REMOTE_ADDR": self.proxy or self.address}
            if self.proxy:
                extra["HTTP_X_FORWARDED_FOR"] = self.address
            self.clients[host] = Client(HTTP_HOST=host, **extra)
        return self.clients[host]

    def _send(self, method: str, url: str, data=None):
        url = urljoin(self.url, url)
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = getattr(self.client(parts.hostname), method)(path, data or {})
        self.url = url
        return response

    def go(self, method: str, url: str, data=None, follow: bool = True):
        """Send the request and follow redirects (GET), as a browser would; the last response has `.url` and
        `.hops` (every URL visited)."""
        response = self._send(method, url, data)
        hops = [self.url]
        while follow and response.status_code in (301, 302, 303, 307) and len(hops) < 12:
            response = self._send("get", response["Location"])
            hops.append(self.url)
        response.final_url, response.hops = self.url, hops
        return response

    def get(self, url: str, **kwargs):
        return self.go("get", url, **kwargs)

    def post(self, url: str, data=None, **kwargs):
        return self.go("post", url, data, **kwargs)

    def log_in(self, email: str, password: str = PASSWORD, start: str = f"http://{MAIN}/accounts/login/"):
        """Open `start` (a login page of any host), fill in the form it ends on and send it."""
        page = self.get(start)
        assert page.status_code == 200, page.hops
        return self.post(page.final_url, {"login": email, "password": password})

    def user_id(self, host: str):
        return self.client(host).session.get("_auth_user_id")


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())
