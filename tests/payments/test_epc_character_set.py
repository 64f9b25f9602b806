"""Names and texts in SEPA files and QR codes are reduced to the EPC's basic Latin character set that every
bank accepts (EPC217-08, "SEPA requirements for an extended character set", the basic set):
a-z A-Z 0-9 / - ? : ( ) . , ' + and space."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billing.payments import rules


@pytest.mark.parametrize("text, cleaned", [
    ("Zoë van Dijk-Ölçer", "Zoe van Dijk-Olcer"),
    ("Crèche Les Petits Génies", "Creche Les Petits Genies"),
    ("Müller & Söhne", "Muller en Sohne"),
    ("Straße", "Strasse"),
    ("<script>alert(1)</script>", "script alert(1) /script"),
    ("Kinderopvang 't Pagadderke", "Kinderopvang 't Pagadderke"),
    ("Łukasz Żółć", "Lukasz Zolc"),
    ("Factuur 000123 — € 10", "Factuur 000123 - EUR 10"),
    ("  many   spaces\tand\nnewlines ", "many spaces and newlines"),
    ("50% korting; #1 @ home", "50 korting 1 at home"),
    ("", ""),
])
def test_epc_text(text, cleaned):
    assert rules.epc_text(text) == cleaned


def test_epc_text_keeps_to_the_length():
    assert rules.epc_text("é" * 100, 70) == "e" * 70


@given(st.text())
def test_nothing_outside_the_basic_set_ever_passes(text):
    assert re.fullmatch(r"[a-zA-Z0-9/\-?:().,'+ ]*", rules.epc_text(text))
