"""Rules of consents (toestemmingen) and the vaccination status, as plain functions without Django.

Consents. A parent gives or withdraws each consent for her child, against a version of the location's text; every
decision is kept (date, version, who). What counts (`may`):
- the latest decision was a withdrawal: not allowed, whatever the version;
- the latest decision gave consent to the text in force: allowed;
- no decision, or consent to an earlier version of the text: the default of the kind. Photos (in the handover, on
  the website) and the webcam need explicit consent (GDPR art. 6(1)(a), 7 and 8: consent is a clear affirmative act,
  silence is no consent; a new text asks for it again). Sunscreen is a product put on the child's skin that may not
  suit every child: explicit consent too. Trips outside are agreed to by
  enrolling (seed 003 §4.7.4: "stemt u ermee in dat uw kind mee mag gaan op uitstappen" when announced beforehand and
  supervised), so they are allowed until the parent withdraws.

Vaccinations (seed 003 §4.7.5): in Belgium only the polio vaccination is mandatory; the location advises the
recommended schedule (Kind en Gezin's basic schedule; in the Netherlands the Rijksvaccinatieprogramma, not
mandatory). Which vaccinations are mandatory comes from the jurisdiction's policy (`mandatory_vaccinations`).
"""
from dataclasses import dataclass
from datetime import datetime


def gettext_noop(message: str) -> str:
    return message


HANDOVER_PHOTOS = "handover_photos"
WEBSITE_PHOTOS = "website_photos"
TRIPS = "trips_outside"
SUNSCREEN = "sunscreen"
WEBCAM = "webcam"
KINDS = (HANDOVER_PHOTOS, WEBSITE_PHOTOS, TRIPS, SUNSCREEN, WEBCAM)

#: Allowed when the parent has not decided (see the module docstring).
ALLOWED_UNLESS_WITHDRAWN = {TRIPS}

#: Version 1 of each text, used until the location writes its own (English, stored in the location's language).
DEFAULT_TEXTS = {
    HANDOVER_PHOTOS: gettext_noop("Staff may take photos of my child and show them to me (and my child's other "
                                  "parent) in the daily handover. The photos are seen by nobody else."),
    WEBSITE_PHOTOS: gettext_noop("The location may show photos on which my child can be recognised on its website "
                                 "and in its printed information."),
    TRIPS: gettext_noop("My child may go on trips outside the location (the playground, the park, a shop) with "
                        "enough staff. Larger trips are announced beforehand."),
    SUNSCREEN: gettext_noop("Staff may put the location's sunscreen on my child when the sun requires it."),
    WEBCAM: gettext_noop("My child may be seen by the parents of the group on the location's webcam, at the set "
                         "times and only in the play and eating areas."),
}

MAX_TEXT = 4000


@dataclass(frozen=True)
class Decision:
    given: bool
    version: int


def may(kind: str, latest: Decision | None, current_version: int) -> bool:
    """Whether the child may (see the module docstring). `latest` is the parent's latest decision for `kind`."""
    if latest is not None and not latest.given:
        return False
    if latest is not None and latest.version == current_version:
        return True
    return kind in ALLOWED_UNLESS_WITHDRAWN


def decision_errors(kind: str, given, version: int | None, current_version: int) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if kind not in KINDS:
        errors["kind"] = [gettext_noop("Choose one of the consents.")]
    if not isinstance(given, bool):
        errors["given"] = [gettext_noop("Say whether you give or withdraw the consent.")]
    if version is not None and version != current_version:
        errors["version"] = [gettext_noop("The text has changed since you opened the page; read the new text.")]
    return errors


def text_errors(text: str) -> dict[str, list[str]]:
    text = (text or "").strip()
    if not text:
        return {"text": [gettext_noop("Write the text parents agree to.")]}
    if len(text) > MAX_TEXT:
        return {"text": [gettext_noop("At most 4000 characters.")]}
    return {}


# --- vaccinations ---------------------------------------------------------------------------------------------

FOLLOWS_SCHEDULE = "follows_schedule"
PARTLY = "partly"
NOT_VACCINATED = "not_vaccinated"
NOT_TOLD = "not_told"
SCHEDULE_STATES = (FOLLOWS_SCHEDULE, PARTLY, NOT_VACCINATED, NOT_TOLD)


@dataclass(frozen=True)
class VaccinationStatus:
    schedule: str
    mandatory_given: bool
    recorded_at: datetime | None = None


def vaccination_notes(mandatory: tuple[str, ...], status: VaccinationStatus | None) -> list[str]:
    """What staff should know of a child's vaccinations (empty: nothing). Mandatory vaccinations come from the
    jurisdiction (Belgium: polio, seed 003 §4.7.5)."""
    notes = []
    if status is None or status.schedule == NOT_TOLD:
        notes.append(gettext_noop("Vaccination status not told yet."))
    if mandatory and (status is None or not status.mandatory_given):
        notes.append(gettext_noop("The mandatory vaccination is not confirmed."))
    return notes
