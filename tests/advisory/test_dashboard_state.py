"""The dashboard's kept row per location (advisory.LocationState, migration 0004's triggers): after every kind of
write — through the services, in bulk, a deletion, a document type's `required`, two writers at once — the tiles and
the attention list from the kept rows equal those of `advisory.rules` over the records (`selectors.dashboard`), on
the days around each date that matters: a document version taking effect, a review date, a due date, another year.

Source of the rules: the parent guide (seed 001_a57da3c4727db216.txt, 4.1.1–4.1.2 GGD inspections and 4.1.3 "Jaarlijkse
bezoeken door Thuishuis": two adviser visits a year, one pedagogical, one business) as encoded in `advisory.rules`,
whose own table tests are tests/advisory/test_rules.py; this module checks that the kept rows give the rules'
answers, not the rules themselves."""
import threading
import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

from advisory import selectors, services
from advisory.models import FollowUpAction, Inspection, LocationState, QualityDocument, QualityDocumentType
from cooperative.models import Location
from tests.advisory.conftest import aware, bare_location, pdf
from tests.conftest import in_a_thread

TODAY = timezone.localdate()
YEAR = TODAY.year


def agree(user, days, years=(YEAR,)):
    """The kept rows give what the rules give, for every day and year in view."""
    for year in years:
        for day in days:
            filters = selectors.Filters(year=year)
            board = selectors.dashboard(user, filters, day)
            summary = selectors.summary(user, filters, day, limit=1000)
            assert summary.tiles == board.tiles, (year, day)
            assert summary.attention_ids == [r.id for r in board.attention_rows(limit=1000)], (year, day)
            for tile in selectors.TILES:
                count, ids = selectors.tile_page(user, filters, day, tile, offset=0, limit=1000)
                assert ids == [row.id for row in board.rows_in(tile)] and count == len(ids), (year, day, tile)


def around(*days):
    return sorted({d + timedelta(days=n) for d in days for n in (-1, 0, 1)})


def kept(location) -> LocationState:
    return LocationState.objects.get(location=location)


def test_every_location_with_a_record_has_its_row_written_with_it(world):
    location = bare_location("st-rec", adviser=world.adviser)
    assert not LocationState.objects.filter(location=location).exists()
    services.plan_visit(location, year=YEAR, visit_type="business", adviser=world.adviser, user=world.adviser)
    assert kept(location).business_visit and kept(location).visits_year == YEAR
    action = services.create_action(location, description="Beleid bijwerken", owner="entrepreneur",
                                    due_date=TODAY + timedelta(days=3), user=world.adviser)
    assert (kept(location).open_actions, kept(location).open_due_dates) == (1, [TODAY + timedelta(days=3)])
    services.mark_action_done(action, user=world.adviser)
    assert (kept(location).open_actions, kept(location).open_due_dates) == (0, [])
    services.record_inspection(location, inspected_on=TODAY - timedelta(days=10), kind="annual",
                               met_requirements=False, user=world.adviser)
    assert kept(location).inspected and kept(location).inspection_met is False
    agree(world.adviser, around(TODAY))


def test_visits_of_the_year_in_view_and_of_other_years(world):
    """The row keeps this year's visits; last year's and next year's are read from the visits themselves."""
    location = bare_location("st-years", adviser=world.adviser)
    for year in (YEAR - 1, YEAR, YEAR + 1):
        visit = services.plan_visit(location, year=year, visit_type="pedagogical", adviser=world.adviser,
                                    user=world.adviser)
        if year != YEAR - 1:
            services.schedule_visit(visit, aware(year, 6, 3), user=world.adviser)
    last = location.advisory_visits.get(year=YEAR - 1)
    last.completed_at = aware(YEAR - 1, 11, 2)
    last.save()
    agree(world.adviser, around(date(YEAR, 6, 3), date(YEAR, 12, 31), TODAY), years=(YEAR - 1, YEAR, YEAR + 1))


def test_a_document_version_taking_effect_later_counts_from_its_day(world):
    """A new version uploaded ahead of its date: the row says which days it holds for; on the day the new version
    takes effect (and after) the dashboard reads the documents, before it the kept review dates count."""
    location = bare_location("st-docs", adviser=world.adviser)
    plan = QualityDocumentType.objects.get(code="pedagogical_plan")
    services.upload_document(location, doc_type=plan, file=pdf(), effective_date=TODAY - timedelta(days=200),
                             review_date=TODAY + timedelta(days=5), user=world.adviser)
    takes_effect = TODAY + timedelta(days=20)
    services.upload_document(location, doc_type=plan, file=pdf(), effective_date=takes_effect,
                             review_date=takes_effect + timedelta(days=365), user=world.adviser)
    row = kept(location)
    assert (row.documents_from, row.documents_until) == (TODAY - timedelta(days=200), takes_effect)
    assert row.document_reviews == [TODAY + timedelta(days=5)]
    agree(world.adviser, around(TODAY, TODAY + timedelta(days=5), takes_effect, takes_effect + timedelta(days=365)))


