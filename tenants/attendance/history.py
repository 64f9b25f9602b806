"""Reads of the register's history of corrections (tenants.attendance.corrections writes it): who may see
which corrections, and what a correction changed said in the reader's language."""
from __future__ import annotations

from datetime import date, datetime

from django.utils.translation import gettext as _

from tenants.attendance.models import Absence, RegisterChange


def _day(value: str) -> str:
    from django.utils.formats import date_format

    return date_format(date.fromisoformat(value), "j F Y")


def _days(start: str, end: str) -> str:
    return _day(start) if start == end else _("%(start)s to %(end)s") % {"start": _day(start), "end": _day(end)}


def _kind(code: str) -> str:
    return str(Absence.Kind(code).label) if code in Absence.Kind.values else code


def _span(facts: dict, start: str, end: str) -> str:
    if not facts.get(start):
        return "—"
    return f"{facts[start]}–{facts.get(end) or '…'}"


def summary(change: RegisterChange) -> str:
    """What changed, in the active language (the history, the invoice correction's explanation)."""
    before, after = change.before or {}, change.after or {}
    if change.action == RegisterChange.Action.ABSENCE_ADDED:
        params = {"kind": _kind(after.get("kind", "")), "days": _days(after["start"], after["end"])}
        if after.get("told"):
            moment = datetime.fromisoformat(after["reported_at"])
            return _("absence reported afterwards (%(kind)s, %(days)s); the parent told the location on %(day)s "
                     "at %(time)s") % {**params, "day": _day(moment.date().isoformat()), "time": f"{moment:%H:%M}"}
        return _("absence reported afterwards (%(kind)s, %(days)s); the location was not told beforehand") % params
    if change.action == RegisterChange.Action.ABSENCE_WITHDRAWN:
        return _("absence report withdrawn (%(kind)s, %(days)s)") % {
            "kind": _kind(before.get("kind", "")), "days": _days(before["start"], before["end"])}
    if change.action == RegisterChange.Action.TIMES_CORRECTED:
        return _("times corrected from %(before)s to %(after)s") % {
            "before": _span(before, "check_in", "check_out"), "after": _span(after, "check_in", "check_out")}
    if change.action == RegisterChange.Action.EXTRA_DAY_WITHDRAWN:
        return _("extra day withdrawn (%(day)s, %(times)s)") % {
            "day": _day(before["date"]), "times": _span(before, "start", "end")}
    return change.get_action_display()


def changes_for(user, roles: set[str]):
    """The history: the entrepreneur sees every correction, a parent those of their own children."""
    from accounts.roles import ENTREPRENEUR, PARENT

    qs = RegisterChange.objects.prefetch_related("invoice_corrections__credit_note",
                                                 "invoice_corrections__correction_invoice",
                                                 "invoice_corrections__invoice")
    if ENTREPRENEUR in roles:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()
