"""Care requests of the demo cooperative (`make run`): a parent with one request to three locations, requests on
Kikker's list that show each priority rule, an expected child, a Flemish request, an offer waiting for its answer,
and enough requests in Dordrecht for the yearly figures to show a municipality (no cell below 5)."""
from datetime import date, timedelta

from django.utils import timezone

from intake import services
from intake.models import CareRequest


def _confirmed(locations, *, user, created_days_ago: int, **facts):
    request = services.file_request(locations=locations, email=user.email, parent_name=user.full_name, user=user,
                                    **facts)
    CareRequest.objects.filter(pk=request.pk).update(
        created_at=timezone.now() - timedelta(days=created_days_ago))
    return request


def seed_intake(locations: dict, make_user) -> list[tuple[str, str, str]]:
    """`locations` by slug; `make_user(local, name)` makes a demo account. Returns the logins to print."""
    today = timezone.localdate()
    kikker, regenboog, zonnebloem = locations["kikker"], locations["regenboog"], locations["zonnebloem"]
    start = today + timedelta(days=120)
    sophie = make_user("ouder.aanvraag", "Sophie van Dijk")
    _confirmed([kikker, regenboog, zonnebloem], user=sophie, created_days_ago=20, child_first_name="Julia",
               birth_date=today - timedelta(days=150), postal_code="3311 AA", city="Dordrecht", care_kind="kdv",
               days=[0, 1, 3], start_date=start, works=True)
    families = [
        ("aanvraag.bos", "Mark Bos", dict(child_first_name="Lucas", special_care=True), 5),
        ("aanvraag.demir", "Ayla Demir", dict(child_first_name="Yusuf", urgent_reason="found_work",
                                              start_date=today + timedelta(days=20)), 2),
        ("aanvraag.dekker", "Iris Dekker", dict(child_first_name="", birth_date=None,
                                                due_date=today + timedelta(days=45)), 40),
        ("aanvraag.meijer", "Bas Meijer", dict(child_first_name="Fenna", postal_code="3311 CD"), 60),
        ("aanvraag.vos", "Lisa Vos", dict(child_first_name="Sem"), 90),
    ]
    for local, name, facts, days_ago in families:
        values = dict(birth_date=today - timedelta(days=200), postal_code="3317 AB", city="Dordrecht",
                      care_kind="kdv", days=[1, 2], start_date=start)
        values.update(facts)
        _confirmed([kikker], user=make_user(local, name), created_days_ago=days_ago, **values)
    waiting = _confirmed([kikker], user=make_user("aanvraag.smit", "Rob Smit"), created_days_ago=120,
                         child_first_name="Nina", birth_date=today - timedelta(days=300), postal_code="3314 AB",
                         city="Dordrecht", care_kind="kdv", days=[0, 4], start_date=today + timedelta(days=60))
    from django_tenants.utils import schema_context

    with schema_context(kikker.schema_name):
        from tenants.groups.models import Group

        group = Group.objects.filter(kind="stamgroep").first()
    if group is not None:
        services.offer_place(waiting.entries.get(), group_id=group.pk, start_date=waiting.start_date,
                             days=waiting.days, note="Welkom bij Kikker!")
    pagadder = locations["pagadder"]
    _confirmed([pagadder], user=make_user("aanvraag.wouters", "Ann Wouters"), created_days_ago=12,
               child_first_name="Mats", birth_date=today - timedelta(days=90), postal_code="9000", city="Gent",
               care_kind="kdv", days=[0, 1, 2, 3], start_date=date(today.year + 1, 1, 5), works=True)
    return [("parent with care requests", sophie.email, "main domain")]
