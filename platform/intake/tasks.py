"""Background work of the waiting lists: each day, offers not answered by their date lapse and go to the next on
the list, in every location on its own (cooperative.jobs); and the retention of ended requests."""
from celery import shared_task

from intake import services


def lapse_everywhere(only_failed: bool = False):
    """For the beat job: every active location on its own; one location's failure is reported and the next
    goes on."""
    from cooperative import jobs

    return jobs.for_each_location(job="intake-offers", only_failed=only_failed,
                                  work=lambda location: services.lapse_offers(location))


@shared_task(name="intake.tasks.lapse_offers")
def lapse_offers(only_failed: bool = False) -> dict:
    return lapse_everywhere(only_failed=only_failed).as_dict()


@shared_task(name="intake.tasks.purge_ended_requests")
def purge_ended_requests() -> int:
    """Retention: requests (and their proofs) a set time after they ended; the figures keep only counts."""
    return services.purge_ended()
