"""What a contract version says it costs and binds to, in one place for its page, its signing e-mail and its
PDF: the start, the end of the trial period, the notice rule, and the hours and price a month (a day, for a
Flemish income tariff) from billing's own rules (billing.care_month.selectors.contract_cost), so that the three
always show the same figures. Texts in the active language; amounts as € 10,00, dates as 4 december 2026."""
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frontend.numbers import long_date, money, quantity
from tenants.contracts import rules


@dataclass(frozen=True)
class Terms:
    start: date
    end: date | None
    trial_end: date
    notice_parent: int
    notice_location: int
    cost: object  # billing.care_month.values.ContractCost


def terms_of(version, location, today: date | None = None) -> Terms:
    from billing.care_month.selectors import contract_cost

    return Terms(
        start=version.start_date, end=version.end_date,
        trial_end=version.start_date + timedelta(weeks=rules.TRIAL_WEEKS),
        notice_parent=rules.notice_months(location.jurisdiction, rules.PARENT),
        notice_location=rules.notice_months(location.jurisdiction, rules.LOCATION),
        cost=contract_cost(version, location, today=today))


def euro(amount) -> str:
    """€ 1.234,50 in Dutch (frontend.numbers.money); a rate given in more decimals keeps them (€ 10,2525)."""
    exponent = Decimal(amount).normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        return "€ " + formats.number_format(Decimal(amount), -exponent, use_l10n=True, force_grouping=True)
    return money(amount)


def hours(value) -> str:
    """Hours to at most three decimals, as the invoice writes them (84,875)."""
    return quantity(value)


def day(value: date) -> str:
    return long_date(value)


def months(count: int) -> str:
    return ngettext("%(count)s month", "%(count)s months", count) % {"count": count}


def lines(terms: Terms) -> list[tuple[str, str]]:
    """(label, value) pairs, in order: what the page, the e-mail and the PDF each show."""
    found = [(_("Start"), day(terms.start))]
    if terms.end:
        found.append((_("End"), day(terms.end)))
    found.append((_("Trial period ends"), _("%(date)s, then an evaluation; after that a yearly evaluation") % {
        "date": day(terms.trial_end)}))
    found.append((_("Notice"), _("%(parent)s for the parent, %(location)s for the location, from the day notice "
                                 "is given") % {"parent": months(terms.notice_parent),
                                                "location": months(terms.notice_location)}))
    cost = terms.cost
    if cost.missing:
        found.append((_("Price"), cost.missing))
        return found
    if cost.day_prices is not None:
        prices = cost.day_prices
        found.append((_("Income tariff"), _("%(price)s a day") % {"price": euro(prices.income_tariff)}))
        found.append((_("Price per day"), _(
            "%(full)s a full day (5 to 11 hours), %(short)s a short day (less than 5 hours), %(long)s a long "
            "day (more than 11 hours)") % {"full": euro(prices.full_day_price), "short": euro(prices.short_day_price),
                                           "long": euro(prices.long_day_price)}))
        found.append((_("Hours per month"), _("%(hours)s on average (%(days)s care days in %(year)s)") % {
            "hours": hours(cost.hours_a_month), "days": prices.care_days, "year": cost.year}))
        found.append((_("Price per month"), _("%(amount)s on average; each month is invoiced by its own days") % {
            "amount": euro(cost.amount_a_month)}))
        return found
    if cost.hourly_rate is not None:
        found.append((_("Hourly rate"), _("%(rate)s in %(year)s") % {"rate": euro(cost.hourly_rate),
                                                                    "year": cost.year}))
    if cost.hours_a_month is not None:
        found.append((_("Hours per month"), hours(cost.hours_a_month)))
    if cost.amount_a_month is not None:
        found.append((_("Price per month"), _("%(amount)s, the same every month") % {
            "amount": euro(cost.amount_a_month)} if cost.average is not None else euro(cost.amount_a_month)))
    elif cost.hourly_rate is not None:
        found.append((_("Price per month"), _("the hours registered each month × the hourly rate")))
    return found
