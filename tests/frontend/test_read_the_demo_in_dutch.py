"""Every page and PDF of the demo cooperative reads Dutch (issue 16, point 2): a crawl per person and host (GET only,
from the start page along every link, PDFs by their text) finds no English and no amount or date written the English
way.

English is recognised three ways: a visible text equal to an English msgid of the catalogue whose Dutch differs (a
text never passed through the translations), common English words that are no Dutch words as whole words, and
amounts and dates in the English notation (€ 10.00, 2026-12-04) instead of the reader's (€ 10,00, 4 december 2026).
The crawl follows one page of each URL shape per role and host, so that it covers every template quickly.
"""
import io
import re
from urllib.parse import urldefrag, urlsplit

import lxml.html
import pytest
from django.test import Client

from tests.conftest import give_second_factor

pytestmark = pytest.mark.xdist_group("demo")

#: English words that are no Dutch words (whole words, any case): "is", "of", "was", "open", "week", "kind",
#: "status", "name", "april", "november" … are Dutch too and are left out.
ENGLISH = frozenset("""
the and with your you our this that these those from for are were has have not yes please
invoice invoices child children parent parents location locations contracts payment payments
amount date dates day days weeks month months year years first new edit delete save cancel
add remove back next previous closed pending paid due overdue none all any
sign signed send sent view message messages complaint complaints visit visits
report reports settings search submit confirm request requests absence absences
today yesterday tomorrow hours hour minutes group groups attendance checked
monday tuesday wednesday thursday friday saturday sunday
january february march may june july august october
""".split())
WORD = re.compile(r"(?<![$\w])[A-Za-z]+(?:'[a-z]+)?")
#: Texts that are written the same in Dutch; a link written out.
SAME_IN_DUTCH = frozenset({"PDF", "CSV", "iCal"})
URL = re.compile(r"^https?://\S+$")
ENGLISH_AMOUNT = re.compile(r"€\s?-?\d[\d,]*\.\d{2}\b")
ISO_DATE = re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/-])")

#: Paths never followed: the API (but its PDFs), static files, leaving, switching language, calendar feeds, files
#: that are no page (CSV, iCal).
SKIP_PATH = re.compile(r"^/(api|static|admin)/(?!.*/pdf/$)|logout|/i18n/|set[-_]language|\.(ics|csv|json|xml)$|/ical/"
                       r"|/feed|/sepa/\d+/|/export")
#: Path parts that are ids: one page of each shape is read per role and host.
ID = re.compile(r"/\d+(?=/|$)|/[0-9a-f]{8}-[0-9a-f-]{27,}(?=/|$)|/[A-Za-z0-9_-]{20,}(?=/|$)|/\d{4}(-\d{2})?(?=/|$)")
ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
DEMO_LOCATIONS = ("zonnebloem", "boomhut", "kikker", "speelwerk", "regenboog", "pagadder")


def english_msgids() -> frozenset[str]:
    """The catalogue's English msgids whose Dutch text differs and that are no Dutch text themselves ("Kind")."""
    from django.utils import translation
    from django.utils.translation import trans_real

    with translation.override("nl"):
        catalog = trans_real.translation("nl")._catalog
        english, dutch = set(), set()
        for key, value in catalog.items():
            msgid = (key[0] if isinstance(key, tuple) else key).split("\x04", 1)[-1]
            if isinstance(value, str):
                dutch.add(" ".join(value.split()))
            if len(msgid) > 2 and value != msgid:
                english.add(" ".join(msgid.split()))
    return frozenset(english - dutch)


def visible_texts(html: bytes) -> list[str]:
    doc = lxml.html.fromstring(html)
    # Not shown, or in another language on purpose (the language switch names each language in its own).
    for hidden in doc.xpath("//script|//style|//template|//noscript|//*[@lang][not(starts-with(@lang, 'nl'))]"):
        hidden.drop_tree()
    texts = list(doc.itertext())
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        texts += [element.get(name) for name in ATTRIBUTES if element.get(name)]
        if element.tag == "input" and element.get("type") in ("submit", "button"):
            texts.append(element.get("value") or "")
    return [" ".join(t.split()) for t in texts if t and t.strip()]


def pdf_texts(content: bytes) -> list[str]:
    from pypdf import PdfReader

    lines = []
    for page in PdfReader(io.BytesIO(content)).pages:
        lines += [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]
    return lines


def links(html: bytes) -> list[str]:
    return [a.get("href") for a in lxml.html.fromstring(html).iter("a") if a.get("href")]


def why_english(text: str, msgids: frozenset[str], names: frozenset[str] = frozenset()) -> str | None:
    """Why `text` is not Dutch, or None. `names` (of people and locations) are data, in no language."""
    if text in names or text in SAME_IN_DUTCH or URL.match(text):
        return None
    if text in msgids or text.rstrip(":.") in msgids:
        return "an untranslated text"
    words = [w for w in WORD.findall(text) if w.lower() in ENGLISH]
    if words:
        return "English words: " + ", ".join(words)
    if ENGLISH_AMOUNT.search(text):
        return "an amount written the English way"
    if ISO_DATE.search(text):
        return "a date written the computer's way"
    return None


