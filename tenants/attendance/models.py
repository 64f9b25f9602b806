"""The attendance register (aanwezigheidsregister) of a location: arrival and departure of each child,
absences reported by parents (with the moment of the report), disputes about registered times, and
requests for an extra day of care."""
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class AttendanceRecord(models.Model):
    """One stay of a child: checked in at `check_in`, checked out at `check_out` (empty while present).

    `date` is the day in the location's time zone. A child may have several stays on one day (a BSO child
    in the morning and after school), but only one open stay at a time.
    """

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="attendance_records",
                              verbose_name=_("child"))
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    date = models.DateField(_("date"))
    check_in = models.DateTimeField(_("arrived at"))
    check_out = models.DateTimeField(_("left at"), null=True, blank=True)
    checked_in_by = person(models.SET_NULL, null=True,
                           related_name="+")
    checked_out_by = person(models.SET_NULL, null=True,
                            blank=True, related_name="+")
    #: The parent phoned ahead that they would be late: in Flanders no fine for a pick-up after closing time.
    late_pickup_announced = models.BooleanField(_("late pick-up announced by phone"), default=False)
    #: When the times were last registered or changed; the 24-hour dispute window runs from here.
    registered_at = models.DateTimeField(_("registered at"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "check_in"]
        verbose_name = _("attendance record")
        verbose_name_plural = _("attendance records")
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=models.Q(check_out__isnull=True),
                                    name="attendance_one_open_stay_per_child"),
            models.CheckConstraint(condition=models.Q(check_out__isnull=True) | models.Q(
                check_out__gt=models.F("check_in")), name="attendance_out_after_in"),
        ]
        indexes = [models.Index(fields=["date", "child"], name="attendance_date_child")]

    def __str__(self):
        return f"{self.child_id} {self.date} {self.check_in:%H:%M}–{self.check_out or ''}"

    @property
    def is_open(self) -> bool:
        return self.check_out is None


class Absence(models.Model):
    """A parent's report that a child will not come, with the moment of the report (for the Flemish fine)."""

    class Kind(models.TextChoices):
        SICK = "sick", _("sick")
        HOLIDAY = "holiday", _("holiday")
        OTHER = "other", _("other")
        HOSPITAL = "hospital", _("hospitalisation")
        QUARANTINE = "quarantine", _("quarantine")

    #: Kinds that take no justified absence day in Flanders when a doctor's certificate is handed in in time.
    CERTIFIED_KINDS = (Kind.HOSPITAL, Kind.QUARANTINE)

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="absences",
                              verbose_name=_("child"))
    kind = models.CharField(_("kind of absence"), max_length=10, choices=Kind.choices)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    reason = models.TextField(_("reason"))
    reported_at = models.DateTimeField(_("reported at"))
    reported_by = person(models.SET_NULL, null=True,
                         related_name="+", verbose_name=_("reported by"))
    reported_late = models.BooleanField(_("reported after 08:00 on the first day"), default=False)
    fine = models.DecimalField(_("fine (EUR)"), max_digits=7, decimal_places=2, default=Decimal("0.00"))
    #: The day the location received the doctor's certificate (hospitalisation, quarantine); empty: none yet.
    certificate_received_on = models.DateField(_("doctor's certificate received on"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date", "-reported_at"]
        verbose_name = _("absence")
        verbose_name_plural = _("absences")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=models.F("start_date")),
                                   name="attendance_absence_order"),
        ]

    def __str__(self):
        return f"{self.child_id} {self.kind} {self.start_date}–{self.end_date}"


class TimeDispute(models.Model):
    """A parent disagrees with the registered times of a stay; the entrepreneur accepts or rejects."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    record = models.ForeignKey(AttendanceRecord, on_delete=models.CASCADE, related_name="disputes",
                               verbose_name=_("registered stay"))
    original_check_in = models.DateTimeField(_("registered arrival"))
    original_check_out = models.DateTimeField(_("registered departure"), null=True, blank=True)
    proposed_check_in = models.DateTimeField(_("arrival according to the parent"))
    proposed_check_out = models.DateTimeField(_("departure according to the parent"), null=True, blank=True)
    reason = models.TextField(_("reason"))
    raised_by = person(models.SET_NULL, null=True,
                       related_name="+", verbose_name=_("raised by"))
    raised_at = models.DateTimeField(_("raised at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_by = person(models.SET_NULL, null=True, blank=True,
                         related_name="+", verbose_name=_("resolved by"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution_note = models.TextField(_("note on the decision"), blank=True)

    class Meta:
        ordering = ["-raised_at"]
        verbose_name = _("dispute about registered times")
        verbose_name_plural = _("disputes about registered times")
        constraints = [
            models.UniqueConstraint(fields=["record"], condition=models.Q(status="open"),
                                    name="attendance_one_open_dispute_per_stay"),
        ]

    def __str__(self):
        return f"dispute {self.pk} ({self.status})"


class DayRequest(models.Model):
    """What an extra-day request and a swap share: a day of care asked for with its times, decided at once
    (accepted, or refused with the reasons as translatable templates with parameters)."""

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled")

    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, related_name="+",
                              verbose_name=_("group"))
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("until"))
    note = models.TextField(_("note"), blank=True)
    requested_by = person(models.SET_NULL, null=True, related_name="+", verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested at"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    #: [{"code", "template", "params", "slot"}]: why the request was refused (empty when accepted).
    reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        abstract = True
        ordering = ["-date", "-requested_at"]


class ExtraDayRequest(DayRequest):
    """A parent asks for care on a day outside the contract. Accepted when the group's capacity,
    staff-child ratio and play space still hold for every half hour asked."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="extra_day_requests",
                              verbose_name=_("child"))
    date = models.DateField(_("date"))

    class Meta(DayRequest.Meta):
        verbose_name = _("extra-day request")
        verbose_name_plural = _("extra-day requests")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_time__gt=models.F("start_time")),
                                   name="attendance_extra_day_order"),
            models.UniqueConstraint(fields=["child", "date"], condition=models.Q(status="accepted"),
                                    name="attendance_one_accepted_extra_day"),
        ]

    def __str__(self):
        return f"{self.child_id} {self.date} ({self.status})"


