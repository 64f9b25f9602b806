"""Tariffs of one location (in its schema): rates per care type and calendar year, the tariff model and
paying parent per contract, Flemish income certificates and fees, extras, and registered hours."""
from dataclasses import replace
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from jurisdictions import Fees, be_vlg

from accounts.fields import person
from billing.tariffs import rules


class TariffModel(models.TextChoices):
    NL_MONTHLY_AVERAGE = rules.NL_MONTHLY_AVERAGE, _("monthly average (NL)")
    NL_FLEXIBLE = rules.NL_FLEXIBLE, _("flexible, estimate per three months (NL)")
    NL_REGISTERED = rules.NL_REGISTERED, _("registered hours (NL childminder)")
    BE_DAY_PRICE = rules.BE_DAY_PRICE, _("income-related day price (Flanders)")


class TariffYear(models.Model):
    """The rates of one calendar year; every care type of the location's contracts needs a rate."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("tariff year")

    def __str__(self):
        return str(self.year)


class Rate(models.Model):
    tariff_year = models.ForeignKey(TariffYear, on_delete=models.CASCADE, related_name="rates")
    care_type = models.CharField(_("care type"), max_length=20)
    hourly_rate = models.DecimalField(_("hourly rate"), max_digits=9, decimal_places=4)
    flexible_hourly_rate = models.DecimalField(_("hourly rate for flexible contracts"), max_digits=9,
                                               decimal_places=4, null=True, blank=True)

    class Meta:
        ordering = ["tariff_year", "care_type"]
        verbose_name = _("rate")
        constraints = [
            models.UniqueConstraint(fields=["tariff_year", "care_type"], name="tariffs_rate_once"),
            models.CheckConstraint(condition=models.Q(hourly_rate__gte=0), name="tariffs_rate_not_negative"),
        ]

    def __str__(self):
        return f"{self.tariff_year.year} {self.care_type}: {self.hourly_rate}"


FLEMISH = be_vlg.POLICY.fees


class TariffSettings(models.Model):
    """Per location (one row): payment term and the fees the house rules let a location set (indexed every
    1 January). The amounts start from the jurisdiction policy's (jurisdictions, seed 003 4.2.4); an empty
    amount means the jurisdiction's own (`fees`)."""

    nl_payment_days = models.PositiveSmallIntegerField(_("payment term in days (NL)"), default=14)
    justified_absence_days = models.PositiveSmallIntegerField(
        _("justified absence days a year for full-time care"), default=30)
    diaper_full_day = models.DecimalField(_("diapers, full day"), max_digits=6, decimal_places=2,
                                          default=FLEMISH.diaper_full_day)
    diaper_half_day = models.DecimalField(_("diapers, half day"), max_digits=6, decimal_places=2,
                                          default=FLEMISH.diaper_half_day)
    admin_fee = models.DecimalField(_("monthly administration fee"), max_digits=6, decimal_places=2,
                                    default=FLEMISH.admin_fee)
    late_pickup_fine = models.DecimalField(_("fine per started quarter after closing time"), max_digits=6,
                                           decimal_places=2, default=FLEMISH.late_pickup_per_quarter)
    diaper_own_full_day = models.DecimalField(_("parents' own diapers, full day"), max_digits=6, decimal_places=2,
                                              null=True, blank=True)
    diaper_own_half_day = models.DecimalField(_("parents' own diapers, half day"), max_digits=6, decimal_places=2,
                                              null=True, blank=True)
    late_absence_fine = models.DecimalField(_("fine for an absence reported late"), max_digits=6,
                                            decimal_places=2, null=True, blank=True)
    unreported_absence_fine = models.DecimalField(_("fine for an absence not reported"), max_digits=6,
                                                  decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("tariff settings")

    def __str__(self):
        return "tariff settings"

    @classmethod
    def load(cls) -> "TariffSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def fees(self, defaults: Fees) -> Fees:
        """The fees in force: the jurisdiction's `defaults` where the location has set no amount of its own."""
        own = {"diaper_full_day": self.diaper_full_day, "diaper_half_day": self.diaper_half_day,
               "admin_fee": self.admin_fee, "late_pickup_per_quarter": self.late_pickup_fine,
               "diaper_own_full_day": self.diaper_own_full_day, "diaper_own_half_day": self.diaper_own_half_day,
               "late_absence_report": self.late_absence_fine, "unreported_absence": self.unreported_absence_fine}
        return replace(defaults, **{name: value for name, value in own.items() if value is not None})


class ContractTariff(models.Model):
    """How a contract is billed: the tariff model, who pays and how. Without one, the defaults apply
    (NL: monthly average, or flexible for a flexible plan; BE-VLG: day price; the first guardian pays)."""

    contract = models.OneToOneField("contracts.Contract", on_delete=models.CASCADE, related_name="tariff")
    model = models.CharField(_("tariff model"), max_length=30, choices=TariffModel.choices)
    paying_parent = person(models.PROTECT, related_name="+", verbose_name=_("paying parent"))
    payment_method = models.CharField(_("payment method"), max_length=20, default="direct_debit")
    location_diapers = models.BooleanField(_("uses the location's diapers"), default=True)

    class Meta:
        verbose_name = _("contract tariff")

    def __str__(self):
        return f"{self.model} for contract {self.contract_id}"


class IncomeCertificate(models.Model):
    """BE-VLG: the family's income tariff (attest inkomenstarief), an amount per day valid for a period."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="income_certificates")
    day_price = models.DecimalField(_("income tariff per day"), max_digits=7, decimal_places=2)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    kind_code = models.CharField(_("child code (kindcode)"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["child", "-valid_from"]
        verbose_name = _("income certificate")
        constraints = [
            models.CheckConstraint(condition=models.Q(day_price__gte=0), name="tariffs_certificate_not_negative"),
            models.CheckConstraint(condition=models.Q(valid_until__gte=models.F("valid_from")),
                                   name="tariffs_certificate_period"),
        ]

    def __str__(self):
        return f"{self.day_price} per day from {self.valid_from}"


class SettlingInSession(models.Model):
    """BE-VLG: a settling-in session (wenmoment), billed as a half day."""

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(_("date"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["child", "date"], name="tariffs_settling_in_once")]

    def __str__(self):
        return f"settling in {self.child_id} {self.date}"


class Extra(models.Model):
    """An agreed extra on a contract: meals, travel costs, a one-off cost."""

    class Kind(models.TextChoices):
        MEAL = "meal", _("meals")
        TRAVEL = "travel", _("travel costs")
        ONE_OFF = "one_off", _("one-off cost")

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("every month")
        ONCE = "once", _("once")

    contract = models.ForeignKey("contracts.Contract", on_delete=models.CASCADE, related_name="extras")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    description = models.CharField(_("description"), max_length=200)
    quantity = models.DecimalField(_("quantity"), max_digits=8, decimal_places=2, default=Decimal("1"))
    unit_price = models.DecimalField(_("price"), max_digits=8, decimal_places=2)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.ONCE)
    on_date = models.DateField(_("date (once) or from (monthly)"))
    until = models.DateField(_("until (monthly)"), null=True, blank=True)

    class Meta:
        ordering = ["contract", "on_date"]
        verbose_name = _("extra")
        constraints = [
            models.CheckConstraint(condition=models.Q(unit_price__gte=0), name="tariffs_extra_not_negative"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="tariffs_extra_quantity"),
        ]

    def __str__(self):
        return self.description


class RegisteredHours(models.Model):
    """NL childminder: hours of care on a day, registered by the childminder and approved by the parent
    (automatically after 7 days, with a notice). A day the parent marks as wrong waits for the childminder's
    correction instead: a new registration of the day clears the remark and starts the 7 days again."""

    contract = models.ForeignKey("contracts.Contract", on_delete=models.CASCADE, related_name="registered_hours")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    registered_by = person(models.SET_NULL, null=True, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    auto_approved = models.BooleanField(_("approved automatically"), default=False)
    disputed_at = models.DateTimeField(_("marked as wrong at"), null=True, blank=True)
    disputed_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    dispute_note = models.CharField(_("what is wrong, according to the parent"), max_length=500, blank=True)

    class Meta:
        ordering = ["contract", "date"]
        verbose_name = _("registered hours")
        verbose_name_plural = _("registered hours")
        constraints = [
            models.UniqueConstraint(fields=["contract", "date"], name="tariffs_hours_once_a_day"),
            models.CheckConstraint(condition=models.Q(hours__gt=0) & models.Q(hours__lte=24),
                                   name="tariffs_hours_range"),
        ]

    def __str__(self):
        return f"{self.hours} h on {self.date}"
