"""Production settings are safe: `manage.py check --deploy` has nothing to say, and no key, no start; it fails
when the meldcode encryption keys or the cooperative's real main domain are missing.

Each check runs `platform/manage.py` in a fresh process with DJANGO_ENV=production, because the
settings are read from the environment once, at start-up.
"""
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
MANAGE = ROOT / "platform" / "manage.py"
# Variables that would loosen or change what production means; the tests start from a clean slate.
LOOSENING = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SENTRY_DSN",
             "CSRF_TRUSTED_ORIGINS", "SITE_SCHEME", "DJANGO_SETTINGS_MODULE", "MAIN_DOMAIN", "MELDCODE_KEYS",
             "REDIS_URL", "CACHE_URL", "WEB_PUSH_VAPID_PRIVATE_KEY")
# What a real production has besides its secret key: the cooperative's domain, a meldcode key, Redis (the
# checks do not connect to it) and the VAPID key of push notifications.
DEPLOYED = {"MAIN_DOMAIN": "opvang.example.nl", "MELDCODE_KEYS": "Qk9v0o6mX3lV8m4mR1nq4N7m2Qb1v2w3x4y5z6A7B8C=",
            "REDIS_URL": "redis://127.0.0.1:6379/15",
            "WEB_PUSH_VAPID_PRIVATE_KEY": "n2gY9IupU-_CfN-FlZ9I27ZCpcXlRcQe2sv7BBWYWfM"}


def database_url() -> str:
    """The database this test run uses, as a URL (the same server the production check would see)."""
    if os.environ.get("DATABASE_URL"):
        return os.environ["DATABASE_URL"]
    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


def production_env(**extra) -> dict:
    """Production as deployed; a value of None in `extra` leaves that variable out."""
    env = {k: v for k, v in os.environ.items() if k not in LOOSENING}
    env.update(DJANGO_ENV="production", DATABASE_URL=database_url(), **DEPLOYED)
    env.update({k: v for k, v in extra.items() if v is not None})
    for key in [k for k, v in extra.items() if v is None]:
        env.pop(key, None)
    return env


def manage(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MANAGE), *args], cwd=ROOT, env=production_env(**env),
        capture_output=True, text=True, timeout=120,
    )


def strong_key() -> str:
    key = secrets.token_urlsafe(64)
    assert len(key) >= 50
    return key


def test_check_deploy_passes_without_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=strong_key())
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output
    assert "WARNINGS:" not in output


def test_check_deploy_fails_with_a_weak_secret_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="too-short")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_debug_is_off_in_production_unless_asked():
    result = manage("shell", "-c", "from django.conf import settings; print(settings.DEBUG)", SECRET_KEY=strong_key())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_settings_refuse_to_load_in_production_without_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_settings_refuse_an_empty_secret_key_in_production():
    result = manage("check", SECRET_KEY="  ")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def deploy_check(**env) -> tuple[int, str]:
    result = manage("check", "--deploy", SECRET_KEY=strong_key(), **env)
    return result.returncode, result.stdout + result.stderr


def test_check_deploy_fails_without_meldcode_keys():
    code, output = deploy_check(MELDCODE_KEYS=None)
    assert code != 0  # an error, not a warning: it fails without --fail-level
    assert "opvangkring.E001" in output and "MELDCODE_KEYS" in output


def test_check_deploy_fails_with_a_meldcode_key_that_is_no_key():
    code, output = deploy_check(MELDCODE_KEYS="change-me")
    assert code != 0
    assert "opvangkring.E002" in output
    assert "change-me" not in output  # the value itself is never printed


def test_check_deploy_fails_on_localhost():
    code, output = deploy_check(MAIN_DOMAIN="localhost")
    assert code != 0
    assert "opvangkring.E003" in output and "MAIN_DOMAIN" in output


def test_check_deploy_fails_without_a_main_domain():
    for value in ("", "opvang.localhost"):
        code, output = deploy_check(MAIN_DOMAIN=value)
        assert code != 0, value
        assert "opvangkring.E003" in output


def test_check_deploy_fails_with_a_cache_per_process():
    """Without Redis each web process would count failed logins and used one-time codes on its own."""
    code, output = deploy_check(REDIS_URL=None)
    assert code != 0
    assert "opvangkring.E004" in output


def test_the_checks_pass_with_the_real_domain_and_keys():
    code, output = deploy_check()
    assert code == 0, output
    assert "opvangkring." not in output


def test_check_deploy_warns_without_a_vapid_key():
    """Push notifications are off without one: a warning (the product works without them), not an error."""
    result = manage("check", "--deploy", SECRET_KEY=strong_key(), WEB_PUSH_VAPID_PRIVATE_KEY=None)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "opvangkring.W101" in output


def test_check_deploy_fails_with_a_vapid_key_that_is_no_key():
    code, output = deploy_check(WEB_PUSH_VAPID_PRIVATE_KEY="not-a-key")
    assert code != 0
    assert "opvangkring.E101" in output