class Crawl:
    """One person's walk over the demo's hosts; `problems` maps a text to where it was seen and why."""

    def __init__(self, hosts: set[str], msgids: frozenset[str], names: frozenset[str], problems: dict, shapes: set):
        self.hosts, self.msgids, self.names, self.problems, self.shapes = hosts, msgids, names, problems, shapes
        self.pages = self.pdfs = 0

    def walk(self, user, starts: list[str], role_at) -> None:
        clients: dict[str, Client] = {}
        queue = [(host, "/") for host in starts]
        seen = set()
        while queue:
            host, path = queue.pop(0)
            split = urlsplit(path)
            shape = (role_at(host), host, ID.sub("/N", split.path),
                     tuple(sorted(part.split("=")[0] for part in split.query.split("&") if part)))
            if (host, path) in seen or shape in self.shapes:
                continue
            seen.add((host, path))
            self.shapes.add(shape)
            if host not in clients:
                clients[host] = Client(HTTP_HOST=host)
                clients[host].force_login(user)
            response = clients[host].get(path)
            if response.status_code in (301, 302):
                queue += self._targets(host, path, [response["Location"]])
                continue
            kind = response.get("Content-Type", "")
            if response.status_code != 200:
                continue
            if kind.startswith("text/html"):
                self.pages += 1
                texts = visible_texts(response.content)
                queue += self._targets(host, path, links(response.content))
            elif kind.startswith("application/pdf"):
                self.pdfs += 1
                content = b"".join(response.streaming_content) if response.streaming else response.content
                texts = pdf_texts(content)
            else:
                continue
            for text in texts:
                why = why_english(text, self.msgids, self.names)
                if why and text not in self.problems:
                    self.problems[text] = f"{why} — {user.email} at http://{host}{path}"

    def _targets(self, host: str, path: str, hrefs: list[str]) -> list[tuple[str, str]]:
        found = []
        for href in hrefs:
            target = urlsplit(urldefrag(href)[0])
            if target.scheme not in ("", "http", "https"):
                continue
            where = target.hostname or host
            if where not in self.hosts or SKIP_PATH.search(target.path or "/"):
                continue
            next_path = target.path or urlsplit(path).path
            if not next_path.startswith("/"):
                next_path = urlsplit(path).path.rsplit("/", 1)[0] + "/" + next_path
            found.append((where, next_path + (f"?{target.query}" if target.query else "")))
        return found


@pytest.fixture
def demo(world):
    """The demo cooperative, every demo person reading Dutch, the cooperative's people with their second factor."""
    from accounts.models import User
    from cooperative.demo import seed_demo

    seed_demo()
    people = User.objects.filter(email__endswith="@demo.opvangkring.nl")
    people.update(language="nl")
    for person in people:
        if person.has_coop_role("coop_admin", "adviser", "pedagogue"):
            give_second_factor(person)
    _visits_with_checklists()
    return people.order_by("email")


def _visits_with_checklists() -> None:
    """The demo has no visits yet: a visit in progress and a finished one, so that the crawl reads the checklist
    questions and the report (stored in English, shown in the reader's language)."""
    from django.utils import timezone

    from advisory import services as advisory
    from cooperative.models import Location

    adviser = demo_person("adviseur")
    location = Location.objects.get(slug="zonnebloem")
    year = timezone.localdate().year
    started = advisory.plan_visit(location, year=year, visit_type="pedagogical", adviser=adviser, user=adviser)
    advisory.save_answers(started, {started.checklist.items.first().pk: {"answer": "yes", "remark": "Prima"}})
    done = advisory.plan_visit(location, year=year, visit_type="business", adviser=adviser, user=adviser)
    advisory.save_answers(done, {item.pk: {"answer": "yes"} for item in done.checklist.items.all()})
    advisory.complete_visit(done, user=adviser, summary="Alles op orde.")


def demo_person(local: str):
    from accounts.models import User
    from cooperative.demo import email

    return User.objects.get(email=email(local))


def test_english_texts_are_recognised():
    msgids = frozenset({"Children", "Log out"})
    assert why_english("Children", msgids) == "an untranslated text"
    assert why_english("Kinderen", msgids) is None
    assert why_english("Labor Day", msgids) == "English words: Day"
    assert why_english("Ten name van: De Zonnebloem", msgids) is None
    assert why_english("Totaal € 10.00", msgids) == "an amount written the English way"
    assert why_english("Totaal € 1.234,50", msgids) is None
    assert why_english("Vervaldatum: 2026-12-16", msgids) == "a date written the computer's way"
    assert why_english("Vervaldatum: 16 december 2026", msgids) is None
    assert why_english("Placeholders: $location, $today", msgids) is None
    assert why_english("Lead Adviser", msgids, names=frozenset({"Lead Adviser"})) is None
    assert why_english("http://kikker.localhost/care-request/?campaign=window-sign", msgids) is None


def test_every_page_and_pdf_of_the_demo_reads_dutch(demo):
    from accounts.models import Membership, User
    from accounts.roles import roles_for
    from cooperative.models import Location

    locations = {f"{loc.slug}.localhost": loc for loc in Location.objects.filter(slug__in=DEMO_LOCATIONS)}
    hosts = {"localhost", *locations}
    problems: dict[str, str] = {}
    shapes: set = set()
    names = frozenset(User.objects.values_list("full_name", flat=True)) | frozenset(
        Location.objects.values_list("name", flat=True))
    crawl = Crawl(hosts, english_msgids(), names, problems, shapes)
    for person in demo:
        starts = ["localhost"] + sorted(f"{m.location.slug}.localhost" for m in Membership.objects.filter(user=person))

        roles = {host: tuple(sorted(roles_for(person, locations.get(host)))) for host in hosts}
        crawl.walk(person, starts, roles.__getitem__)
    assert crawl.pages > 300 and crawl.pdfs >= 5, (crawl.pages, crawl.pdfs)
    report = "\n".join(f"{text[:100]!r}: {where}" for text, where in sorted(problems.items()))
    assert not problems, f"Not Dutch on Dutch pages ({len(problems)}):\n{report}"
