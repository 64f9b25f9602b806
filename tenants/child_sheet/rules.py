"""Rules of the child information sheet (inlichtingsfiche, seed 003 §6.2) as plain functions, without Django.

- Allergies are recorded as the 14 allergens that must be declared on food (Regulation (EU) No 1169/2011,
  Annex II), by code, plus free text for anything else; the menu check compares codes.
- Diets are codes of common diets plus free text (seed 003 §4.7.2: the parents pass on a diet).
- A change to the sheet is "new" for a staff member when it is later than her last look at the sheet, and at
  most CHANGE_HIGHLIGHT_DAYS old (a sheet never looked at shows the last week's changes).
"""
from datetime import datetime, timedelta

#: Regulation (EU) No 1169/2011, Annex II — the 14 allergens, by code (English labels: labels.py).
EU_ALLERGENS: dict[str, str] = {
    "gluten": "Cereals containing gluten",
    "crustaceans": "Crustaceans",
    "eggs": "Eggs",
    "fish": "Fish",
    "peanuts": "Peanuts",
    "soybeans": "Soybeans",
    "milk": "Milk",
    "nuts": "Nuts",
    "celery": "Celery",
    "mustard": "Mustard",
    "sesame": "Sesame seeds",
    "sulphites": "Sulphur dioxide and sulphites",
    "lupin": "Lupin",
    "molluscs": "Molluscs",
}

#: Diets a parent can tick (seed 003 §4.7.2: culture- and religion-bound eating habits, medical diets).
DIETS: dict[str, str] = {
    "vegetarian": "Vegetarian",
    "vegan": "Vegan",
    "halal": "Halal",
    "kosher": "Kosher",
    "no_pork": "No pork",
    "gluten_free": "Gluten-free",
    "lactose_free": "Lactose-free",
}

CHANGE_HIGHLIGHT_DAYS = 7
MAX_TEXT = 2000


def unknown_allergens(codes) -> list[str]:
    """The codes that are not one of the 14 EU allergens (empty: all known)."""
    return sorted({code for code in codes if code not in EU_ALLERGENS})


def unknown_diets(codes) -> list[str]:
    return sorted({code for code in codes if code not in DIETS})


def ordered_allergens(codes) -> list[str]:
    """The codes in the order of Annex II."""
    wanted = set(codes)
    return [code for code in EU_ALLERGENS if code in wanted]


def highlight_since(last_look: datetime | None, now: datetime) -> datetime:
    """From when changes count as new for someone who last looked at `last_look`."""
    floor = now - timedelta(days=CHANGE_HIGHLIGHT_DAYS)
    if last_look is None:
        return floor
    return max(last_look, floor)


def is_new(changed_at: datetime | None, last_look: datetime | None, now: datetime) -> bool:
    """Whether a change at `changed_at` is shown highlighted to someone who last looked at `last_look`."""
    if changed_at is None:
        return False
    return changed_at > highlight_since(last_look, now)
