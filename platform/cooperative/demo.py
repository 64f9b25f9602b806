"""The demo cooperative: six locations, every role, and a parent with children at two locations."""
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django_tenants.utils import schema_context
from jurisdictions import policy

from accounts.models import AdviserAssignment, CooperativeRole, Membership, User
from cooperative.models import Cooperative, Location
from cooperative.services import NewLocation, provision_location
from tenants.children.services import create_child

DEMO_PASSWORD = "kinderopvang-demo"

LOCATIONS = [
    dict(slug="zonnebloem", name="Gastouder De Zonnebloem", kind="gastouder", jurisdiction="NL",
         postal_code="3511 AB", city="Utrecht", region="Midden", lrk={"gastouder": "123456781"}, places=6, m2="25",
         owner=("Ilse de Vries", "ilse")),
    dict(slug="boomhut", name="Gastouder De Boomhut", kind="gastouder", jurisdiction="NL",
         postal_code="3811 CD", city="Amersfoort", region="Midden", lrk={"gastouder": "223456782"}, places=5,
         m2="22", owner=("Fatima el Amrani", "fatima")),
    dict(slug="kikker", name="Kinderdagverblijf Kikker", kind="kdv", jurisdiction="NL",
         postal_code="3311 EF", city="Dordrecht", region="Zuid-Holland", lrk={"kdv": "323456783"}, places=32,
         m2="120", owner=("Marieke Jansen", "marieke")),
    dict(slug="speelwerk", name="BSO Speelwerk", kind="bso", jurisdiction="NL",
         postal_code="8011 GH", city="Zwolle", region="Oost", lrk={"bso": "423456784"}, places=40, m2="150",
         owner=("Ruud Bakker", "ruud")),
    dict(slug="regenboog", name="Kindercentrum De Regenboog", kind="kindercentrum", jurisdiction="NL",
         postal_code="3312 KL", city="Dordrecht", region="Zuid-Holland",
         lrk={"kdv": "523456785", "bso": "623456786"}, places=60, m2="220", owner=("Sanne Visser", "sanne")),
    dict(slug="pagadder", name="Kinderdagverblijf 't Pagadderke", kind="kdv", jurisdiction="BE-VLG",
         postal_code="9000", city="Gent", region="Oost-Vlaanderen", lrk={}, places=18, m2="70",
         owner=("Lieve Claes", "lieve")),
]


def email(local: str) -> str:
    return f"{local}@demo.opvangkring.nl"


def _user(local: str, name: str) -> User:
    user, _ = User.objects.get_or_create(email=email(local), defaults={"full_name": name})
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def _child(location, first, last, birth, guardians):
    with schema_context(location.schema_name):
        return create_child(first_name=first, last_name=last, birth_date=birth, guardians=guardians)


@transaction.atomic
def seed_demo() -> list[tuple[str, str, str]]:
    """Create the demo cooperative; returns (role, e-mail, where) for each login. Its documents (contracts) are
    written in the default language, whatever language the caller left active."""
    with translation.override(settings.LANGUAGE_CODE):
        return _seed_demo()


