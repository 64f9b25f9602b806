"""Who must use a second factor, and whether they have one (allauth's MFA: TOTP apps, passkeys).

The cooperative's admin, advisers (the lead too) and the pedagogue see many locations or abuse cases: they
must. Entrepreneurs, staff and parents may. Recovery codes alone do not count: they back up a factor.
"""
from accounts.roles import ADVISER, COOP_ADMIN, PEDAGOGUE

REQUIRED_FOR = (COOP_ADMIN, ADVISER, PEDAGOGUE)
FACTORS = ("totp", "webauthn")

#: Pages a person who still owes a second factor may open: setting it up, logging out, the language switch.
SET_UP_URL_NAMES = frozenset({
    "mfa_index", "mfa_activate_totp", "mfa_add_webauthn", "mfa_reauthenticate", "mfa_reauthenticate_webauthn",
    "mfa_view_recovery_codes", "mfa_generate_recovery_codes", "mfa_download_recovery_codes",
    "account_reauthenticate", "logout", "account_logout", "set_language",
})


def must_have_second_factor(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_coop_role(*REQUIRED_FOR))


def has_second_factor(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type__in=FACTORS).exists()


def has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def owes_second_factor(user) -> bool:
    """Must have one and has none: may do nothing but set it up."""
    return must_have_second_factor(user) and not has_second_factor(user)


def uses_second_factor(user) -> bool:
    """Has one or must have one: a password alone is not enough (e.g. for an API token)."""
    return must_have_second_factor(user) or has_second_factor(user)


def totp_code_is_valid(user, code: str) -> bool:
    """A current code of the person's authenticator app (each code is accepted once)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None or not code:
        return False
    return TOTP(authenticator).validate_code(code.strip())
