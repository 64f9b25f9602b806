"""The sentences of a parent's overview (home/_family.html), made in Python: the same messages the template had,
for a fraction of the template's cost per sentence (each `blocktranslate` and `date` filter is a few nodes, and
the page had some twenty of them per location). Values are escaped as the template escaped them; the translated
sentence itself is trusted, as `blocktranslate` trusts it."""
from functools import lru_cache

from django.utils import formats, translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, gettext_noop

#: What each kind of task asks, with the task's label as `name` (`title` for a survey).
TASK_TEXTS = {
    "contract": gettext_noop("Sign the contract of %(name)s"),
    "mandate": gettext_noop("Give the direct-debit mandate for %(name)s"),
    "invoice": gettext_noop("Pay the invoice for %(name)s"),
    "hours": gettext_noop("Approve the hours of %(name)s"),
    "change_request": gettext_noop("Contract change for %(name)s: waiting for the location's answer"),
}
SURVEY_TEXT = gettext_noop("Answer the survey “%(title)s”")


def clock(moment) -> str:
    """A time as the template's `time:"G:i"` shows it: hours without a leading zero, minutes with one."""
    return f"{moment.hour}:{moment.minute:02d}" if moment is not None else ""


def task_text(kind: str, label: str) -> SafeString:
    if kind in TASK_TEXTS:
        return mark_safe(gettext(TASK_TEXTS[kind]) % {"name": conditional_escape(label)})
    return mark_safe(gettext(SURVEY_TEXT) % {"title": conditional_escape(label)})


def due_text(due) -> SafeString:
    return _due_text(due, translation.get_language())


@lru_cache(maxsize=512)
def _due_text(due, language: str) -> SafeString:
    return mark_safe(gettext("by %(date)s") % {"date": conditional_escape(formats.date_format(due))})


def child_now(child) -> SafeString:
    """Whether the child is there now (a ChildToday): checked in at, or there earlier today, or nothing."""
    if child.here:
        return mark_safe('<span class="status status-active">'
                         + gettext("checked in at %(time)s") % {"time": clock(child.arrived)} + "</span>")
    if child.left:
        return mark_safe(gettext("was there today %(start)s–%(end)s")
                         % {"start": clock(child.arrived), "end": clock(child.left)})
    return mark_safe("")


def child_plan(child) -> SafeString:
    """Today's plan of the child (a ChildToday)."""
    times = {"start": clock(child.start), "end": clock(child.end)}
    if child.here or child.left:
        if child.plan in ("care", "extra"):
            return mark_safe('<span class="muted">' + gettext("(planned %(start)s–%(end)s)") % times + "</span>")
        return mark_safe("")
    if child.plan == "care":
        return mark_safe(gettext("today %(start)s–%(end)s") % times)
    if child.plan == "extra":
        return mark_safe(gettext("today an extra day %(start)s–%(end)s") % times)
    if child.plan == "absent":
        return mark_safe(gettext("today absent (%(kind)s)") % {"kind": conditional_escape(child.absence)})
    if child.plan == "closed":
        return conditional_escape(gettext("closed today"))
    return conditional_escape(gettext("no care today"))


def closing_days_text(days) -> SafeString:
    """The next closing day (with its reasons) and the ones after it, from the location's closed days (ClosedDay,
    frozen): the same for every parent of the location, so kept per language and days."""
    return _closing_days_text(tuple(days), translation.get_language())


@lru_cache(maxsize=512)
def _closing_days_text(days: tuple, language: str) -> SafeString:
    first = days[0]
    text = gettext("Next closing day: %(date)s") % {"date": conditional_escape(formats.date_format(first.date))}
    if first.labels:
        text += " (" + ", ".join(conditional_escape(label) for label in first.labels) + ")"
    if len(days) > 1:
        text += ("; " + conditional_escape(gettext("then")) + " "
                 + ", ".join(conditional_escape(formats.date_format(day.date, "j F")) for day in days[1:]))
    return mark_safe(text)
