"""Rules of the reporting code (meldcode) as plain functions over plain values, free of Django.

- routes: (1) domestic violence or child abuse at home, (2) abuse, unwanted conduct or sexual abuse by a
  professional (a staff member, or a housemate where care is given at home), (3) sexually transgressive
  behaviour between children;
- routing: a report always goes to the pedagogue; for routes 1 and 3 also to the entrepreneur; for route 2 to
  the entrepreneur only when it is about a staff member who is not the entrepreneur herself or her housemate;
- steps with deadlines (days after the report), and for route 2 the owner's duties;
- what must be done before a case can be closed, and which reminders are due on a day.
"""
from dataclasses import dataclass
from datetime import date, timedelta

ROUTE_HOME = 1
ROUTE_PROFESSIONAL = 2
ROUTE_CHILDREN = 3
ROUTES = (ROUTE_HOME, ROUTE_PROFESSIONAL, ROUTE_CHILDREN)

# Who a route 2 concern is about.
SUBJECT_STAFF = "staff"
SUBJECT_ENTREPRENEUR = "entrepreneur"
SUBJECT_HOUSEMATE = "housemate"
SUBJECT_KINDS = (SUBJECT_STAFF, SUBJECT_ENTREPRENEUR, SUBJECT_HOUSEMATE)

# The steps of the reporting code, in order, then the owner's duties in route 2.
MAP_SIGNS = "map_signs"
CONSULT = "consult"
TALK_PARENTS = "talk_parents"
WEIGH = "weigh"
DECIDE = "decide"
NOTIFY_INSPECTOR = "notify_inspector"
REPORT_POLICE = "report_police"
STEPS = (MAP_SIGNS, CONSULT, TALK_PARENTS, WEIGH, DECIDE)
ROUTE_2_DUTIES = (NOTIFY_INSPECTOR, REPORT_POLICE)
ALL_STEPS = STEPS + ROUTE_2_DUTIES

# Days after the report by which each step should be recorded.
STEP_DEADLINE_DAYS = {
    MAP_SIGNS: 3,
    CONSULT: 7,
    TALK_PARENTS: 14,
    WEIGH: 21,
    DECIDE: 28,
    NOTIFY_INSPECTOR: 1,  # the owner notifies the confidential inspector without delay
    REPORT_POLICE: 2,  # only when there is a reasonable suspicion of a crime
}
# A reminder goes out this many days before a deadline, and every day once it has passed.
REMINDER_LEAD_DAYS = 1

STATUS_RECEIVED = "received"
STATUS_IN_PROGRESS = "in_progress"
STATUS_CLOSED = "closed"


def steps_for(route: int, crime_suspected: bool = False) -> tuple[str, ...]:
    """The steps a case of `route` goes through; route 2 adds the owner's duties (police only on suspicion)."""
    if route != ROUTE_PROFESSIONAL:
        return STEPS
    return STEPS + ((NOTIFY_INSPECTOR, REPORT_POLICE) if crime_suspected else (NOTIFY_INSPECTOR,))


def entrepreneur_receives(route: int, subject_kind: str | None) -> bool:
    """Whether the location's entrepreneur gets the case (the pedagogue always does)."""
    if route in (ROUTE_HOME, ROUTE_CHILDREN):
        return True
    if route == ROUTE_PROFESSIONAL:
        return subject_kind == SUBJECT_STAFF
    return False


def subject_kind_for(is_entrepreneur: bool, is_staff: bool, is_housemate: bool) -> str | None:
    """The kind of person a route 2 concern is about; an entrepreneur who also works as staff counts as the
    entrepreneur, so the case never reaches her."""
    if is_housemate:
        return SUBJECT_HOUSEMATE
    if is_entrepreneur:
        return SUBJECT_ENTREPRENEUR
    if is_staff:
        return SUBJECT_STAFF
    return None


def entrepreneur_may_see(route: int, subject_kind: str | None, subject_user_id: int | None, viewer_id: int) -> bool:
    """Visibility of a case of her own location to an entrepreneur: routing, and never a case about herself."""
    if subject_user_id is not None and subject_user_id == viewer_id:
        return False
    return entrepreneur_receives(route, subject_kind)


def deadlines(route: int, reported_on: date, crime_suspected: bool = False) -> dict[str, date]:
    return {step: reported_on + timedelta(days=STEP_DEADLINE_DAYS[step]) for step in steps_for(route, crime_suspected)}


@dataclass(frozen=True)
class DueStep:
    step: str
    due: date
    overdue: bool


def open_steps(route: int, reported_on: date, done: set[str], today: date,
               crime_suspected: bool = False) -> list[DueStep]:
    """Steps not yet recorded, with their deadline, in order."""
    return [DueStep(step, due, due < today)
            for step, due in deadlines(route, reported_on, crime_suspected).items() if step not in done]


def reminders_due(route: int, reported_on: date, done: set[str], today: date, crime_suspected: bool = False,
                  lead_days: int = REMINDER_LEAD_DAYS) -> list[DueStep]:
    """Open steps whose deadline is within `lead_days` or has passed."""
    return [s for s in open_steps(route, reported_on, done, today, crime_suspected)
            if s.due - today <= timedelta(days=lead_days)]


def missing_for_closing(route: int, done: set[str], crime_suspected: bool = False) -> list[str]:
    """Steps that must be recorded before a case can be closed: the decision, and in route 2 the owner's duties.

    Mapping the signs is always needed; consulting, talking with the parents and weighing may have been recorded
    or not (a case can end early when the signs turn out unfounded), but a decision is always recorded.
    """
    needed = [MAP_SIGNS, DECIDE]
    if route == ROUTE_PROFESSIONAL:
        needed += [NOTIFY_INSPECTOR] + ([REPORT_POLICE] if crime_suspected else [])
    return [step for step in needed if step not in done]


def status_after_step(status: str) -> str:
    return STATUS_IN_PROGRESS if status == STATUS_RECEIVED else status


def route_problems(route, subject_kind, subject_given: bool) -> dict[str, str]:
    """Field problems with the route and the person concerned (codes; the service turns them into messages)."""
    problems = {}
    if route not in ROUTES:
        problems["route"] = "required"
    elif route == ROUTE_PROFESSIONAL and not subject_given:
        problems["subject"] = "required"
    elif route == ROUTE_PROFESSIONAL and subject_kind not in SUBJECT_KINDS:
        problems["subject"] = "invalid"
    return problems
