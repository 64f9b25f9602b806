"""The cooperative complaint report as a PDF (reportlab), with bar charts drawn from the same figures."""
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cooperative.models import Location
from frontend.numbers import long_date
from tenants.complaints.models import Complaint, Subject
from tenants.complaints.pdf import Writer


def _percent(value) -> str:
    return "—" if value is None else f"{value:.1f} %"


def _bucket_line(label: str, bucket) -> str:
    return _("%(label)s: %(n)s complaints, %(share)s judged within the deadline, %(escalated)s escalated") % {
        "label": label, "n": bucket.complaints, "share": _percent(bucket.share_on_time),
        "escalated": bucket.escalated}


def cooperative_report(report) -> bytes:
    writer = Writer(_("Complaints %(year)s — cooperative report") % {"year": report.year})
    writer.text(_("Complaints %(year)s — cooperative report") % {"year": report.year}, size=16, bold=True)
    writer.text(_("%(n)s locations; figures from the locations' complaint registers, without personal data.")
                % {"n": report.locations}, size=9)
    writer.gap()
    t = report.totals
    writer.text(_("Complaints: %(n)s") % {"n": t.complaints}, bold=True)
    writer.text(_("Judged: %(judged)s; within the deadline: %(on_time)s of %(due)s due (%(share)s)") % {
        "judged": t.judged, "on_time": t.on_time, "due": t.due, "share": _percent(t.share_on_time)})
    if t.average_handling_days is not None:
        writer.text(_("Average handling time: %(days)s days") % {"days": t.average_handling_days})
    writer.text(_("Escalated to an external body: %(n)s") % {"n": t.escalated})
    writer.text(_("Measures taken: %(n)s") % {"n": t.measures})
    writer.gap()
    writer.text(_("By subject"), size=12, bold=True)
    top = max([b.complaints for b in report.by_subject.values()] + [1])
    for subject, bucket in sorted(report.by_subject.items()):
        label = str(Subject(subject).label) if subject in Subject.values else subject
        writer.bar(label, bucket.complaints, top)
    writer.gap()
    writer.text(_("By outcome"), size=12, bold=True)
    top = max(list(report.by_outcome.values()) + [1])
    for outcome, count in sorted(report.by_outcome.items()):
        label = str(Complaint.Outcome(outcome).label) if outcome in Complaint.Outcome.values else outcome
        writer.bar(label, count, top)
    writer.gap()
    writer.text(_("By kind of location"), size=12, bold=True)
    for kind, bucket in sorted(report.by_kind.items()):
        label = str(Location.Kind(kind).label) if kind in Location.Kind.values else kind
        writer.text(_bucket_line(label, bucket))
    writer.gap()
    writer.text(_("By region"), size=12, bold=True)
    for region, bucket in sorted(report.by_region.items()):
        writer.text(_bucket_line(region or _("(no region)"), bucket))
    writer.gap()
    writer.text(_("Annual reports (due %(date)s)") % {"date": long_date(report.report_due)}, size=12, bold=True)
    writer.text(_("Sent in time: %(sent)s; late: %(late)s; missing: %(missing)s; not yet due: %(pending)s") % {
        key: report.report_counts.get(key, 0) for key in ("sent", "late", "missing", "pending")})
    for state, title in (("missing", _("Missing")), ("late", _("Late"))):
        if report.reports[state]:
            writer.text(title, bold=True)
            for row in report.reports[state]:
                sent = f" ({long_date(row['sent_to_ggd_on'])})" if row["sent_to_ggd_on"] else ""
                writer.text(f"- {row['name']}{sent}")
            if report.more(state):
                writer.text(ngettext("And %(n)s more location.", "And %(n)s more locations.", report.more(state))
                            % {"n": report.more(state)})
    return writer.finish()
