"""The staff at work during the parent overview benchmark (tests/perf/test_bench_parent_overview.py): every
`every` seconds at each of the bench's locations one child's handover of today is written again and committed,
until `seconds` have passed. Each write gives the location's schema a new version (changes.versions), so the
next opening of every parent there makes her start page again (frontend.kept_pages). Run in a process of its own
with the bench server's settings (its database and shared cache), as a staff member's tablet would write.

    python -m tests.perf.overview_writer <every> <seconds> <slug> [<slug> ...]   prints the number of writes
"""
import random
import sys
import time


def main(every: float, seconds: float, slugs: list[str]) -> int:
    from django.utils import timezone
    from django_tenants.utils import schema_context

    from cooperative.models import Location
    from tenants.children.models import Child
    from tenants.handover.services import write_handover

    locations = list(Location.objects.filter(slug__in=slugs))
    rng, writes = random.Random(7), 0
    start = time.monotonic()
    # the locations' writes spread over each interval, not all at once
    due = [start + every * (k + 1) / len(locations) for k in range(len(locations))]
    while True:
        k = min(range(len(locations)), key=due.__getitem__)
        if due[k] > start + seconds:
            return writes
        time.sleep(max(0.0, due[k] - time.monotonic()))
        with schema_context(locations[k].schema_name):
            child = rng.choice(list(Child.objects.values_list("pk", flat=True)))
            write_handover(Child.objects.get(pk=child), day=timezone.localdate(), by=None,
                           message=f"Bericht {writes}")
        writes += 1
        due[k] += every


if __name__ == "__main__":
    import django

    django.setup()
    print(main(float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]), flush=True)
