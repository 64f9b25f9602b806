"""Domain rules of the webcams (no Django).

Sources: seed 000 (Dordrecht press release: cameras only on the play areas and the eating and sitting corners,
live at set times, no uninvited viewers) and seed 003, bijlage 1 "protocol camerabewaking" (art. 2 purposes,
art. 4 what is recorded and kept: 30 days, art. 5 recordings viewed only by directors, at least two, with a
written motivation), Belgian camera law (Wet van 21 maart 2007), the GDPR and CAO nr. 68 (cameras at work).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# --- areas and purposes ------------------------------------------------------------------------------

PARENT_VIEW = "parent_view"
SECURITY_RECORDING = "security_recording"

#: seed 000: "Onze camera's staan alleen gericht op onze speelruimten en eet- en zithoeken."
PARENT_VIEW_AREAS = frozenset({"play_area", "eating_corner", "sitting_corner"})
#: seed 003 art. 2 and 4: recording cameras watch the accesses (inkomhal, toegang, tuin): entrances and outside.
SECURITY_AREAS = frozenset({"entrance", "outside"})


def purpose_refusal(area: str, purpose: str) -> str | None:
    """Why `purpose` is not allowed for a camera filming `area`, or None when it is."""
    if purpose == PARENT_VIEW and area not in PARENT_VIEW_AREAS:
        return "area_not_for_parent_view"
    if purpose == SECURITY_RECORDING and area not in SECURITY_AREAS:
        return "area_not_for_security"
    if purpose not in (PARENT_VIEW, SECURITY_RECORDING):
        return "unknown_purpose"
    return None


def needs_group(purpose: str) -> bool:
    """A parent-view camera shows one group: only that group's parents may watch it."""
    return purpose == PARENT_VIEW


# --- live windows -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Window:
    weekday: int  # 0 = Monday
    start: time
    end: time


def window_refusal(start: time, end: time, opening: tuple[time, time] | None) -> str | None:
    """Why a window cannot be set: it must end after it starts and lie within the day's opening hours
    (seed 000: live at set times; a camera is never live when the location is closed)."""
    if end <= start:
        return "end_before_start"
    if opening is None:
        return "closed_weekday"
    if start < opening[0] or end > opening[1]:
        return "outside_opening_hours"
    return None


def open_window(windows: list[Window], moment: datetime, *, open_today: bool) -> tuple[datetime, datetime] | None:
    """(start, end) of the window open at `moment` (a local, aware datetime), or None. Start inclusive, end
    exclusive; never on a day the location is closed."""
    if not open_today:
        return None
    now = moment.time()
    for window in windows:
        if window.weekday == moment.weekday() and window.start <= now < window.end:
            return (moment.replace(hour=window.start.hour, minute=window.start.minute, second=0, microsecond=0),
                    moment.replace(hour=window.end.hour, minute=window.end.minute, second=0, microsecond=0))
    return None


def next_window(windows: list[Window], moment: datetime) -> Window | None:
    """The next window later today (for "live again at 15:00")."""
    later = [w for w in windows if w.weekday == moment.weekday() and w.start > moment.time()]
    return min(later, key=lambda w: w.start) if later else None


# --- pause ---------------------------------------------------------------------------------------------

PAUSE_CHOICES_MINUTES = (5, 15, 30)
MAX_PAUSE_MINUTES = 8 * 60


def is_paused(paused_until: datetime | None, moment: datetime) -> bool:
    return paused_until is not None and moment < paused_until


# --- retention (seed 003 art. 4: "De beelden worden 30 dagen bewaard") ------------------------------

MAX_RETENTION_DAYS = 30


def retention_days(configured: int | None) -> int:
    """The days recordings are kept: the location's setting, 30 by default, never longer than 30, at least 1."""
    if configured is None:
        return MAX_RETENTION_DAYS
    return max(1, min(int(configured), MAX_RETENTION_DAYS))


def is_past_retention(ended_at: datetime, now: datetime, configured: int | None) -> bool:
    """A recording is deleted once it ended more than the retention ago."""
    return now - ended_at > timedelta(days=retention_days(configured))


# --- who may watch (seed 000; issue 18 point 3) ------------------------------------------------------

OK = "ok"
NOT_A_PARENT_CAMERA = "not_parent_view"
NO_CHILD_IN_GROUP = "no_child_in_group"
NOT_CHECKED_IN = "not_checked_in"
CLOSED_TODAY = "closed_today"
OUTSIDE_WINDOW = "outside_window"
PAUSED = "paused"
FULL = "full"
PROTOCOL_NOT_READ = "protocol_not_read"
INACTIVE = "inactive"


@dataclass(frozen=True)
class WatchFacts:
    """What decides one viewer's look at one camera at one moment."""

    purpose: str
    is_active: bool
    children_in_group: int  # the viewer's (or inviting parent's) children in the camera's group
    checked_in_in_group: int  # of those, present now (checked in today, not yet checked out)
    open_today: bool
    in_window: bool
    paused: bool
    other_viewers: int  # viewers watching now other than this one
    max_viewers: int
    protocol_read: bool = True


def may_watch(facts: WatchFacts) -> str:
    """OK or the first reason why not, in the order a parent can act on it."""
    if facts.purpose != PARENT_VIEW or not facts.is_active:
        return NOT_A_PARENT_CAMERA if facts.purpose != PARENT_VIEW else INACTIVE
    if facts.children_in_group <= 0:
        return NO_CHILD_IN_GROUP
    if not facts.open_today:
        return CLOSED_TODAY
    if not facts.in_window:
        return OUTSIDE_WINDOW
    if facts.checked_in_in_group <= 0:
        return NOT_CHECKED_IN
    if facts.paused:
        return PAUSED
    if facts.other_viewers >= facts.max_viewers:
        return FULL
    if not facts.protocol_read:
        return PROTOCOL_NOT_READ
    return OK


# --- guest links ------------------------------------------------------------------------------------

def guest_link_refusal(*, allowed: bool, used: bool, revoked: bool, now: datetime, starts_at: datetime,
                       expires_at: datetime, same_browser: bool) -> str | None:
    """Why a guest link no longer opens: the location does not allow them, it was withdrawn, its window is over
    (or not begun... a link opens before its window, but shows the stream only during it), or another browser
    opened it first (single use)."""
    if not allowed:
        return "not_allowed"
    if revoked:
        return "revoked"
    if now >= expires_at:
        return "expired"
    if used and not same_browser:
        return "used"
    return None


# --- recordings: two directors (seed 003 art. 5) -----------------------------------------------------

MIN_MOTIVATION_CHARS = 20


def approval_refusal(*, requester_id: int, approver_id: int, approver_is_director: bool,
                     approver_is_coop_admin: bool, directors: int) -> str | None:
    """Why `approver` may not approve a request to view a recording. Seed 003 art. 5: "op initiatief van ten
    minste 2 directieleden". Directors are the location's entrepreneurs; where a location has only one, the
    cooperative admin is the second pair of eyes (approves, never views)."""
    if approver_id == requester_id:
        return "own_request"
    if approver_is_director:
        return None
    if approver_is_coop_admin and directors < 2:
        return None
    return "not_a_director"


def motivation_refusal(text: str) -> str | None:
    return "motivation_too_short" if len((text or "").strip()) < MIN_MOTIVATION_CHARS else None


def window_end_on(day: date, end: time, tzinfo) -> datetime:
    return datetime.combine(day, end, tzinfo=tzinfo)