def _seed_demo() -> list[tuple[str, str, str]]:
    coop = Cooperative.load()
    coop.name = "Coöperatie Opvangkring (demo)"
    coop.save()
    logins = []
    locations = {}
    for spec in LOCATIONS:
        location = provision_location(NewLocation(
            name=spec["name"], slug=spec["slug"], kind=spec["kind"], jurisdiction=spec["jurisdiction"],
            entrepreneur_email=email(spec["owner"][1]), entrepreneur_name=spec["owner"][0], city=spec["city"],
            postal_code=spec["postal_code"],
            region=spec["region"], lrk_numbers=spec["lrk"], licensed_places=spec["places"],
            play_space_m2=Decimal(spec["m2"]), opening_date=date(2020, 1, 6),
        ), send_invitation=False)
        _user(spec["owner"][1], spec["owner"][0])
        locations[spec["slug"]] = location
        logins.append(("entrepreneur", email(spec["owner"][1]), location.url))

    admin = _user("beheer", "Anouk Smit")
    CooperativeRole.objects.get_or_create(user=admin, role=CooperativeRole.Role.COOP_ADMIN)
    lead = _user("lead.adviseur", "Pieter de Boer")
    CooperativeRole.objects.get_or_create(user=lead, role=CooperativeRole.Role.ADVISER, is_lead=True)
    adviser = _user("adviseur", "Noor Hendriks")
    CooperativeRole.objects.get_or_create(user=adviser, role=CooperativeRole.Role.ADVISER)
    for slug in ("zonnebloem", "kikker", "regenboog"):
        AdviserAssignment.objects.get_or_create(adviser=adviser, location=locations[slug])
    pedagogue = _user("pedagoog", "Esther Mulder")
    CooperativeRole.objects.get_or_create(user=pedagogue, role=CooperativeRole.Role.PEDAGOGUE)
    for user, role in ((admin, "coop_admin"), (lead, "lead adviser"), (adviser, "adviser"), (pedagogue, "pedagogue")):
        logins.append((role, user.email, "main domain"))

    staff = _user("medewerker.kikker", "Daan Peters")
    Membership.objects.get_or_create(user=staff, location=locations["kikker"], role=Membership.Role.STAFF)
    logins.append(("staff", staff.email, locations["kikker"].url))

    # Ilse, the childminder, looks after her own daughter too: she counts in the group.
    _child(locations["zonnebloem"], "Lotte", "de Vries", date(2023, 3, 14), [User.objects.get(email=email("ilse"))])
    Membership.objects.get_or_create(user=User.objects.get(email=email("ilse")), location=locations["zonnebloem"],
                                     role=Membership.Role.PARENT)

    both = _user("ouder.jansen", "Eva Jansen")  # a baby at the KDV and an older child at the BSO
    family = [
        (both, "kikker", "Mila", "Jansen", date(2025, 6, 2)),
        (both, "speelwerk", "Finn", "Jansen", date(2018, 9, 21)),
        (_user("ouder.bakker", "Tom Bakker"), "zonnebloem", "Saar", "Bakker", date(2024, 1, 10)),
        (_user("ouder.visser", "Sanne Visser"), "zonnebloem", "Bo", "Visser", date(2022, 7, 4)),
        (_user("ouder.yilmaz", "Elif Yilmaz"), "regenboog", "Deniz", "Yilmaz", date(2022, 11, 5)),
        (_user("ouder.peeters", "Jan Peeters"), "pagadder", "Wout", "Peeters", date(2025, 2, 18)),
        (_user("ouder.smits", "Kim Smits"), "boomhut", "Noah", "Smits", date(2023, 8, 30)),
    ]
    for parent, slug, first, last, birth in family:
        _child(locations[slug], first, last, birth, [parent])
        Membership.objects.get_or_create(user=parent, location=locations[slug], role=Membership.Role.PARENT)
    for parent in {f[0] for f in family}:
        logins.append(("parent", parent.email, "main domain"))
    for location in locations.values():
        seed_daily_work(location)
    for slug in MONEY_AT:
        seed_money(locations[slug])
        seed_filings(locations[slug])
    _demo_concern(locations["kikker"], staff)
    from tenants.child_following.demo import seed as seed_following
    from tenants.house_rules.demo import seed as seed_house_rules

    seed_house_rules(locations["kikker"], User.objects.get(email=email("marieke")))
    seed_following(locations["kikker"], staff)
    from tenants.webcams.demo import seed_webcams

    seed_webcams(locations["kikker"])
    from tenants.sickness.demo import seed_health

    seed_health(locations["kikker"], staff)
    from tenants.accidents.demo import seed_accidents
    from tenants.consents.demo import seed_consents

    for location in locations.values():
        seed_consents(location)
    seed_accidents(locations["kikker"], staff)
    from tenants.menus.demo import seed_menus

    seed_menus(locations["regenboog"])
    from tenants.child_sheet.demo import seed_sheet
    from tenants.medication.demo import seed_medication

    seed_sheet(locations["kikker"])
    seed_medication(locations["kikker"])
    from intake.demo import seed_intake

    logins += seed_intake(locations, _user)
    return logins


def _demo_concern(location, staff) -> None:
    """One route-1 concern at the KDV, so the pedagogue's case list is not empty in the demo."""
    from datetime import timedelta

    from safeguarding.services import report_concern
    from tenants.children.models import Child

    with schema_context(location.schema_name):
        mila = Child.objects.get(first_name="Mila")
    report_concern(location=location, reporter=staff, roles={"staff"}, route=1, child_ids=[mila.pk],
                   observed_on=date.today() - timedelta(days=2), observed_place="Groepsruimte",
                   description="(demo) Blauwe plek op de bovenarm; het kind zei dat papa boos was.")


def demo_exists() -> bool:
    return Location.objects.exists()


# The daily work of each demo location: opening hours, closing weeks, groups, staff on the roster and a
# signed contract for every child (one left to sign, so a parent has something to do).
GROUPS_BY_KIND = {
    "gastouder": [("Thuisgroep", "gastouder", 0, 12, "25")],
    "kdv": [("Dreumesen", "stamgroep", 0, 3, "60")],
    "bso": [("Bovenbouw", "basisgroep", 4, 12, "90")],
    "kindercentrum": [("Peuters", "stamgroep", 0, 3, "60"), ("Kids Club", "basisgroep", 4, 12, "90")],
}
UNSIGNED = {("kikker", "Mila")}


