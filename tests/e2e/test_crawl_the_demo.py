"""Issue 16's acceptance: a crawl per role of the demo finds no 404 and no 500. From each role's start page every
link on every page reached, on the same host, is opened (GET only; logging out, downloads and the API are left
alone). Each page is fetched by the browser itself from the start page (same origin, the browser's login and its
host resolver, which sends every *.localhost to the test server). Links that differ only in an id open the same
kind of page: up to PER_KIND of each kind are opened (/children/7/ and /children/9/ are one kind), so the crawl
covers every kind of page reachable without opening each of hundreds of invoices."""
import re
from collections import Counter, deque
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest

from frontend.browser import login

DEMO = "@demo.opvangkring.nl"
MAX_PAGES = 250
PER_KIND = 3
SKIP = re.compile(r"(/accounts/logout/|/api/|\.pdf$|\.csv$|\.ics$|\.zip$|\.xml$|\.json$|/pdf/|/export|/download"
                  r"|/feed/|/photos/|/files/|/attachments?/|/certificate/|/letter/)")
HREF = re.compile(r"""<a\s[^>]*?href="([^"#]+)"([^>]*)>""")

FETCH = """async (url) => {
  const response = await fetch(url, {credentials: "same-origin"});
  const type = response.headers.get("content-type") || "";
  return {status: response.status, url: response.url, type: type,
          text: type.includes("text/html") ? await response.text() : ""};
}"""

# (role, login, host slug or None for the main domain)
CRAWLS = [
    ("coop_admin", "beheer", None),
    ("adviser", "adviseur", None),
    ("pedagogue", "pedagoog", None),
    ("parent", "ouder.jansen", None),
    ("parent at a day-care centre", "ouder.jansen", "kikker"),
    ("parent at a childminder", "ouder.bakker", "zonnebloem"),
    ("parent at a Flemish location", "ouder.peeters", "pagadder"),
    ("staff", "medewerker.kikker", "kikker"),
    ("entrepreneur of a day-care centre", "marieke", "kikker"),
    ("entrepreneur of a childminder", "ilse", "zonnebloem"),
    ("entrepreneur of an after-school centre", "ruud", "speelwerk"),
    ("entrepreneur of a Flemish location", "lieve", "pagadder"),
]


def links(html: str, base: str) -> list[str]:
    found = []
    for href, rest in HREF.findall(html):
        if " download" in rest or href.startswith(("mailto:", "tel:", "javascript:")):
            continue
        found.append(urljoin(base, href.replace("&amp;", "&")))
    return found


@pytest.mark.parametrize(("role", "name", "slug"), CRAWLS, ids=[c[0] for c in CRAWLS])
def test_every_page_reachable_from_the_start_page_opens(new_page, server, role, name, slug):
    page = new_page()
    start = server.url(slug)
    login(page, start, name + DEMO)
    host = urlsplit(start).netloc
    seen, queue, broken, kinds = {start}, deque([(start, "(start)")]), [], Counter()
    while queue and len(seen) <= MAX_PAGES:
        url, came_from = queue.popleft()
        response = page.evaluate(FETCH, url)
        if response["status"] == 404 or response["status"] >= 500:
            broken.append((response["status"], url, came_from))
            continue
        if "text/html" not in response["type"] or urlsplit(response["url"]).netloc != host:
            continue
        for link in links(response["text"], response["url"]):
            parts = urlsplit(link)
            if parts.netloc != host or SKIP.search(parts.path):
                continue
            link = parts._replace(fragment="").geturl()
            kind = (re.sub(r"\d+", "N", parts.path), tuple(sorted(key for key, _ in parse_qsl(parts.query))))
            if link not in seen and kinds[kind] < PER_KIND:
                seen.add(link)
                kinds[kind] += 1
                queue.append((link, url))
    assert broken == [], broken
    assert len(seen) > 3, "the start page links to the role's pages"
