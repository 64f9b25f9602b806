"""The request form survives 1,000 requests a minute from one address without storing them: after the limit
per address every submission is answered 429 before anything is read or written."""
from intake import throttle
from intake.models import CareRequest
from tests.intake.conftest import anonymous, form_data


def test_a_thousand_requests_a_minute_from_one_address(world):
    client = anonymous(world.a.host)
    data = form_data(world.a.location)
    answers = [client.post("/care-request/", data, REMOTE_ADDR="203.0.113.9").status_code for _ in range(1000)]
    assert max(answers) < 500
    assert answers.count(429) == 1000 - throttle.LIMIT
    assert CareRequest.objects.count() == throttle.LIMIT
    # another address is not held up
    assert anonymous(world.a.host).post("/care-request/", data, REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_bot_filling_the_honeypot_stores_nothing(world):
    client = anonymous(world.a.host)
    data = form_data(world.a.location, website="buy now")
    assert {client.post("/care-request/", data).status_code for _ in range(5)} == {200}
    assert not CareRequest.objects.exists()