def _care_type_for(location, child) -> str:
    if location.kind == "gastouder":
        return "gastouder"
    if location.kind == "kindercentrum":
        return "kdv" if (date.today() - child.birth_date).days < 4 * 365 else "bso"
    return location.kind


def seed_daily_work(location) -> None:
    from datetime import time, timedelta

    from tenants.calendar import services as calendar
    from tenants.children.models import Child
    from tenants.contracts import services as contracts
    from tenants.groups import services as groups
    from tenants.groups.models import StaffProfile

    today = date.today()
    with schema_context(location.schema_name):
        location_in_schema = Location.objects.get(pk=location.pk)
        calendar.set_week_hours({day: (time(7, 30), time(18, 30)) for day in range(5)})
        calendar.set_closing_weeks(year=today.year, weeks=[30, 31, 32, 52], note="Zomer en kerst")
        made = {}
        for name, kind, low, high, m2 in GROUPS_BY_KIND[location.kind]:
            made[kind] = groups.create_group(name=name, kind=kind, play_space_m2=Decimal(m2), min_age=low,
                                             max_age=high)
        carers = [m.user for m in Membership.objects.filter(location=location, role__in=["entrepreneur", "staff"])]
        for carer in carers:
            profile = StaffProfile.objects.filter(user=carer).first() or groups.invite_staff(
                email=carer.email, full_name=carer.full_name, location=location_in_schema,
                job_role="gastouder" if location.kind == "gastouder" else "pm",
                groups=list(made.values()))
            first = next(iter(made.values()))
            for offset in range(14):
                day = today + timedelta(days=offset)
                if day.weekday() < 5:
                    groups.add_shift(staff=profile, group=first, date=day, start_time=time(7, 30),
                                     end_time=time(18, 30))
        for child in Child.objects.all():
            care_type = _care_type_for(location, child)
            group = made["gastouder" if care_type == "gastouder" else "stamgroep" if care_type == "kdv"
                         else "basisgroep"]
            child.group = group
            child.save(update_fields=["group"])
            schedule = [[{"weekday": 0, "start": "08:00", "end": "18:00"},
                         {"weekday": 3, "start": "08:00", "end": "18:00"}]]
            if day_price(location):
                schedule[0].append({"weekday": 1, "start": "08:00", "end": "18:00"})
            start = money_start(today) if location.slug in MONEY_AT else date(today.year, 1, 1)
            contract = contracts.create_contract(
                child=child, care_type=care_type, group=group, start_date=start, end_date=None,
                schedule_type="weekly", schedule=schedule, location=location_in_schema)
            if (location.slug, child.first_name) in UNSIGNED:
                continue
            parent = child.guardians.first()
            contracts.sign_version(contract.versions.get(number=1), user=parent, typed_name=parent.full_name,
                                   ip="127.0.0.1", location=location_in_schema)


# Real money at one Dutch and one Flemish location: a year of contracts, tariff years, invoices with PDFs,
# credit notes, payments by mandate and by transfer, one invoice overdue with its reminders, annual statements
# where a period has ended.
MONEY_AT = ("zonnebloem", "pagadder")
MANDATE_CHILDREN = {"Saar"}  # paid by SEPA direct debit through the location's own bank; the others by transfer
# By country (jurisdictions.Policy.country): the location's account, BIC and creditor id, and a parent's IBAN.
BANK = dict(NL=("NL91ABNA0417164300", "ABNANL2A", "NL57ZZZ999999999999"),
            BE=("BE68539007547034", "GKCCBEBB", "BE68ZZZ0123456789"))
PARENT_IBAN = dict(NL="NL02ABNA0123456789", BE="BE71096123456769")


def day_price(location) -> bool:
    """Whether the location bills the income-related day price (Flanders): its children come a third day, have
    an income certificate and a filled attendance register."""
    from billing.tariffs import rules as tariff_rules

    return tariff_rules.BE_DAY_PRICE in policy(location.jurisdiction).tariff_models


def money_start(today: date) -> date:
    """The first day of the month a year before this one: the demo's contracts there run a whole year."""
    return date(today.year - 1, today.month, 1)


