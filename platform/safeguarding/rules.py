"""Rules of the reporting code (meldcode) as plain functions over plain values, free of Django.

- routes: (1) domestic violence or child abuse at home, (2) abuse, unwanted conduct or sexual abuse by a
  professional (a staff member, or a housemate where care is given at home), (3) sexually transgressive
  behaviour between children;
- routing: a report always goes to the pedagogue; for routes 1 and 3 also to the entrepreneur; for route 2 to
  the entrepreneur only when it is about a staff member who is not the entrepreneur herself or her housemate;
- who is involved in a case and so never sees it, also as the entrepreneur (`involved`);
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


def involved(route: int, subject_user_id: int | None, viewer_id: int, guardian_ids=(), housemate_ids=()) -> bool:
    """Whether `viewer_id` is one of the people a case is about, so that it must never be shown to her.

    Source: seed 001 §8 (route 2 "door een beroepskracht of huisgenoot van de Thuishuisondernemer": reported to
    the entrepreneur only when it concerns her staff, else to the pedagogue) and DESIGN §4 Meldcode (never to
    the subject, a housemate of the subject, or a guardian of the child when the suspicion is about that family).

    - everyone: the subject herself, and anyone who lives with the subject (`housemate_ids`: the housemates of
      the subject of route 2, and of the family in routes 1 and 3);
    - route 1 (signs at home): the suspicion is about the family, so every guardian of every child of the case
      (co-guardians too) is involved;
    - route 3 (behaviour between children): a guardian of any child involved is involved as well. The case
      names the children on both sides and what each did or underwent; a parent who runs the location would
      read about her own child and about another family's child, and would have to weigh the case and talk
      with the other parents as a party to it. Handling it is then the pedagogue's, who is not involved;
    - route 2 (a professional or housemate): the suspicion is about that person, not about the child's family;
      a guardian of the child is not involved for that reason alone (the owner has to act on her staff).

    The caller passes the guardians and housemates as they are when the case is read (joined with those when
    it was reported), so a guardian added after the report is involved too.
    """
    if subject_user_id is not None and subject_user_id == viewer_id:
        return True
    if viewer_id in set(housemate_ids):
        return True
    return route in (ROUTE_HOME, ROUTE_CHILDREN) and viewer_id in set(guardian_ids)


def entrepreneur_may_see(route: int, subject_kind: str | None, subject_user_id: int | None, viewer_id: int,
                         guardian_ids=(), housemate_ids=()) -> bool:
    """Visibility of a case of her own location to an entrepreneur: routing gives it to her, and she is not
    involved in it (`involved`); otherwise only the pedagogue has it."""
    if involved(route, subject_user_id, viewer_id, guardian_ids, housemate_ids):
        return False
    return entrepreneur_receives(route, subject_kind)


def housemates_of(person_ids, pairs) -> set[int]:
    """Everyone who lives with one of `person_ids`, from the (entrepreneur, housemate) pairs recorded at a
    location: two housemates of the same entrepreneur live together too. The persons themselves are left out
    unless they live with another of them."""
    linked: dict[int, set[int]] = {}
    for a, b in pairs:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    found: set[int] = set()
    for start in {pk for pk in person_ids if pk is not None}:
        seen, todo = {start}, [start]
        while todo:
            for other in linked.get(todo.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        found |= seen - {start}
    return found


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
