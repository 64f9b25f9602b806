"""The checklists of conditions and symptoms (ziekten en symptomen) a location decides admission by. Plain data,
no Django; texts in English, marked for translation and translated where shown.

- `vlg_kind_en_gezin`: the checklist of Kind en Gezin that the Flemish house rules follow (seed 003 §4.6.1, the
  table "toegelaten / niet toegelaten in de opvang", Opgroeien 3/2022), with the two general grounds above it.
- `nl_ggd`: a Dutch location's own health policy in the style of the GGD/RIVM handbook "Gezondheidsrisico's in een
  kindercentrum": a child is kept home mostly because it is too ill to take part, rarely to protect the others;
  the parents are called and the child is collected when it cannot take part. Fever is 38.0 °C or more here too,
  but there is no fixed 24-hour rule: the child comes back when it can take part again.

Which checklist a location uses is its jurisdiction's policy (jurisdictions.Health.checklist); the location
adjusts rows or adds its own (tenants.sickness.models.OwnRow, rules.adjusted).
"""
from tenants.sickness.rules import ADMITTED, CONDITIONS, FEVER, NOT_ADMITTED, Checklist, Row, gettext_noop

KEG = "seed 003 §4.6.1 (checklist Kind en Gezin)"
KEG_GENERAL = "seed 003 §4.6.1 (when a child cannot come)"
GGD = "health policy after GGD/RIVM, Gezondheidsrisico's in een kindercentrum"

BACK_NO_SYMPTOMS = gettext_noop("When none of the symptoms of the right-hand column are left.")
BACK_FEVER_24 = gettext_noop("After at least 24 hours without fever (38.0 °C or more), unless the fever followed a "
                             "vaccination.")
BACK_TAKE_PART = gettext_noop("When the child can take part in the day again.")
CALL_PARENTS = gettext_noop("The parents are called; the child is collected when it cannot take part.")

RUNNY_NOSE = gettext_noop("Runny nose")
MILD_COUGH = gettext_noop("Mild cough")
MILD_COLD = gettext_noop("Mild cold: runny nose and a little cough without fever")
CHRONIC_COUGH = gettext_noop("Known chronic cough (hyperreactive airways)")
LOOSE_STOOLS = gettext_noop("Chronically looser stools or a single watery stool")
REFLUX = gettext_noop("Spitting up a little, vomiting because of known reflux")
FEVER_LABEL = gettext_noop("Fever (measured rectally) of 38.0 °C or more, except after a vaccination")
SUDDEN_COUGH = gettext_noop("Sudden cough with breathing difficulties")
BREATHING = gettext_noop("Breathing difficulties")
WATERY_STOOLS = gettext_noop("Sudden change of stool pattern with 2 or more watery stools a day")
VOMITING = gettext_noop("Vomiting blood or repeated vomiting (not reflux)")
RASH = gettext_noop("Sudden rash or blisters")
TOO_ILL = gettext_noop("Too ill to take part in the normal activities")
TOO_MUCH_CARE = gettext_noop("Needs so much care that the other children get too little attention")
BLOODY_STOOLS = gettext_noop("Blood in the stools (bloody diarrhoea)")