def _months(start: date, end: date):
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def seed_money(location) -> None:
    """The monthly runs of the past year as the beat job would have made them (NL on the 1st for the month,
    BE-VLG on the 2nd for the month before), the payments as they came in, a sickness closure of the
    childminder recorded after its month was invoiced (a credit note follows by itself), one invoice left
    unpaid (NL: its direct debit returned) walked through the reminder schedule up to today, and the
    annual statements of the period that has ended."""
    from datetime import timedelta

    from billing.invoices import services as invoices
    from billing.invoices import statements
    from billing.invoices.models import Invoice
    from billing.payments import services as payments
    from billing.tariffs import services as tariffs
    from tenants.calendar import services as calendar
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child

    today = location_today(location)
    start = money_start(today)
    flemish = day_price(location)
    country = policy(location.jurisdiction).country
    with schema_context(location.schema_name):
        location = Location.objects.get(pk=location.pk)
        for year in range(start.year, today.year + 1):
            calendar.set_closing_weeks(year=year, weeks=[30, 31, 32, 52], note="Zomer en kerst")
            tariffs.set_tariff_year(year=year, note="Demo", rates=[
                {"care_type": location.kind, "hourly_rate": Decimal("9.85") + (year - start.year) * Decimal("0.40")}])
        iban, bic, creditor_id = BANK[country]
        payments.save_collection_settings(method="own_bank", creditor_name=location.name, creditor_iban=iban,
                                          creditor_bic=bic, creditor_id=creditor_id)
        for child in Child.objects.filter(contracts__status="active").distinct():
            if flemish:
                tariffs.add_income_certificate(child=child, day_price=Decimal("27.43"), valid_from=start,
                                               valid_until=date(today.year, 12, 31))
                _attendance(child, start, today - timedelta(days=1))
            if child.first_name in MANDATE_CHILDREN:
                parent = child.guardians.first()
                payments.give_mandate(parent=parent, account_holder=parent.full_name,
                                      iban=PARENT_IBAN[country], location=location)
        for year, month in _months(start, today):
            run_on = date(year, month, 2)  # the beat job's run of that day: each tariff model's month
            if run_on > today:
                continue
            invoices.run_due(location, run_on)
            if location.kind == "gastouder" and (year, month) == (start.year, 12):
                # The childminder was sick for a week that month, recorded after the invoice went out.
                sick = date(year, 12, 8) + timedelta(days=(7 - date(year, 12, 8).weekday()) % 7)
                calendar.close_for_childminder(start_date=sick, end_date=sick + timedelta(days=4), note="Griep",
                                               location=location)
        due = list(Invoice.objects.filter(status__in=invoices.UNPAID, due_date__lt=today)
                   .order_by("-due_date", "-number"))
        overdue = due[0] if due else None
        for invoice in due:
            if _pay(invoice, location, payments, leave_unpaid=invoice == overdue):
                # The direct debit of the last invoice came back: open again, and the reminders follow.
                reason = "Storno door de bank: onvoldoende saldo (AM04)"
                invoice.payments.update(status="failed", failure_reason=reason)
                invoices.reopen_after_failed_payment(invoice, reason=reason)
                invoice.reminders.filter(step="failed_payment").update(sent_on=invoice.due_date + timedelta(days=3))
        if overdue is not None:
            day = overdue.due_date + timedelta(days=1)
            while day <= today:
                invoices.dunning_run(today=day, dry_run=False)
                day += timedelta(days=1)
        paid = Invoice.objects.filter(status=Invoice.Status.PAID).order_by("period_start").first()
        if flemish and paid is not None:
            invoices.create_credit_note(paid, amount=Decimal("27.43"), reason="Dag dubbel gefactureerd",
                                        issue_date=paid.issue_date + timedelta(days=10))
        year = statements.latest_ended_year(location.jurisdiction, today)
        if year >= start.year:
            statements.make_statements(year, today=today)


#: Identity numbers of the demo's families (valid test numbers: the BSN passes the eleven-test, the Belgian
#: national register numbers have their check digits).
DEMO_BSN = {"Saar": "111222333", "Bo": "123456782", "Lotte": "999999990"}
DEMO_PARENT_BSN = {"ouder.bakker": "100000009", "ouder.visser": "012345672", "ilse": "111222333"}
DEMO_KINDCODE = {"Wout": "KG2025021801"}
DEMO_NN = {"Wout": "25021800127"}
DEMO_PARENT_NN = {"ouder.peeters": ("88041212335", "Kerkstraat 12, 2000 Antwerpen")}


