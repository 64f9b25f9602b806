"""The contagious diseases a location records in a group, with the advice its parents receive and whether the
agency must be told. Plain data, no Django; English texts marked for translation.

Two tables, chosen by the jurisdiction's policy (jurisdictions.Health.checklist):
- `vlg_kind_en_gezin`: the advice of Kind en Gezin that the Flemish house rules follow (seed 003 §4.6.2), with the
  notifiable diseases the infectious-disease team of the Agentschap Zorg en Gezondheid must hear of;
- `nl_ggd`: the GGD/RIVM handbook "Gezondheidsrisico's in een kindercentrum": children are rarely kept home, and
  art. 26 Wet publieke gezondheid has a centre report an unusual number of cases (and the GGD asks to hear of
  whooping cough and measles at once).
The location checks the table against its own health policy; these are defaults.
"""
from tenants.outbreaks.rules import ALWAYS, CLUSTER, NEVER, Disease, gettext_noop

VLG = "seed 003 §4.6.2 (advice of Kind en Gezin)"
NL = "GGD/RIVM, Gezondheidsrisico's in een kindercentrum; art. 26 Wpg"

CHICKENPOX = gettext_noop("Chickenpox (waterpokken)")
CHICKENPOX_ADVICE = gettext_noop(
    "A child in the group has chickenpox. It spreads easily, also before the blisters show. Watch your child for "
    "fever and itchy blisters in the coming three weeks. Pregnant women who never had chickenpox, and people with "
    "weak immunity, should ask their doctor for advice.")
IMPETIGO = gettext_noop("Impetigo (krentenbaard)")
IMPETIGO_ADVICE = gettext_noop(
    "A child in the group has impetigo. Watch for blisters and yellow crusts around the nose and mouth; see your "
    "doctor if they appear. Wash hands often and keep the child's own towel.")
MEASLES = gettext_noop("Measles (mazelen)")
MEASLES_ADVICE = gettext_noop(
    "A child in the group has measles. Check whether your child has had both vaccinations against measles; if not, "
    "or if you are not sure, call your doctor. Fever, a cough, red eyes and then a rash are the signs. Call before "
    "you visit the doctor's practice.")
WHOOPING_COUGH = gettext_noop("Whooping cough (kinkhoest)")
WHOOPING_COUGH_ADVICE = gettext_noop(
    "A child in the group has whooping cough. Check that your child's vaccinations are up to date. See your doctor "
    "if your child coughs in fits, especially a baby younger than six months or a pregnant woman at home.")
SCARLET_FEVER = gettext_noop("Scarlet fever (roodvonk)")
SCARLET_FEVER_ADVICE = gettext_noop(
    "A child in the group has scarlet fever. Signs are a sore throat, fever and a fine red rash. See your doctor if "
    "your child has them; with antibiotics it soon stops being contagious.")
HAND_FOOT_MOUTH = gettext_noop("Hand, foot and mouth disease")
HAND_FOOT_MOUTH_ADVICE = gettext_noop(
    "A child in the group has hand, foot and mouth disease. It is mild: small blisters in the mouth and on the hands "
    "and feet. Washing hands well after changing nappies helps most.")
GASTROENTERITIS = gettext_noop("Gastroenteritis (buikgriep)")
GASTROENTERITIS_ADVICE = gettext_noop(
    "Several children in the group have diarrhoea or are vomiting. Let your child drink enough, wash hands after the "
    "toilet and nappy changes, and keep your child home while it has watery stools more than twice a day.")
MUMPS = gettext_noop("Mumps (bof)")
MUMPS_ADVICE = gettext_noop(
    "A child in the group has mumps. Check that your child has had the MMR vaccination. Signs are fever and a "
    "painful swelling in front of the ear.")
HEAD_LICE = gettext_noop("Head lice (hoofdluis)")
HEAD_LICE_ADVICE = gettext_noop(
    "Head lice were found in the group. Check your child's hair with a lice comb this week and treat it if you find "
    "lice or nits.")
HEPATITIS_A = gettext_noop("Hepatitis A")
HEPATITIS_A_ADVICE = gettext_noop(
    "A child in the group has hepatitis A. The agency advises the location and may offer vaccination. Wash hands well "
    "after the toilet and before eating; see your doctor if your child's skin or eyes turn yellow.")
STEC = gettext_noop("Bloody diarrhoea (STEC or shigella)")
STEC_ADVICE = gettext_noop(
    "A child in the group has an intestinal infection with bloody diarrhoea. See your doctor if your child has "
    "diarrhoea, certainly with blood. Wash hands well after the toilet and nappy changes.")
SCABIES = gettext_noop("Scabies (schurft)")
SCABIES_ADVICE = gettext_noop(
    "A child in the group has scabies. See your doctor if your child has an itchy rash, worse at night.")
FIFTH_DISEASE = gettext_noop("Fifth disease (vijfde ziekte)")
FIFTH_DISEASE_ADVICE = gettext_noop(
    "A child in the group has fifth disease: red cheeks and a lace-like rash. It is mild for children. Pregnant "
    "women should tell their midwife or doctor.")