VLG_KIND_EN_GEZIN = Checklist(
    key="vlg_kind_en_gezin",
    name=gettext_noop("Checklist of illnesses and symptoms of Kind en Gezin"),
    source=KEG,
    rows=(
        Row("runny_nose", RUNNY_NOSE, ADMITTED, KEG),
        Row("mild_cough", MILD_COUGH, ADMITTED, KEG),
        Row("mild_cold", MILD_COLD, ADMITTED, KEG),
        Row("chronic_cough", CHRONIC_COUGH, ADMITTED, KEG),
        Row("loose_stools", LOOSE_STOOLS, ADMITTED, KEG),
        Row("reflux", REFLUX, ADMITTED, KEG),
        Row(FEVER, FEVER_LABEL, NOT_ADMITTED, KEG, back=BACK_FEVER_24),
        Row("sudden_cough", SUDDEN_COUGH, NOT_ADMITTED, KEG, back=BACK_NO_SYMPTOMS),
        Row("breathing", BREATHING, NOT_ADMITTED, KEG, back=BACK_NO_SYMPTOMS),
        Row("watery_stools", WATERY_STOOLS, NOT_ADMITTED, KEG, back=BACK_NO_SYMPTOMS),
        Row("vomiting", VOMITING, NOT_ADMITTED, KEG, back=BACK_NO_SYMPTOMS),
        Row("rash", RASH, NOT_ADMITTED, KEG, back=BACK_NO_SYMPTOMS),
        Row("too_ill", TOO_ILL, NOT_ADMITTED, KEG_GENERAL, back=BACK_TAKE_PART),
        Row("too_much_care", TOO_MUCH_CARE, NOT_ADMITTED, KEG_GENERAL, back=BACK_TAKE_PART),
    ),
    fever_free_hours=24,
    vaccination_exception=True,
)

NL_GGD = Checklist(
    key="nl_ggd",
    name=gettext_noop("Health policy: sick children (after GGD/RIVM)"),
    source=GGD,
    rows=(
        Row("runny_nose", RUNNY_NOSE, ADMITTED, GGD),
        Row("mild_cough", MILD_COUGH, ADMITTED, GGD),
        Row("mild_cold", MILD_COLD, ADMITTED, GGD),
        Row("chronic_cough", CHRONIC_COUGH, ADMITTED, GGD),
        Row("loose_stools", LOOSE_STOOLS, ADMITTED, GGD),
        Row("reflux", REFLUX, ADMITTED, GGD),
        Row(FEVER, FEVER_LABEL, CONDITIONS, GGD, condition=CALL_PARENTS, back=BACK_TAKE_PART),
        Row("sudden_cough", SUDDEN_COUGH, NOT_ADMITTED, GGD,
            condition=gettext_noop("The parents are called and advised to see the GP."), back=BACK_TAKE_PART),
        Row("breathing", BREATHING, NOT_ADMITTED, GGD,
            condition=gettext_noop("The parents are called and advised to see the GP; in an emergency call 112."),
            back=BACK_TAKE_PART),
        Row("watery_stools", WATERY_STOOLS, CONDITIONS, GGD,
            condition=gettext_noop("Admitted when the child can take part and the nappy holds the stools; extra "
                                   "hand hygiene."), back=BACK_TAKE_PART),
        Row("bloody_stools", BLOODY_STOOLS, NOT_ADMITTED, GGD,
            condition=gettext_noop("Kept home until the GGD advises otherwise."),
            back=gettext_noop("When the GGD says the child may come back.")),
        Row("vomiting", VOMITING, CONDITIONS, GGD, condition=CALL_PARENTS, back=BACK_TAKE_PART),
        Row("rash", RASH, CONDITIONS, GGD,
            condition=gettext_noop("The parents are called; two or more children with a new rash in one group "
                                   "within two weeks are reported to the GGD."), back=BACK_TAKE_PART),
        Row("too_ill", TOO_ILL, NOT_ADMITTED, GGD, back=BACK_TAKE_PART),
        Row("too_much_care", TOO_MUCH_CARE, NOT_ADMITTED, GGD, back=BACK_TAKE_PART),
    ),
    fever_free_hours=None,
    vaccination_exception=True,
)

CHECKLISTS = {checklist.key: checklist for checklist in (VLG_KIND_EN_GEZIN, NL_GGD)}


def checklist(key: str) -> Checklist:
    """The checklist of a key from the jurisdiction policy; an unknown key is refused, never guessed."""
    try:
        return CHECKLISTS[key]
    except KeyError:
        raise LookupError(f"no sickness checklist {key!r}") from None
