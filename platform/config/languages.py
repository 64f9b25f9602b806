"""The languages of the product are the catalogues in frontend/locale: adding a language is adding its
translation files (`makemessages -l <code>`, translate, `make messages`), nothing else. Each language is
offered under its own name (Nederlands, English, Polski …), the way a parent looks for it."""
from pathlib import Path

from django.conf.locale import LANG_INFO


def languages_in(locale_dir: Path, default: str) -> list[tuple[str, str]]:
    """(code, own name) for every catalogue under `locale_dir`, the default language first."""
    codes = {po.parent.parent.name for po in Path(locale_dir).glob("*/LC_MESSAGES/django.po")} | {default}
    found = []
    for code in sorted(codes, key=lambda c: (c != default, c)):
        django_code = code.replace("_", "-").lower()
        info = LANG_INFO.get(django_code) or LANG_INFO.get(django_code.split("-")[0]) or {}
        found.append((django_code, info.get("name_local", code)))
    return found
