"""Run a job that loops over the locations again, for the locations where it failed (and no later run has
fixed it) only. Runs here and now, not through the queue; the home page's button queues the same."""
from django.core.management.base import BaseCommand, CommandError

from cooperative import jobs


class Command(BaseCommand):
    help = "Rerun a job for the locations where it failed: " + ", ".join(jobs.JOBS) + "."

    def add_arguments(self, parser):
        parser.add_argument("job", choices=sorted(jobs.JOBS))

    def handle(self, *args, **options):
        job = jobs.JOBS[options["job"]]
        waiting = sorted(jobs.open_failures(job.name).values_list("location__slug", flat=True).distinct())
        if not waiting:
            self.stdout.write(f"No failed locations to rerun for {job.name}.")
            return
        self.stdout.write(f"Rerunning {job.name} for: {', '.join(waiting)}")
        result = jobs.rerun(job.name)
        for slug in sorted(result.done):
            self.stdout.write(f"done: {slug}")
        if result.failed:
            raise CommandError("Still failing: " + "; ".join(f"{slug} ({error})"
                                                             for slug, error in sorted(result.failed.items())))
