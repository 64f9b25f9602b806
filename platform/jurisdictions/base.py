"""The shape of a jurisdiction policy (rechtsgebied). Every field is used somewhere; its docstring line
says where. Amounts in euros as Decimal. English texts are marked with `gettext_noop` so that makemessages
finds them; the code that shows one translates it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the name makemessages looks for)."""
    return message


@dataclass(frozen=True)
class Fees:
    """Fines and fees of the house rules, as defaults: a location may set its own amounts where its house
    rules let it (billing.tariffs.models.TariffSettings); zero means the jurisdiction has no such fee."""

    late_absence_report: Decimal = Decimal("0.00")   # absence reported at or after the deadline
    unreported_absence: Decimal = Decimal("0.00")    # a reserved day the child did not come, never reported
    late_pickup_per_quarter: Decimal = Decimal("0.00")  # per started quarter after closing time, unless announced
    diaper_full_day: Decimal = Decimal("0.00")
    diaper_half_day: Decimal = Decimal("0.00")
    diaper_own_full_day: Decimal = Decimal("0.00")   # reduced price when the parents bring their own diapers
    diaper_own_half_day: Decimal = Decimal("0.00")
    admin_fee: Decimal = Decimal("0.00")             # a month

    def charged(self) -> bool:
        """Whether the house rules have any fee at all (the tariff pages show the fee settings only then)."""
        return any(getattr(self, name) for name in self.__dataclass_fields__)


@dataclass(frozen=True)
class ComplaintBody:
    """An external body a parent may take a complaint to (stored as a dict in a regulation, in this order)."""

    name: str
    role: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True)
class Complaints:
    """The complaint regulation's defaults and the floor a location's own regulation must keep
    (tenants.complaints.rules)."""

    judgement_days: int               # default term for the written, reasoned judgement
    max_judgement_days: int           # the longest term a location may set
    acknowledge: bool                 # an acknowledgement letter by default
    acknowledgement_days: int         # default term for that letter
    subjects_fixed: bool              # the law fixes what a complaint may be about: every subject is in
    external_bodies: tuple[ComplaintBody, ...]  # default external bodies of the regulation
    direct_route: str                 # the body a parent may go straight to when no judgement came in time
    second_instance: str = ""         # default second instance within the organisation (stored as text)


@dataclass(frozen=True)
class ComplaintReport:
    """The annual complaint report a location owes its supervisor, on the calendar of duties
    (billing.filings.duties): the report of year N is due on `due_month`/`due_day` of year N + 1."""

    recipient: str                  # English, translated where shown
    due_month: int
    due_day: int
    source: str                     # where the duty comes from (docs/deliveries.md)


@dataclass(frozen=True)
class Health:
    """Sickness and contagious diseases (tenants.sickness, tenants.outbreaks): which checklist decides whether a
    sick child is admitted (a key of tenants.sickness.tables.CHECKLISTS), and the public-health agency a location
    tells of a notifiable disease or an unusual number of cases."""

    checklist: str                  # tenants.sickness.tables.CHECKLISTS key
    agency: str                     # the agency's name, as the location knows it (not translated)
    agency_basis: str               # English text: why and when the location tells it
    agency_website: str = ""


@dataclass(frozen=True)
class Policy:
    code: str                       # stored on the location (cooperative.Location.jurisdiction)
    name: str                       # English name, the location's jurisdiction choice (translated where shown)
    country: str                    # ISO 3166 country: addresses, SEPA, Stripe
    language: str                   # the language code of its pages: nl or nl-BE
    time_zone: str                  # when a location has none of its own
    holiday_country: str            # `holidays` country code for public holidays
    tariff_models: tuple[str, ...]  # billing.tariffs.rules model keys, the first is the default
    public_holidays_paid: bool      # a public holiday outside the closing weeks is paid (NL monthly average)
    invoice_due_days: int | None    # fixed term after the invoice date; None: the location's own term
    dunning: str                    # billing.invoices.rules dunning scheme
    statement_kind: str             # billing.invoices.models.AnnualStatement.Kind
    statement_months: tuple[int, int]  # first and last month; first > last: it starts the year before
    payment_reference: str          # "structured" (Belgian +++ddd/dddd/ddddd+++) or "invoice" (the invoice number)
    complaints: Complaints          # complaint regulation defaults and floor (tenants.complaints.rules)
    fees: Fees = field(default_factory=Fees)
    min_justified_absence_days: int | None = None  # legal minimum of justified absence days a year (None: none)
    absence_report_deadline: str | None = None  # "HH:MM" on the day; None: no fine
    income_certificates: bool = False  # day price by each family's income certificate (tariff pages, settling-in)
    care_plan_rules: bool = False   # Flemish care-plan rules on by default (tenants.contracts.ContractSettings)
    lrk_register: bool = False      # locations are registered in the Dutch LRK
    fiscal_years: int = 7           # years invoices are kept (tax law)
    retention_reason: str = ""      # English text: the law behind fiscal_years (portal deletion requests)
    notice_months: dict = field(default_factory=dict)  # contract notice by party
    # A parent's notice in months when ending the contract within the window after a house-rules change to the
    # family's disadvantage was announced (tenants.house_rules.rules): no notice costs beyond this.
    house_rules_change_notice_months: int = 0
    vat_note: str = ""              # English text, translated where shown
    words: str = ""                 # translation context of its own words (nl-BE: "ondernemer" → "organisator")
    intake_min_care_days: int | None = None  # fewest care days a week a care request may ask for (intake.rules)
    filings: tuple[str, ...] = ()   # billing.filings.kinds keys: what the location files with the authorities
    mandatory_vaccinations: tuple[str, ...] = ()  # vaccinations required by law for childcare (tenants.consents)
    vaccination_schedule: str = ""  # English name of the recommended schedule the location points parents to
                                    # and hands its bookkeeper (monthly childcare data, attendance registration,
                                    # certificate, ledger export)
    complaint_report: ComplaintReport | None = None  # the annual complaint report to the supervisor (None: the
                                    # jurisdiction asks for none; the calendar of duties leaves it out)
    health: Health | None = None    # sickness checklist and health agency (tenants.sickness, tenants.outbreaks)

    def statement_period(self, year: int) -> tuple[date, date]:
        """The period an annual statement for `year` covers (NL: the calendar year; BE-VLG: December of the
        year before to November)."""
        import calendar

        first, last = self.statement_months
        start = date(year - 1 if first > last else year, first, 1)
        return start, date(year, last, calendar.monthrange(year, last)[1])
