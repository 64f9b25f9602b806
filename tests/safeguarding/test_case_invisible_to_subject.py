"""A route 2 case about the entrepreneur of location A (or about her housemate) is invisible to her everywhere.

The test logs in as her and requests every route of the application — every page and API endpoint of her
location's host and of the main domain, with the case's id in every id slot and its reference in every search
parameter — and looks for the case's identifiers and words in every answer. It also reads her location's export,
her e-mail and her home page (the dashboard). A route 1 case at her location is the control: the same crawl
finds that one, so the crawl does reach the meldcode pages.
"""
import json

import pytest
from django.core import mail

from tenants.exports.services import location_data

from .crawling import assert_nowhere

CONTROL_WORD = "Regenboogkwal"
SECRET_WORDS = ["Zeppelinvlek", "Kneuzing op de bovenarm", "Groepsruimte Vlindertuin"]


@pytest.mark.parametrize("about", ["entrepreneur", "housemate"])
def test_a_route_2_case_about_the_entrepreneur_is_invisible_to_her_everywhere(
        world, report, client_for, housemate_name, about):
    site = world.a
    owner = site.entrepreneur
    control = report(route=1, description=f"Controlegeval met het woord {CONTROL_WORD}.", place="Speelplaats")
    mail.outbox.clear()
    if about == "entrepreneur":
        hidden = report(route=2, subject_user=owner)
    else:
        hidden = report(route=2, housemate=housemate_name, relation="partner")
    secrets = [hidden.reference, *SECRET_WORDS] + ([housemate_name] if about == "housemate" else [])

    # Notifications: only the pedagogue was told.
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]

    assert_nowhere(client_for, owner, site, hidden, control, secrets)

    # Her case pages and API answer 404 for the hidden case: no hint that it exists.
    owner_client = client_for(owner, site)
    assert owner_client.get(f"/meldcode/cases/{hidden.pk}/").status_code == 404
    assert owner_client.get(f"/api/v1/meldcode/cases/{hidden.pk}/").status_code == 404
    assert [c["reference"] for c in owner_client.get("/api/v1/meldcode/cases/").json()] == [control.reference]

    # The location's export (what the entrepreneur downloads, and offboarding writes) carries no case at all.
    exported = json.dumps(location_data(site.location), ensure_ascii=False, default=str)
    for secret in [*secrets, control.reference, CONTROL_WORD]:
        assert secret not in exported

    # No e-mail at any point reached her about it.
    for message in mail.outbox:
        assert owner.email not in message.to
