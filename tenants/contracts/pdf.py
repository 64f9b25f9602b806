"""The contract as a PDF (reportlab): the document the parent reads and signs, and the signed copy."""
from datetime import datetime

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from jurisdictions import policy

from config.languages import language_at
from frontend.numbers import long_date
from frontend.pdf import PageWriter
from tenants.calendar.models import Weekday
from tenants.contracts import rules, terms


def _body(writer: PageWriter, version, location) -> None:
    contract = version.contract
    writer.line(_("Childcare contract (opvangovereenkomst)"), size=16, bold=True, gap=8)
    writer.line(f"{location.name} — {location.street} {location.postal_code} {location.city}".strip(" —"))
    lrk = (location.lrk_numbers or {}).get(contract.care_type)
    if lrk:
        writer.line(_("LRK number: %(number)s") % {"number": lrk})
    writer.line(_("Contract %(id)s, version %(number)s") % {"id": contract.pk, "number": version.number}, bold=True)
    writer.line(_("Child: %(name)s, born %(date)s") % {"name": contract.child.full_name,
                                                         "date": long_date(contract.child.birth_date)})
    writer.line(_("Care type: %(type)s") % {"type": contract.get_care_type_display()})
    if version.group:
        writer.line(_("Group: %(group)s") % {"group": version.group.name})
    writer.line(_("Period: %(start)s to %(end)s") % {
        "start": long_date(version.start_date),
        "end": long_date(version.end_date) if version.end_date else _("indefinite")})
    writer.line(_("This version takes effect on %(date)s.") % {"date": long_date(version.effective_from)})
    writer.line(_("Schedule: %(type)s") % {"type": version.get_schedule_type_display()}, bold=True)
    weeks = version.weeks
    for index, week in enumerate(weeks):
        if len(weeks) > 1:
            writer.line(_("Week %(letter)s") % {"letter": "AB"[index]}, bold=True)
        for day in week:
            writer.line(f"  {Weekday(day.weekday).label}: {day.start:%H:%M}–{day.end:%H:%M}")
    if version.schedule_type == rules.FLEXIBLE:
        writer.line(_("Estimated hours per three months: %(hours)s") % {"hours": version.estimated_hours_per_quarter})
    writer.line(_("What the contract costs and binds to"), bold=True)
    for label, value in terms.lines(terms.terms_of(version, location)):
        writer.line(f"{label}: {value}")
    if version.note:
        writer.line(_("Note: %(note)s") % {"note": version.note})


def _language(location) -> str:
    """The language being read, in the location's own variant of it (a Flemish contract in Flemish words)."""
    return language_at(policy(location.jurisdiction).language, translation.get_language() or settings.LANGUAGE_CODE)


def contract_document(version, location) -> bytes:
    with translation.override(_language(location)):
        writer = PageWriter(_("Childcare contract"))
        _body(writer, version, location)
        return writer.finish()


def signed_document(version, location, signed_at: datetime) -> bytes:
    """The contract with the signature: name, time, IP address and the hash of the document signed."""
    with translation.override(_language(location)):
        writer = PageWriter(_("Signed childcare contract"))
        _body(writer, version, location)
        writer.line("")
        writer.line(_("Signed digitally"), size=12, bold=True, gap=7)
        writer.line(_("Name typed by the parent: %(name)s") % {"name": version.signed_name})
        writer.line(_("Signed at: %(time)s") % {"time": date_format(localtime(signed_at), "j F Y, H:i:s")})
        writer.line(_("IP address: %(ip)s") % {"ip": version.signed_ip or "-"})
        writer.line(_("SHA-256 of the contract document signed:"))
        writer.line(f"  {version.document_sha256}", size=9)
        return writer.finish()
