"""A complaint judged on the day it came in took 0 days: the report says 0, not "—" (which means that nothing
was judged). Source: seed 001, the complaint regulation's annual report (average handling time)."""
import re
from datetime import date

from complaint_reports.models import ComplaintFact
from tests.complaint_reports.conftest import many_locations


def test_a_complaint_judged_the_day_it_came_in_averages_zero_days(world, client_for):
    location = many_locations(1, complaints_each=0, prefix="sameday")[0]
    ComplaintFact.objects.create(location=location, complaint_id=1, year=2025, subject="conduct", status="judged",
                                 outcome="resolved", received_on=date(2025, 3, 3), deadline=date(2025, 4, 14),
                                 judged_on=date(2025, 3, 3))
    html = client_for(world.coop_admin).get("/complaint-reports/?year=2025").content.decode()
    average = re.search(r"Average handling time \(days\)</dt><dd>([^<]*)</dd>", html).group(1)
    assert average == "0.0"
    assert "<td>0.0</td>" in html  # the same in the rows per kind and per region