def test_a_row_kept_on_a_later_day_is_not_used_for_an_earlier_one(world):
    """Kept for a day after the version took effect (the nightly refresh, a clock ahead): the days before it are
    read from the documents."""
    location = bare_location("st-later", adviser=world.adviser)
    plan = QualityDocumentType.objects.get(code="pedagogical_plan")
    services.upload_document(location, doc_type=plan, file=pdf(), effective_date=TODAY - timedelta(days=30),
                             review_date=TODAY + timedelta(days=30), user=world.adviser)
    services.upload_document(location, doc_type=plan, file=pdf(), effective_date=TODAY + timedelta(days=10),
                             review_date=TODAY + timedelta(days=11), user=world.adviser)
    services.refresh_dashboard_states(TODAY + timedelta(days=12))
    assert kept(location).documents_from == TODAY + timedelta(days=10)
    agree(world.adviser, around(TODAY, TODAY + timedelta(days=10), TODAY + timedelta(days=11)))


def test_a_document_type_made_optional_or_required_again(world):
    location = bare_location("st-type", adviser=world.adviser)
    safety = QualityDocumentType.objects.get(code="safety_health")
    services.upload_document(location, doc_type=safety, file=pdf(), effective_date=TODAY - timedelta(days=3),
                             review_date=TODAY + timedelta(days=300), user=world.adviser)
    assert kept(location).document_reviews == [TODAY + timedelta(days=300)]
    QualityDocumentType.objects.filter(pk=safety.pk).update(required=False)
    assert kept(location).document_reviews == []
    agree(world.adviser, [TODAY])
    QualityDocumentType.objects.filter(pk=safety.pk).update(required=True)
    assert kept(location).document_reviews == [TODAY + timedelta(days=300)]
    agree(world.adviser, [TODAY])


def test_bulk_writes_and_deletions_keep_every_row(world):
    locations = [bare_location(f"st-bulk-{i}", adviser=world.adviser) for i in range(4)]
    FollowUpAction.objects.bulk_create([
        FollowUpAction(location=location, description="x", owner="adviser", due_date=TODAY + timedelta(days=d))
        for i, location in enumerate(locations) for d in range(-i, 2)])
    Inspection.objects.bulk_create([
        Inspection(location=location, inspected_on=TODAY - timedelta(days=i), kind="annual",
                   met_requirements=bool(i % 2)) for i, location in enumerate(locations)])
    assert [kept(location).open_actions for location in locations] == [2, 3, 4, 5]
    agree(world.adviser, around(TODAY))
    FollowUpAction.objects.filter(location=locations[3], due_date__lt=TODAY).update(status="done")
    Inspection.objects.filter(location=locations[1]).delete()
    QualityDocument.objects.filter(location__in=locations).delete()
    assert kept(locations[3]).open_actions == 2 and not kept(locations[1]).inspected
    agree(world.adviser, around(TODAY))
    gone = locations[0].pk
    Location.objects.filter(pk=gone).delete()
    assert not LocationState.objects.filter(location_id=gone).exists()


def test_the_nightly_refresh_brings_rows_of_another_year_up_to_date(world):
    location = bare_location("st-night", adviser=world.adviser)
    services.plan_visit(location, year=YEAR, visit_type="business", adviser=world.adviser, user=world.adviser)
    with connection.cursor() as cursor:  # as kept on the last day of last year
        cursor.execute("SELECT advisory_refresh_location_states(%s, %s)", [[location.pk], date(YEAR - 1, 12, 31)])
    assert kept(location).visits_year == YEAR - 1 and not kept(location).business_visit
    agree(world.adviser, [TODAY])  # right before the refresh: read from the visits
    assert services.refresh_dashboard_states(TODAY) >= 1
    assert kept(location).visits_year == YEAR and kept(location).business_visit
    assert services.refresh_dashboard_states(TODAY) == 0
    agree(world.adviser, [TODAY])


def test_two_writers_at_once_for_one_location_both_count():
    """The second writer's trigger waits for the first one's commit and then counts its action too (without the
    lock taken first, it would write a row without the first action). Both write on connections of their own,
    committed, outside the test's transaction."""
    def location_with_a_row():
        location = bare_location("st-race")
        FollowUpAction.objects.create(location=location, description="al", owner="adviser",
                                      due_date=TODAY + timedelta(days=9))
        return location

    location = in_a_thread(location_with_a_row)
    first_wrote, errors = threading.Event(), []

    def first():
        try:
            with transaction.atomic():
                FollowUpAction.objects.create(location=location, description="een", owner="adviser", due_date=TODAY)
                first_wrote.set()
                time.sleep(0.5)
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
            first_wrote.set()

    def second():
        first_wrote.wait(5)
        with transaction.atomic():
            FollowUpAction.objects.create(location=location, description="twee", owner="adviser",
                                          due_date=TODAY - timedelta(days=1))

    try:
        writer = threading.Thread(target=lambda: in_a_thread(first))
        writer.start()
        in_a_thread(second)
        writer.join()
        assert not errors
        row = in_a_thread(lambda: kept(location))
        assert (row.open_actions, row.open_due_dates) == (
            3, [TODAY - timedelta(days=1), TODAY, TODAY + timedelta(days=9)])
    finally:
        in_a_thread(lambda: Location.objects.filter(pk=location.pk).delete())
