"""Slug, schema-name and LRK rules of a location (cooperative.rules), as a table of cases."""
import pytest

from cooperative import rules


@pytest.mark.parametrize(
    "slug, ok",
    [
        ("kikker", True),
        ("de-boomhut", True),
        ("bso-2", True),
        ("public", False),
        ("www", False),
        ("api", False),
        ("admin", False),
        ("static", False),
        ("9lives", False),
        ("Hello World", False),
        ("a--b", False),
        ("-a", False),
        ("a-", False),
        ("pg-test", False),
        ("x" * 41, False),
        ("", False),
    ],
)
def test_slug_rules(slug, ok):
    assert (rules.slug_errors(slug) == []) is ok


def test_schema_name_uses_underscores():
    assert rules.schema_name_for("de-boomhut") == "de_boomhut"


@pytest.mark.parametrize(
    "kind, jurisdiction, lrk, error_keys",
    [
        ("kdv", "NL", {"kdv": "123456789"}, set()),
        ("kdv", "NL", {}, set()),
        ("kdv", "NL", {"kdv": "12345678"}, {"kdv"}),
        ("kdv", "NL", {"kdv": "12345678a"}, {"kdv"}),
        ("kdv", "NL", {"bso": "123456789"}, {"bso"}),
        ("kindercentrum", "NL", {"kdv": "123456789", "bso": "987654321"}, set()),
        ("gastouder", "NL", {"gastouder": "123456789"}, set()),
        ("kdv", "BE-VLG", {"kdv": "123456789"}, {"lrk_numbers"}),
        ("kdv", "BE-VLG", {}, set()),
    ],
)
def test_lrk_rules(kind, jurisdiction, lrk, error_keys):
    assert set(rules.lrk_errors(kind, jurisdiction, lrk)) == error_keys
