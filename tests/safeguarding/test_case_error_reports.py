"""A Sentry event raised inside case handling carries no case text (checked against a local capture endpoint)."""
from urllib.parse import quote

import sentry_sdk

from safeguarding import services
from tests.platform.test_error_reports import events, sentry_endpoint, through_sentry_wsgi  # noqa: F401

from .conftest import DESCRIPTION, PLACE, yesterday


def test_errors_in_case_handling_reach_sentry_without_case_text(world, client_for, report, sentry_endpoint,  # noqa: F811
                                                               monkeypatch, housemate_name):
    case = report(route=2, housemate=housemate_name, relation="Stiefzoon-relatie")
    real_audit = services.audit

    def failing_audit(cases, actor, role, action, detail=""):
        if action in ("reported", "viewed", "step_recorded"):
            texts = [getattr(c, "description", "") for c in ([cases] if hasattr(cases, "pk") else cases)]
            services.logger.error("audit failed for %s: %s", texts, DESCRIPTION)
            raise ValueError(f"cannot audit {texts} {DESCRIPTION} at {PLACE} about {housemate_name}")
        return real_audit(cases, actor, role, action, detail)

    monkeypatch.setattr(services, "audit", failing_audit)
    staff = through_sentry_wsgi(client_for(world.a.staff, world.a))
    staff.raise_request_exception = False
    pedagogue = through_sentry_wsgi(client_for(world.pedagogue))
    pedagogue.raise_request_exception = False

    reported = staff.post("/meldcode/report/", {
        "route": "2", "children": [str(world.a.child_id)], "observed_on": yesterday().isoformat(),
        "observed_place": PLACE, "description": DESCRIPTION, "subject": "housemate",
        "housemate_name": housemate_name, "housemate_relation": "Stiefzoon-relatie"})
    viewed = pedagogue.get(f"/meldcode/{case.pk}/?q={quote(DESCRIPTION)}")
    api = pedagogue.get(f"/api/v1/meldcode/cases/{case.pk}/")
    step = pedagogue.post(f"/api/v1/meldcode/cases/{case.pk}/steps/", {
        "step": "map_signs", "done_on": yesterday().isoformat(), "who": "Margriet Overlegpartner",
        "notes": "Notitie Ballonvaarder"}, content_type="application/json")
    sentry_sdk.flush(timeout=10)

    assert [reported.status_code, viewed.status_code, api.status_code, step.status_code] == [500] * 4
    errors = [e for e in events(sentry_endpoint) if e.get("exception")]
    assert len(errors) == 4
    assert {e["exception"]["values"][-1]["type"] for e in errors} == {"ValueError"}
    everything = b"".join(headers + body for headers, body in sentry_endpoint.captured).lower()
    assert b"valueerror" in everything
    for secret in ("Zeppelinvlek", "Kneuzing", "bovenarm", PLACE, "Vlindertuin", housemate_name, "Stiefzoon",
                   "Saartje", "Margriet", "Ballonvaarder", case.reference, quote("Zeppelinvlek"), world.a.staff.email,
                   world.pedagogue.email):
        assert secret.lower().encode() not in everything, f"{secret!r} was sent to Sentry"
