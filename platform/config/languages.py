"""The languages of the product are the catalogues in frontend/locale: adding a language is adding its
translation files (`makemessages -l <code>`, translate, `make messages`), nothing else. Each language is
offered under its own name (Nederlands, English, Polski …), the way a parent looks for it.

A regional variant (nl-BE, Flemish) holds only the texts that differ from its base language (gettext falls back
to nl for the rest). A location speaks the variant of its jurisdiction (`Policy.language`) to everyone who reads
that base language: a Flemish location says "opvangplan" to a person who chose Dutch (`language_at`)."""
from pathlib import Path

from django.conf.locale import LANG_INFO

#: Own names of the variants Django does not know by name (it would call nl-be "Nederlands", like nl).
VARIANT_NAMES = {
    "nl-be": {"bidi": False, "code": "nl-be", "name": "Flemish", "name_local": "Nederlands (België)"},
}
for _code, _info in VARIANT_NAMES.items():
    LANG_INFO.setdefault(_code, _info)


def languages_in(locale_dir: Path, default: str) -> list[tuple[str, str]]:
    """(code, own name) for every catalogue under `locale_dir`, the default language first."""
    codes = {po.parent.parent.name for po in Path(locale_dir).glob("*/LC_MESSAGES/django.po")} | {default}
    found = []
    for code in sorted(codes, key=lambda c: (c != default, c)):
        django_code = code.replace("_", "-").lower()
        info = LANG_INFO.get(django_code) or LANG_INFO.get(django_code.split("-")[0]) or {}
        found.append((django_code, info.get("name_local", code)))
    return found


def base_language(code: str) -> str:
    """The language of a code without its region: nl for nl-be."""
    return code.lower().replace("_", "-").split("-")[0]


def language_at(location_language: str | None, person_language: str) -> str:
    """The language a person reads at a location: the location's own variant of the person's language (a
    Flemish location answers "nl" with "nl-be", a Dutch one "nl-be" with "nl"); any other language as chosen."""
    if location_language and base_language(location_language) == base_language(person_language):
        return location_language.lower()
    return person_language


def reader_language(person_language: str | None, location=None) -> str:
    """The language of a text for one person (an e-mail, a PDF): their own, or the default; about a location in
    that location's variant of it (`language_at`)."""
    from django.conf import settings
    from jurisdictions import policy

    language = person_language or settings.LANGUAGE_CODE
    if location is not None:
        language = language_at(policy(location.jurisdiction).language, language)
    return language