AWAY_UNTIL_TAKE_PART = gettext_noop("Stays home only while too ill to take part.")

VLG_DISEASES = (
    Disease("chickenpox", CHICKENPOX, CHICKENPOX_ADVICE, NEVER, away=gettext_noop(
        "Admitted when it can take part; stays home with fever."), source=VLG),
    Disease("impetigo", IMPETIGO, IMPETIGO_ADVICE, CLUSTER, 2, 14, gettext_noop(
        "Stays home until 24 hours after the start of the treatment."), VLG),
    Disease("measles", MEASLES, MEASLES_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until 4 days after the rash started."), source=VLG),
    Disease("whooping_cough", WHOOPING_COUGH, WHOOPING_COUGH_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until 5 days after the start of the antibiotics."), source=VLG),
    Disease("scarlet_fever", SCARLET_FEVER, SCARLET_FEVER_ADVICE, CLUSTER, 2, 14, gettext_noop(
        "Stays home until 24 hours after the start of the antibiotics."), VLG),
    Disease("hand_foot_mouth", HAND_FOOT_MOUTH, HAND_FOOT_MOUTH_ADVICE, NEVER, away=AWAY_UNTIL_TAKE_PART, source=VLG),
    Disease("gastroenteritis", GASTROENTERITIS, GASTROENTERITIS_ADVICE, CLUSTER, 3, 7, gettext_noop(
        "Stays home while it has 2 or more watery stools a day."), VLG),
    Disease("mumps", MUMPS, MUMPS_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until 5 days after the swelling started."), source=VLG),
    Disease("head_lice", HEAD_LICE, HEAD_LICE_ADVICE, NEVER, away=gettext_noop("Admitted once treated."), source=VLG),
    Disease("hepatitis_a", HEPATITIS_A, HEPATITIS_A_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until 7 days after the jaundice started."), source=VLG),
    Disease("stec", STEC, STEC_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until the agency says it may come back."), source=VLG),
    Disease("scabies", SCABIES, SCABIES_ADVICE, CLUSTER, 2, 42, gettext_noop(
        "Admitted after the first treatment."), VLG),
    Disease("fifth_disease", FIFTH_DISEASE, FIFTH_DISEASE_ADVICE, NEVER, away=AWAY_UNTIL_TAKE_PART, source=VLG),
)

NL_DISEASES = (
    Disease("chickenpox", CHICKENPOX, CHICKENPOX_ADVICE, NEVER, away=AWAY_UNTIL_TAKE_PART, source=NL),
    Disease("impetigo", IMPETIGO, IMPETIGO_ADVICE, CLUSTER, 2, 14, gettext_noop(
        "Admitted; the spots are covered, or treated when there are many."), NL),
    Disease("measles", MEASLES, MEASLES_ADVICE, ALWAYS, away=AWAY_UNTIL_TAKE_PART, source=NL),
    Disease("whooping_cough", WHOOPING_COUGH, WHOOPING_COUGH_ADVICE, ALWAYS, away=AWAY_UNTIL_TAKE_PART, source=NL),
    Disease("scarlet_fever", SCARLET_FEVER, SCARLET_FEVER_ADVICE, CLUSTER, 2, 14, AWAY_UNTIL_TAKE_PART, NL),
    Disease("hand_foot_mouth", HAND_FOOT_MOUTH, HAND_FOOT_MOUTH_ADVICE, NEVER, away=AWAY_UNTIL_TAKE_PART, source=NL),
    Disease("gastroenteritis", GASTROENTERITIS, GASTROENTERITIS_ADVICE, CLUSTER, 3, 7, AWAY_UNTIL_TAKE_PART, NL),
    Disease("mumps", MUMPS, MUMPS_ADVICE, CLUSTER, 2, 14, AWAY_UNTIL_TAKE_PART, NL),
    Disease("head_lice", HEAD_LICE, HEAD_LICE_ADVICE, NEVER, away=gettext_noop("Admitted; treated at home."),
            source=NL),
    Disease("hepatitis_a", HEPATITIS_A, HEPATITIS_A_ADVICE, ALWAYS, away=gettext_noop(
        "As the GGD advises."), source=NL),
    Disease("stec", STEC, STEC_ADVICE, ALWAYS, away=gettext_noop(
        "Stays home until the GGD says it may come back."), source=NL),
    Disease("scabies", SCABIES, SCABIES_ADVICE, CLUSTER, 2, 42, gettext_noop("Admitted; treated at home."), NL),
    Disease("fifth_disease", FIFTH_DISEASE, FIFTH_DISEASE_ADVICE, NEVER, away=AWAY_UNTIL_TAKE_PART, source=NL),
)

TABLES = {"vlg_kind_en_gezin": VLG_DISEASES, "nl_ggd": NL_DISEASES}


def diseases(key: str) -> tuple[Disease, ...]:
    try:
        return TABLES[key]
    except KeyError:
        raise LookupError(f"no disease table {key!r}") from None


def disease(key: str, table: str) -> Disease | None:
    return next((d for d in diseases(table) if d.key == key), None)
