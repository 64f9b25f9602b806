"""A location's calendar: opening hours, closing weeks, the public holidays it closes, and closures of a
childminder for sickness or absence. Parents' calendar apps read it through a feed with a secret token."""
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """Opening hours on one weekday; a weekday without a row is a day the location is closed."""

    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices, unique=True)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    class Meta:
        ordering = ["weekday"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="calendar_hours_order"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class ClosingPeriod(models.Model):
    """Days from `start_date` to `end_date` on which the location is closed (vakantiesluiting): whole weeks or a
    few days, also across the new year (23 December – 3 January)."""

    start_date = models.DateField(_("first closed day"))
    end_date = models.DateField(_("last closed day"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("closing period")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="calendar_closing_period_order"),
        ]

    def __str__(self):
        return f"{self.start_date}–{self.end_date}"


class HolidayChoice(models.Model):
    """Whether the location closes on a public holiday (by its name in the `holidays` package).

    A holiday without a row is closed: that is what most locations do.
    """

    name = models.CharField(_("holiday"), max_length=100, unique=True)
    closed = models.BooleanField(_("closed"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("public holiday choice")

    def __str__(self):
        return f"{self.name}: {'closed' if self.closed else 'open'}"


class Closure(models.Model):
    """A childminder closes because she is sick or absent: no substitute is allowed, so the location
    is closed on those days and they are not charged (and give no right to childcare allowance)."""

    class Reason(models.TextChoices):
        SICKNESS = "sickness", _("sickness of the childminder")
        ABSENCE = "absence", _("absence of the childminder")

    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices, default=Reason.SICKNESS)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("closure")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="calendar_closure_order"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} {self.start_date}–{self.end_date}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """A secret in the URL of a person's calendar feed (calendar apps cannot log in). Revocable."""

    user = person(models.CASCADE, related_name="+")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("calendar feed token")

    def __str__(self):
        return f"feed token {self.pk} ({'revoked' if self.revoked_at else 'active'})"
