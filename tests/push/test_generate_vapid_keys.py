"""The cooperative's VAPID keys: `manage.py generate_vapid_keys` makes a pair for production; development and tests
derive theirs from SECRET_KEY; production without one has push notifications off."""
import io

from cryptography.hazmat.primitives import serialization
from django.core.management import call_command

from push import keys, rules


def test_the_command_prints_a_usable_pair(settings):
    out = io.StringIO()
    call_command("generate_vapid_keys", stdout=out)
    lines = out.getvalue().splitlines()
    private = lines[0].removeprefix("WEB_PUSH_VAPID_PRIVATE_KEY=")
    public = lines[1].rsplit(" ", 1)[-1]
    assert len(rules.b64url_decode(private)) == 32 and len(rules.b64url_decode(public)) == 65
    settings.WEB_PUSH_VAPID_PRIVATE_KEY = private
    assert keys.public_key() == public and keys.key_error(private) is None


def test_a_pem_key_is_accepted_too(settings):
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()
    settings.WEB_PUSH_VAPID_PRIVATE_KEY = pem
    assert keys.public_key() == keys.public_key_text(key)


def test_development_and_tests_derive_a_stable_key_from_the_secret_key(settings):
    first = keys.public_key()
    assert first and keys.public_key() == first
    settings.SECRET_KEY = "another-secret-key-for-another-installation-0123456789"
    assert keys.public_key() != first


def test_production_without_a_key_has_push_off(settings, world):
    from push import services

    settings.IS_PRODUCTION = True
    settings.WEB_PUSH_VAPID_PRIVATE_KEY = ""
    assert not keys.enabled() and keys.public_key() == ""
    assert services.notify([world.a.parent.pk], kind=rules.HANDOVER, audience=rules.PARENT) == 0


def test_a_bad_key_is_named():
    assert keys.key_error("not-a-key")
    assert keys.key_error(rules.b64url_encode(b"x" * 31))
