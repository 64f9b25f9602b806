"""Rules of contagious diseases in a group (besmettelijke ziekte melden), as plain functions without Django.

Seed 003 §4.6.2: with a contagious disease the location warns the parents, always by e-mail and always anonymously;
in some cases it must also tell the agency, and it follows the agency's advice. Which diseases must be told, and
when (always, or from a number of cases in one group within some days), is the disease table of the location's
jurisdiction (tenants/outbreaks/diseases.py, chosen by jurisdictions.Health.checklist).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


def gettext_noop(message: str) -> str:
    return message


ALWAYS = "always"      # a notifiable disease: every case is told
CLUSTER = "cluster"    # told from `cluster_cases` cases in one group within `cluster_days` days
NEVER = "never"


@dataclass(frozen=True)
class Disease:
    key: str
    label: str                 # English
    advice: str                # English: what the parents of the group read
    report: str = NEVER
    cluster_cases: int = 0
    cluster_days: int = 0
    away: str = ""             # English: whether a sick child stays home, and until when
    source: str = ""


@dataclass(frozen=True)
class AgencyVerdict:
    must_tell: bool
    reason: str                # English template (with %(n)s and %(days)s), translated where shown
    cases: int                 # cases of the disease in the group within the window, this one included


def cases_within(disease: Disease, noticed_on: date, earlier: list[date]) -> int:
    """This case and the earlier cases of the same disease in the same group within the disease's window (the
    window counts back `cluster_days` days including the day noticed; cases after `noticed_on` do not count)."""
    if disease.cluster_days <= 0:
        return 1 + sum(1 for day in earlier if day == noticed_on)
    first = noticed_on - timedelta(days=disease.cluster_days - 1)
    return 1 + sum(1 for day in earlier if first <= day <= noticed_on)


def agency_verdict(disease: Disease, noticed_on: date, earlier: list[date]) -> AgencyVerdict:
    """Whether the location must tell the agency of this case, and why."""
    cases = cases_within(disease, noticed_on, earlier)
    if disease.report == ALWAYS:
        return AgencyVerdict(True, gettext_noop("A notifiable disease: every case is reported."), cases)
    if disease.report == CLUSTER and cases >= disease.cluster_cases:
        return AgencyVerdict(True, gettext_noop("%(n)s or more cases in one group within %(days)s days: report "
                                                "them."), cases)
    if disease.report == CLUSTER:
        return AgencyVerdict(False, gettext_noop("Reported from %(n)s cases in one group within %(days)s days."),
                             cases)
    return AgencyVerdict(False, gettext_noop("Not reported, unless the agency asks."), cases)


def reason_values(disease: Disease) -> dict:
    return {"n": disease.cluster_cases, "days": disease.cluster_days}


def notice_text_errors(advice: str, child_names: list[str]) -> list[str]:
    """A notice to the group's parents is anonymous: it may not contain a name of a child of the location."""
    lowered = (advice or "").lower()
    for name in child_names:
        name = (name or "").strip().lower()
        if len(name) >= 2 and _word_in(name, lowered):
            return [gettext_noop("The notice is anonymous: leave out the child's name.")]
    return []


def _word_in(word: str, text: str) -> bool:
    import re

    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None
