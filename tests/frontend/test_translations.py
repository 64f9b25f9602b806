"""Dutch is the default language: every text of the product has a Dutch translation, none of them fuzzy; the Flemish
catalogue (nl-BE) holds only texts of the Dutch one, none of them empty or fuzzy either.

Two checks: the committed Dutch catalogue has no empty or fuzzy entry, and a fresh `makemessages` over
the current sources (in a temporary copy of the tree) finds no text that the catalogue lacks.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("frontend/locale/nl/LC_MESSAGES/django.po")
#: The Flemish words (nl-BE): only the texts that differ in Flanders; gettext falls back to nl for the rest.
FLEMISH = Path("frontend/locale/nl_BE/LC_MESSAGES/django.po")
SOURCES = ["platform", "tenants", "billing", "frontend"]
SKIP = shutil.ignore_patterns("node_modules", "staticfiles", "__pycache__", "*.mo", "static")


def _unquote(parts: list[str]) -> str:
    return "".join(bytes(p, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") for p in parts)


def untranslated(po_text: str) -> list[str]:
    """msgids whose Dutch text is empty (any plural form) or marked fuzzy."""
    problems = []
    for block in po_text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields: dict[str, list[str]] = {}
        current = None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if match:
                current = match.group(1)
                fields[current] = [match.group(2)]
            elif line.startswith('"') and current:
                fields[current].append(line[1:-1])
            elif line.startswith("#~"):
                current = None
        if "msgid" not in fields:
            continue
        msgid = _unquote(fields["msgid"])
        if not msgid:
            continue  # the header
        translations = [_unquote(v) for k, v in fields.items() if k.startswith("msgstr")]
        if fuzzy or not translations or any(not t.strip() for t in translations):
            problems.append(msgid)
    return problems


def test_parser_finds_empty_and_fuzzy_entries():
    po = ('msgid ""\nmsgstr "Language: nl\\n"\n\nmsgid "Yes"\nmsgstr "Ja"\n\nmsgid "No"\nmsgstr ""\n\n'
          '#, fuzzy, python-format\nmsgid "Hi %(n)s"\nmsgstr "Hoi %(n)s"\n\n'
          'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "een"\nmsgstr[1] ""\n\n'
          'msgid ""\n"Long "\n"text"\nmsgstr ""\n"Lange "\n"tekst"\n')
    assert untranslated(po) == ["No", "Hi %(n)s", "one"]


def test_dutch_catalogue_has_no_empty_or_fuzzy_translation():
    text = (ROOT / CATALOGUE).read_text(encoding="utf-8")
    assert untranslated(text) == []
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(ROOT / CATALOGUE)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def msgids(po_text: str) -> set[str]:
    """Every msgid of a catalogue (also of entries that follow each other without a blank line)."""
    found = set()
    for match in re.finditer(r'^msgid "(.*)"\n((?:".*"\n)*)', po_text, flags=re.M):
        parts = [match.group(1)] + re.findall(r'^"(.*)"$', match.group(2), flags=re.M)
        if _unquote(parts):
            found.add(_unquote(parts))
    return found


def test_flemish_catalogue_has_no_empty_or_fuzzy_translation_and_only_texts_of_the_dutch_one():
    text = (ROOT / FLEMISH).read_text(encoding="utf-8")
    assert untranslated(text) == []
    check = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(ROOT / FLEMISH)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    orphans = msgids(text) - msgids((ROOT / CATALOGUE).read_text(encoding="utf-8"))
    assert orphans == set(), "Flemish texts whose English msgid the product no longer has"


def test_every_text_in_the_sources_has_a_dutch_translation(tmp_path):
    """Runs makemessages over a copy of the current sources, so a newly marked text without Dutch fails."""
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, tmp_path / name, ignore=SKIP)
    (tmp_path / CATALOGUE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / CATALOGUE, tmp_path / CATALOGUE)
    env = {**os.environ, "DJANGO_ENV": "test", "PYTHONPATH": f"{tmp_path}{os.pathsep}{tmp_path / 'platform'}",
           # makemessages never connects; a URL keeps settings from starting the embedded server.
           "DATABASE_URL": "postgres://unused@127.0.0.1:1/unused"}
    result = subprocess.run(
        [sys.executable, "platform/manage.py", "makemessages", "-l", "nl", "--no-obsolete",
         "--ignore=node_modules", "--ignore=staticfiles", "-v", "0"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    missing = untranslated((tmp_path / CATALOGUE).read_text(encoding="utf-8"))
    assert missing == [], f"Texts without a Dutch translation (run makemessages and translate): {missing}"


def test_the_compiled_dutch_catalogue_is_used():
    with translation.override("nl"):
        assert translation.gettext("Log out") == "Uitloggen"
        assert translation.gettext("Children") == "Kinderen"
    with translation.override("en"):
        assert translation.gettext("Log out") == "Log out"


def test_the_compiled_flemish_catalogue_is_used_with_the_dutch_one_behind_it():
    with translation.override("nl-be"):
        assert translation.gettext("Entrepreneur") == "Organisator"
        assert translation.gettext("Log out") == "Uitloggen"
