"""A contract to sign made during a request on the main domain (a parent accepting a placed child there,
platform/intake) still sends its push notification: the location's page is looked up among the location's
pages, not the main domain's (issue 17 placement, issue 16 point 8)."""
from django.urls import set_urlconf

from push import services


def test_the_contracts_page_is_found_while_the_main_domain_answers(world):
    set_urlconf("config.urls_public")
    try:
        assert services.location_path("contracts") == "/contracts/"
        assert services.location_path("billing-invoices").startswith("/billing/")
    finally:
        set_urlconf(None)
