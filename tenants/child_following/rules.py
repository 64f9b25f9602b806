"""Rules of following each child (kindvolgsysteem) as plain functions, without Django.

Sources:
- Seed 003 §3.2 (pedagogische visie): staff observe each child's wellbeing and involvement (welbevinden en
  betrokkenheid) at regular moments with the location's child-following system, and discuss it with the parents.
- Seed 003 §3.3 (inclusieve opvang): for a child who needs extra care the location and the parents look together
  at what care can be given (the care-needs conversation); communication, speech and language are named.
- Seed 001 §1.3: an evaluation with the parents after the six-week trial period, then every year.
- Seed 003 §5.1.2: a child moves on to the next group after consultation with the parents.
- The developmental areas motor, language, social-emotional, cognitive and self-care are those of issue 19
  point 8 (the usual areas of Dutch and Flemish child-following systems); wellbeing and involvement are seed
  003 §3.2's.

Who sees an observation or summary (DESIGN §2 and issue 19): the entrepreneur all; a staff member those written
in a group she works with today, and those of earlier groups of a child now in her group only when a parent
consented to handing them over to the next group; a parent those of her own children; nobody else. Handing them
to another location is an export the parent allowed.
"""
from datetime import date

AREAS = ("wellbeing", "involvement", "motor", "language", "social_emotional", "cognitive", "self_care")
SUMMARY_KINDS = ("trial", "yearly", "care_needs")
NEXT_GROUP = "next_group"
OTHER_LOCATION = "other_location"
SCOPES = (NEXT_GROUP, OTHER_LOCATION)
MAX_TEXT = 4000
MAX_COMMENT = 2000


def gettext_noop(message: str) -> str:
    return message


def staff_may_see(*, written_in_group: int | None, child_group: int | None, staff_groups: set[int],
                  next_group_consent: bool) -> bool:
    """Whether a staff member working with `staff_groups` today sees an observation (or summary) written while
    the child was in `written_in_group`. Written without a group (a location without groups): every staff member
    here. A child now in another group: that group's staff only with the parent's consent."""
    if written_in_group is None:
        return True
    if written_in_group in staff_groups:
        return True
    return next_group_consent and child_group is not None and child_group in staff_groups


def staff_may_write(*, child_group: int | None, staff_groups: set[int]) -> bool:
    """A staff member writes about the children of the groups she works with (or of a location without groups)."""
    return child_group is None or child_group in staff_groups


def observation_errors(*, area: str, observed_on: date | None, text: str, today: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if area not in AREAS:
        errors["area"] = [gettext_noop("Choose a developmental area.")]
    if observed_on is None:
        errors["observed_on"] = [gettext_noop("Give the day of the observation.")]
    elif observed_on > today:
        errors["observed_on"] = [gettext_noop("An observation cannot lie in the future.")]
    text = (text or "").strip()
    if not text:
        errors["text"] = [gettext_noop("Write what you observed.")]
    elif len(text) > MAX_TEXT:
        errors["text"] = [gettext_noop("At most 4000 characters.")]
    return errors


def summary_errors(*, kind: str, period_start: date | None, period_end: date | None, text: str,
                   discussed_on: date | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in SUMMARY_KINDS:
        errors["kind"] = [gettext_noop("Choose the kind of conversation.")]
    if period_start is None:
        errors["period_start"] = [gettext_noop("Give the first day of the period.")]
    if period_end is None:
        errors["period_end"] = [gettext_noop("Give the last day of the period.")]
    elif period_start is not None and period_end < period_start:
        errors["period_end"] = [gettext_noop("The period ends after it starts.")]
    if discussed_on is not None and period_start is not None and discussed_on < period_start:
        errors["discussed_on"] = [gettext_noop("The conversation takes place after the period starts.")]
    text = (text or "").strip()
    if not text:
        errors["text"] = [gettext_noop("Write the summary.")]
    elif len(text) > MAX_TEXT:
        errors["text"] = [gettext_noop("At most 4000 characters.")]
    return errors


def response_errors(*, comment: str, confirmed_discussed: bool) -> dict[str, list[str]]:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        return {"comment": [gettext_noop("At most 2000 characters.")]}
    if not comment and not confirmed_discussed:
        return {"comment": [gettext_noop("Write a comment or confirm the summary was discussed with you.")]}
    return {}