def seed_filings(location) -> None:
    """The filings of the past year: the numbers they need (the Dutch childminder still misses one parent's
    birth date), every monthly filing delivered except the last month's (ready) and the one before it (left to
    do, so the calendar of duties shows a late one); a yearly one delivered once its due date has passed."""
    from billing.filings import services as filings
    from billing.filings.models import Filing
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child

    today = location_today(location)
    with schema_context(location.schema_name):
        location = Location.objects.get(pk=location.pk)
        for child in Child.objects.all():
            filings.set_child_numbers(child, bsn=DEMO_BSN.get(child.first_name, ""),
                                      national_number=DEMO_NN.get(child.first_name, ""),
                                      kindcode=DEMO_KINDCODE.get(child.first_name, f"KG{child.pk:08d}"))
        for local, bsn in DEMO_PARENT_BSN.items():
            parent = User.objects.filter(email=email(local)).first()
            if parent is not None and Child.objects.filter(guardians=parent).exists():
                filings.set_parent_numbers(parent, bsn=bsn, birth_date=None if local == "ouder.visser"
                                           else date(1990, 4, 2))
        for local, (number, address) in DEMO_PARENT_NN.items():
            parent = User.objects.filter(email=email(local)).first()
            if parent is not None and Child.objects.filter(guardians=parent).exists():
                filings.set_parent_numbers(parent, national_number=number, address=address)
        filings.plan(location=location, today=today)
        owner = Membership.objects.filter(location=location, role=Membership.Role.ENTREPRENEUR).first().user
        for kind in {f.kind for f in Filing.objects.all()}:
            mine = list(Filing.objects.filter(kind=kind).order_by("period_start"))
            monthly = len(mine) > 2
            for position, filing in enumerate(mine):
                if monthly and position == len(mine) - 2:
                    continue  # left to do
                filing = filings.mark_ready(filing, user=owner, today=today)
                if (position < len(mine) - 2) if monthly else filing.due_date < today:
                    filings.mark_delivered(filing, user=owner, today=today)
        _send_complaint_reports(location, today)


def _send_complaint_reports(location, today) -> None:
    """The annual complaint reports whose due date has passed were sent ten days before it (the calendar of
    duties shows them done; the demo locations without money show them late)."""
    from datetime import timedelta

    from jurisdictions import policy

    from billing.filings import duties
    from billing.filings import rules as filing_rules
    from tenants.complaints import services as complaints

    report = policy(location.jurisdiction).complaint_report
    since = filing_rules.duties_since(today, location.opening_date)
    for duty in duties.complaint_report_duties(report, since, today, {}):
        if duty.due_date < today:
            complaints.save_annual_report(duty.period_end.year, sent_to_ggd_on=duty.due_date - timedelta(days=10),
                                          fields={"sent_to_ggd_on"})


def _pay(invoice, location, payments, leave_unpaid: bool) -> bool:
    """By direct debit on the due date for a parent with a mandate, else by transfer a few days before (or
    not at all when `leave_unpaid`). Returns whether it was a direct debit of an invoice to leave unpaid."""
    from datetime import datetime, time, timedelta

    from django.utils import timezone

    from billing.invoices import services as invoices
    from billing.payments.models import Mandate, Payment

    mandate = Mandate.objects.filter(parent_id=invoice.parent_id, status="active").first()
    if mandate is None:
        if not leave_unpaid:
            payments.record_payment(invoice, method="bank_transfer", amount=invoice.amount_due,
                                    paid_on=invoice.due_date - timedelta(days=3), note="Demo", location=location)
        return False
    Payment.objects.create(invoice=invoice, method=Payment.Method.DIRECT_DEBIT, amount=invoice.amount_due,
                           mandate=mandate, status=Payment.Status.SUCCEEDED, paid_on=invoice.due_date)
    invoices.mark_paid(invoice, paid_at=timezone.make_aware(datetime.combine(invoice.due_date, time(12))),
                       reference=mandate.reference)
    return leave_unpaid


def _attendance(child, start: date, end: date) -> None:
    """The register of a Flemish child: every planned, open day 08:10–16:55, one pick-up at 18:40."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from tenants.attendance import planned
    from tenants.attendance.models import AttendanceRecord
    from tenants.calendar import selectors as calendar

    zone = ZoneInfo("Europe/Brussels")
    closed = {d.date for year in range(start.year, end.year + 1) for d in calendar.closed_days(year)}
    rows, day, late = [], start, True
    while day <= end:
        if day not in closed and planned.expected_by_contract(child.pk, day):
            leave = time(18, 40) if late and day.day > 10 else time(16, 55)
            late = late and leave != time(18, 40)
            rows.append(AttendanceRecord(child=child, group=child.group, date=day,
                                         check_in=datetime.combine(day, time(8, 10), zone),
                                         check_out=datetime.combine(day, leave, zone), registered_at=timezone.now()))
        day += timedelta(days=1)
    AttendanceRecord.objects.bulk_create(rows)
