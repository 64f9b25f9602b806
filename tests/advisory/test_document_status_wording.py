"""A document a location has not delivered yet is "nog aan te leveren"; only one delivered whose review date has
passed is "verlopen" (issue 16, point 9: a location that has just started showed every document as expired)."""
import re
from datetime import date, timedelta

from accounts.models import User
from advisory import services
from advisory.models import QualityDocumentType
from tests.advisory.conftest import pdf


def documents_table(html: str) -> dict[str, str]:
    """Document code -> the status text shown in the quality documents table."""
    table = html[html.index('id="documents"'):]
    table = table[: table.index("</table>")]
    return {code: status.strip() for code, status in re.findall(
        r'data-document="([^"]+)".*?<span class="status status-[^"]+">([^<]*)</span>', table, re.S)}


def dutch(*users):
    User.objects.filter(pk__in=[user.pk for user in users]).update(language="nl")


def test_a_location_that_has_just_started_has_documents_to_deliver_not_expired_ones(client_for, world):
    dutch(world.a.entrepreneur, world.adviser)
    for client, url in ((client_for(world.a.entrepreneur, world.a), "/advisory/"),
                        (client_for(world.adviser), f"/advisory/locations/{world.a.location.slug}/")):
        statuses = documents_table(client.get(url).content.decode())
        required = set(QualityDocumentType.objects.filter(required=True).values_list("code", flat=True))
        assert required <= statuses.keys()
        assert {statuses[code] for code in required} == {"nog aan te leveren"}


def test_only_a_delivered_document_past_its_review_date_is_expired(client_for, world):
    today = date.today()
    services.upload_document(world.a.location, doc_type=QualityDocumentType.objects.get(code="safety_health"),
                             file=pdf(), effective_date=today - timedelta(days=400),
                             review_date=today - timedelta(days=1), user=world.a.entrepreneur)
    dutch(world.a.entrepreneur)
    statuses = documents_table(client_for(world.a.entrepreneur, world.a).get("/advisory/").content.decode())
    assert statuses["safety_health"] == "verlopen"
    assert statuses["pedagogical_plan"] == "nog aan te leveren"


def test_english_words_for_the_two_states(client_for, world):
    today = date.today()
    services.upload_document(world.a.location, doc_type=QualityDocumentType.objects.get(code="safety_health"),
                             file=pdf(), effective_date=today - timedelta(days=400),
                             review_date=today - timedelta(days=1), user=world.a.entrepreneur)
    statuses = documents_table(client_for(world.a.entrepreneur, world.a).get("/advisory/").content.decode())
    assert (statuses["safety_health"], statuses["pedagogical_plan"]) == ("expired", "to be delivered")
