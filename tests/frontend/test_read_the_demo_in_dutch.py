"""Every page and PDF of the demo cooperative reads Dutch: a crawl per role and host (GET only, from the start
page along every link) finds no English text. Issue 16, point 2.

English is recognised two ways: a visible text equal to an English msgid of the catalogue whose Dutch differs
(a text that was never passed through the translations, or was shown untranslated), and common English words
that never occur in Dutch, as whole words.
"""
import io
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "frontend/locale/nl/LC_MESSAGES/django.po"

#: English words that are not Dutch words too (whole words, any case).
ENGLISH = frozenset("""
the and with your you our this that these those from for are were has have not yes please
invoice invoices child children parent parents location locations contracts payment payments
amount date dates day days weeks month months year years name first new edit delete save cancel
add remove back next previous closed pending paid due overdue none all any
sign signed send sent view message messages complaint complaints visit visits
report reports settings search submit confirm request requests absence absences
today yesterday tomorrow hours hour minutes group groups attendance checked
monday tuesday wednesday thursday friday saturday sunday
january february march may june july august october
""".split())
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
#: Paths never followed: the API, static files, leaving, switching language, calendar feeds.
SKIP_PATH = re.compile(r"^/(api|static|admin)/|logout|/i18n/|set[-_]language|\.ics$|/ical/|/feed")
PATTERN = re.compile(r"/\d+|/[0-9a-f]{8}-[0-9a-f-]{27,}|/[A-Za-z0-9_-]{20,}")
PAGES_PER_PATTERN = 2
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


def english_msgids() -> frozenset[str]:
    """The catalogue's English msgids whose Dutch text differs (a text on a Dutch page equal to one is English)."""
    from django.utils import translation
    from django.utils.translation import trans_real

    with translation.override("nl"):
        catalog = trans_real.translation("nl")._catalog
        found = set()
        for key, value in catalog.items():
            msgid = key[0] if isinstance(key, tuple) else key
            if not msgid or "\x04" in msgid:
                msgid = msgid.split("\x04", 1)[-1]
            if msgid and value != msgid and len(msgid) > 2:
                found.add(" ".join(msgid.split()))
    return frozenset(found)


def visible_texts(html: bytes) -> list[str]:
    doc = lxml.html.fromstring(html)
    for bad in doc.xpath("//script|//style|//template|//noscript"):
        bad.drop_tree()
    texts = [t for t in doc.itertext()]
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        texts += [element.get(name) for name in ATTRIBUTES if element.get(name)]
        if element.tag in ("input", "button") and element.get("type") in ("submit", "button") and element.get("value"):
            texts.append(element.get("value"))
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def pdf_texts(content: bytes) -> list[str]:
    from pypdf import PdfReader

    lines = []
    for page in PdfReader(io.BytesIO(content)).pages:
        lines += [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
    return lines


def links(html: bytes) -> list[str]:
    doc = lxml.html.fromstring(html)
    return [a.get("href") for a in doc.iter("a") if a.get("href")]


def english_in(text: str, msgids: frozenset[str]) -> str | None:
    if text in msgids or text.rstrip(":.") in msgids:
        return "msgid"
    words = [w for w in WORD.findall(text) if w.lower() in ENGLISH]
    return ",".join(words) if words else None


def crawl(user, host: str, hosts: set[str], msgids, problems: dict, seen_global: set) -> int:
    clients: dict[str, Client] = {}

    def client_for(h):
        if h not in clients:
            clients[h] = Client(HTTP_HOST=h)
            clients[h].force_login(user)
        return clients[h]

    queue = [(host, "/")]
    seen = set()
    per_pattern = defaultdict(int)
    count = 0
    while queue:
        h, path = queue.pop(0)
        if (h, path) in seen:
            continue
        seen.add((h, path))
        split = urlsplit(path)
        pattern = (h, PATTERN.sub("/N", split.path), tuple(sorted(k.split("=")[0] for k in split.query.split("&"))))
        if per_pattern[pattern] >= PAGES_PER_PATTERN:
            continue
        per_pattern[pattern] += 1
        response = client_for(h).get(path)
        count += 1
        if response.status_code in (301, 302) and response.get("Location"):
            target = urlsplit(response["Location"])
            where = target.hostname or h
            if where in hosts and not SKIP_PATH.search(target.path):
                queue.append((where + (f":{target.port}" if target.port else ""), target.path + (f"?{target.query}" if target.query else "")))
            continue
        if response.status_code != 200:
            continue
        kind = response.get("Content-Type", "")
        if kind.startswith("text/html"):
            content = response.content
            texts = visible_texts(content)
            for href in links(content):
                href, _ = urldefrag(href)
                target = urlsplit(href)
                if target.scheme and target.scheme not in ("http", "https"):
                    continue
                where = target.hostname or h.split(":")[0]
                if where not in hosts or SKIP_PATH.search(target.path or "/"):
                    continue
                next_path = target.path or split.path
                if not next_path.startswith("/"):
                    next_path = split.path.rsplit("/", 1)[0] + "/" + next_path
                queue.append((where, next_path + (f"?{target.query}" if target.query else "")))
        elif kind.startswith("application/pdf"):
            texts = pdf_texts(b"".join(response.streaming_content) if response.streaming else response.content)
        else:
            continue
        for text in texts:
            why = english_in(text, msgids)
            if why and text not in seen_global:
                seen_global.add(text)
                problems[text] = (f"{user.email} {h}{path}", why)
    return count


def test_every_page_and_pdf_of_the_demo_reads_dutch(world):
    from accounts.models import User
    from cooperative.demo import seed_demo
    from cooperative.models import Location
    from tests.conftest import give_second_factor

    seed_demo()
    User.objects.update(language="nl")
    msgids = english_msgids()
    locations = {loc.slug: loc for loc in Location.objects.filter(slug__in=["zonnebloem", "boomhut", "kikker",
                                                                          "speelwerk", "regenboog", "pagadder"])}
    hosts = {"localhost"} | {f"{slug}.localhost" for slug in locations}
    problems: dict = {}
    seen: set = set()
    total = 0
    from accounts.models import Membership

    for user in User.objects.filter(email__endswith="@demo.opvangkring.nl").order_by("email"):
        if user.has_coop_role("coop_admin", "adviser", "pedagogue"):
            give_second_factor(user)
        starts = {"localhost"} | {f"{m.location.slug}.localhost" for m in Membership.objects.filter(user=user)}
        for host in sorted(starts):
            total += crawl(user, host, hosts, msgids, problems, seen)
    report = "\n".join(f"{text!r:80.80} [{why}] {where}" for text, (where, why) in sorted(problems.items()))
    Path("/tmp/words/report.txt").write_text(f"{total} pages\n{report}\n")
    assert not problems, f"English on Dutch pages ({len(problems)}):\n{report}"
