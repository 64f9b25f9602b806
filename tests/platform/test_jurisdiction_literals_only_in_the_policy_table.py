"""Code asks the jurisdiction policy table (platform/jurisdictions) and never compares a jurisdiction's code:
a quoted code ("NL", 'BE-VLG', any code of the table) may stand only in the table itself, in migrations, in
tests and in the demo's data rows. Adding a jurisdiction is then an entry in the table, not a hunt through the
code base (issue 15, "a jurisdiction policy table instead of branches")."""
import os
import re
from pathlib import Path

from jurisdictions import CODES

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = {".py", ".html", ".txt"}
SKIPPED_DIRS = {".venv", "node_modules", "var", "staticfiles", "__pycache__", ".git", "migrations"}
LITERAL = re.compile("[\"'](?:" + "|".join(re.escape(code) for code in CODES) + ")[\"']")

#: Where a code belongs for good: the table, the tests.
ALLOWED_PREFIXES = ("platform/jurisdictions/", "tests/")
#: The demo's locations are data: each row names its jurisdiction.
ALLOWED_LINES = {"platform/cooperative/demo.py": re.compile(r"^\s*dict\(slug=")}

#: TEMPORARY: files still being converted to the policy table. Empty this list when they are done; the last
#: test below says which entry is no longer needed.
TEMPORARY_ALLOWED = ()


def source_files():
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = sorted(name for name in dirs if name not in SKIPPED_DIRS)
        for name in sorted(names):
            path = Path(folder, name)
            if path.suffix in SUFFIXES:
                yield path.relative_to(ROOT).as_posix(), path


def literals(relative: str, path: Path) -> list[str]:
    allowed_line = ALLOWED_LINES.get(relative)
    return [f"{relative}:{number}: {line.strip()}"
            for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
            if LITERAL.search(line) and not (allowed_line and allowed_line.match(line))]


def test_no_jurisdiction_code_outside_the_policy_table():
    found = [hit for relative, path in source_files()
             if not relative.startswith(ALLOWED_PREFIXES) and relative not in TEMPORARY_ALLOWED
             for hit in literals(relative, path)]
    assert found == [], "ask jurisdictions.policy(code) instead of comparing codes:\n" + "\n".join(found)


def test_the_check_finds_a_code_in_a_template_and_in_python():
    assert LITERAL.search('{% if site_location.jurisdiction == "BE-VLG" %}')
    assert LITERAL.search("if jurisdiction == 'NL':")
    assert not LITERAL.search('language = "nl"')


def test_every_temporary_entry_still_has_a_code_to_convert():
    files = dict(source_files())
    done = [relative for relative in TEMPORARY_ALLOWED
            if relative not in files or not literals(relative, files[relative])]
    assert done == [], f"converted: remove {done} from TEMPORARY_ALLOWED"
