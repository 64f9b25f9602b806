"""Case text is encrypted at rest: the raw columns hold no plain text; keys rotate; no key, no case."""
import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from safeguarding import crypto, services
from safeguarding.models import Case, CaseStep

from .conftest import DESCRIPTION, PLACE

CASE_COLUMNS = ["child_names", "observed_place", "description", "subject_name", "subject_relation",
                "outcome_notes"]


def raw(table, columns, pk):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = %s", [pk])
        return cursor.fetchone()


def raw_table_text(table) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT t::text FROM {table} t")
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def full_case(world, report, housemate_name):
    case = report(route=2, housemate=housemate_name, relation="Stiefzoon-relatie")
    services.record_step(case, actor=world.pedagogue, step="map_signs", done_on=case.observed_on,
                         who="Margriet Overlegpartner", notes="Signalenlijst ingevuld: Ballonvaarder.")
    services.record_step(case, actor=world.pedagogue, step="decide", done_on=case.observed_on, who="Pedagoog")
    services.record_step(case, actor=world.pedagogue, step="notify_inspector", done_on=case.observed_on,
                         who="Pedagoog")
    services.close_case(case, actor=world.pedagogue, outcome="help", notes="Hulp via huisarts: Kaasschaaf.")
    return case


def test_the_database_holds_no_case_text_in_plain_form(full_case, housemate_name):
    values = raw("safeguarding_case", CASE_COLUMNS, full_case.pk)
    for value in values:
        assert value and value.startswith("gAAAAA"), value  # a Fernet token
    everything = raw_table_text("safeguarding_case") + raw_table_text("safeguarding_casestep")
    for secret in ("Zeppelinvlek", "Kneuzing", PLACE, "Saartje", "Verbeek", housemate_name, "Stiefzoon",
                   "Margriet", "Ballonvaarder", "Kaasschaaf", "huisarts"):
        assert secret not in everything, f"{secret!r} is stored in plain form"
    # and the application reads it back
    case = Case.objects.get(pk=full_case.pk)
    assert case.description == DESCRIPTION and case.observed_place == PLACE
    assert case.subject_name == housemate_name and case.outcome_notes == "Hulp via huisarts: Kaasschaaf."
    assert CaseStep.objects.get(case=case, step="map_signs").notes == "Signalenlijst ingevuld: Ballonvaarder."


def test_the_audit_trail_and_reminders_hold_no_case_text(full_case):
    text = raw_table_text("safeguarding_caseauditentry") + raw_table_text("safeguarding_remindersent")
    for secret in ("Zeppelinvlek", PLACE, "Saartje", "Ballonvaarder", "Kaasschaaf"):
        assert secret not in text


def test_case_text_cannot_be_searched(full_case):
    assert not Case.objects.filter(description=DESCRIPTION).exists()
    assert not Case.objects.filter(description__icontains="Zeppelinvlek").exists()


def test_rotating_the_key_re_encrypts_every_value(full_case, settings):
    old_key = settings.MELDCODE_KEYS[0]
    before = raw("safeguarding_case", CASE_COLUMNS, full_case.pk)
    step_before = raw("safeguarding_casestep", ["who", "notes"], full_case.steps.first().pk)
    new_key = Fernet.generate_key().decode()
    settings.MELDCODE_KEYS = [new_key, old_key]
    call_command("rotate_meldcode_key")
    after = raw("safeguarding_case", CASE_COLUMNS, full_case.pk)
    assert all(a != b for a, b in zip(after, before, strict=True))
    assert raw("safeguarding_casestep", ["who", "notes"], full_case.steps.first().pk) != step_before
    settings.MELDCODE_KEYS = [new_key]  # the old key is gone: everything still reads
    case = Case.objects.get(pk=full_case.pk)
    assert case.description == DESCRIPTION
    assert [s.who for s in CaseStep.objects.filter(case=case)]
    assert case.audit_entries.filter(action="rotated").count() == 1
    settings.MELDCODE_KEYS = [old_key]  # and the old key alone no longer does
    with pytest.raises(ImproperlyConfigured) as error:
        Case.objects.get(pk=full_case.pk)
    assert "Zeppelinvlek" not in str(error.value)


def test_without_keys_no_case_is_written_or_read(world, report, settings):
    case = report()
    settings.MELDCODE_KEYS = []
    with pytest.raises(ImproperlyConfigured):
        Case.objects.get(pk=case.pk)
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")


def test_generate_prints_a_usable_key(capsys):
    call_command("rotate_meldcode_key", "--generate")
    key = capsys.readouterr().out.strip()
    Fernet(key.encode())