class SwapRequest(DayRequest):
    """A parent swaps one contract day of a child (`give_up_date`) for another day (`date`, with times).
    Accepted like an extra day, and when the location's swap limits hold."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="swap_requests",
                              verbose_name=_("child"))
    give_up_date = models.DateField(_("contract day given up"))
    date = models.DateField(_("new day"))
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta(DayRequest.Meta):
        verbose_name = _("swap request")
        verbose_name_plural = _("swap requests")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_time__gt=models.F("start_time")),
                                   name="attendance_swap_order"),
            models.CheckConstraint(condition=~models.Q(date=models.F("give_up_date")),
                                   name="attendance_swap_other_day"),
            models.UniqueConstraint(fields=["child", "give_up_date"], condition=models.Q(status="accepted"),
                                    name="attendance_one_accepted_swap_from_day"),
            models.UniqueConstraint(fields=["child", "date"], condition=models.Q(status="accepted"),
                                    name="attendance_one_accepted_swap_to_day"),
        ]

    def __str__(self):
        return f"{self.child_id} {self.give_up_date}->{self.date} ({self.status})"


class AttendanceSettings(models.Model):
    """Per location: the limits on swapping contract days (none by default)."""

    swap_same_month = models.BooleanField(_("swap only within the same month"), default=False,
                                          help_text=_("The new day lies in the month of the day given up."))
    swaps_per_month = models.PositiveSmallIntegerField(
        _("swaps per child per month"), null=True, blank=True,
        help_text=_("Counted in the month of the day given up. Empty: no limit; 0: no swaps."))

    class Meta:
        verbose_name = _("attendance settings")

    def __str__(self):
        return "attendance settings"

    @classmethod
    def load(cls) -> "AttendanceSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class RegisterChange(models.Model):
    """One correction of the register after the fact (tenants.attendance.corrections): an absence reported
    afterwards or withdrawn, the times of a stay corrected, an accepted extra day withdrawn — who, when, why,
    and the facts before and after (`before` / `after`, plain values; `summary` says them in the reader's
    language). Shown to the entrepreneur and to the parents of the child; billing adds what it did to invoices
    already sent (billing.invoices.models.InvoiceCorrection).

    A small model of its own rather than django-auditlog (which the project does not use): every correction
    goes through a service that knows the actor and the reason, and the history is of domain facts."""

    class Action(models.TextChoices):
        ABSENCE_ADDED = "absence_added", _("absence reported afterwards")
        ABSENCE_WITHDRAWN = "absence_withdrawn", _("absence report withdrawn")
        TIMES_CORRECTED = "times_corrected", _("times corrected")
        EXTRA_DAY_WITHDRAWN = "extra_day_withdrawn", _("extra day withdrawn")

    child = models.ForeignKey("children.Child", on_delete=models.SET_NULL, null=True, related_name="register_changes",
                              verbose_name=_("child"))
    child_name = models.CharField(_("child"), max_length=201)
    day = models.DateField(_("date"))
    last_day = models.DateField(_("last day"))
    action = models.CharField(_("what changed"), max_length=30, choices=Action.choices)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)
    reason = models.TextField(_("reason"))
    actor = person(models.SET_NULL, null=True, related_name="+", verbose_name=_("changed by"))
    actor_name = models.CharField(_("changed by"), max_length=200, blank=True)
    at = models.DateTimeField(_("changed at"))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("correction of the register")
        verbose_name_plural = _("corrections of the register")
        indexes = [models.Index(fields=["child", "day"], name="attendance_change_child_day")]

    def __str__(self):
        return f"{self.child_name} {self.day} {self.action}"
