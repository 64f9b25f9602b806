"""Settings, read from the environment.

DJANGO_ENV selects the profile: `production` (the default, so a forgotten variable fails safe),
`development` (what `make run` uses) or `test` (what the test suite uses).
"""
import sys
from pathlib import Path

import environ
from csp.constants import NONCE as CSP_NONCE
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF

from config.database import embedded_database
from config.languages import languages_in

BASE_DIR = Path(__file__).resolve().parents[2]
PLATFORM_DIR = BASE_DIR / "platform"
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
DJANGO_ENV = env.str("DJANGO_ENV", default="production")
if DJANGO_ENV not in {"production", "development", "test"}:
    raise environ.ImproperlyConfigured("DJANGO_ENV must be production, development or test")
IS_PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "development")
if IS_PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
    if not SECRET_KEY.strip():  # an empty value counts as missing, not as a key
        raise environ.ImproperlyConfigured("Set the SECRET_KEY environment variable")
else:
    SECRET_KEY = env.str("SECRET_KEY", default=f"insecure-{DJANGO_ENV}-key-not-for-production-use-0123456789")

# The cooperative answers on MAIN_DOMAIN; every location on <slug>.MAIN_DOMAIN.
MAIN_DOMAIN = env.str("MAIN_DOMAIN", default="localhost")
SITE_PORT = env.str("SITE_PORT", default="" if IS_PRODUCTION else "8000")
SITE_SCHEME = env.str("SITE_SCHEME", default="https" if IS_PRODUCTION else "http")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[MAIN_DOMAIN, f".{MAIN_DOMAIN}"])
if DJANGO_ENV == "test":
    ALLOWED_HOSTS += ["testserver", ".testserver"]
CSRF_TRUSTED_ORIGINS = env.list(
    "CSRF_TRUSTED_ORIGINS",
    default=[f"{SITE_SCHEME}://{MAIN_DOMAIN}{':' + SITE_PORT if SITE_PORT else ''}",
             f"{SITE_SCHEME}://*.{MAIN_DOMAIN}{':' + SITE_PORT if SITE_PORT else ''}"],
)

# Public schema: the cooperative. Location schemas: each location's own data.
SHARED_APPS = [
    "django_tenants",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "axes",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "cooperative",
    "accounts",
    "advisory",
    "safeguarding",
    "complaint_reports",
    "billing.membership",
    "portal",
    # Care requests and waiting lists (aanmelding, wachtlijst).
    "intake",
    # Push notifications to the installed app (docs/push.md).
    "push",
    # Outgoing messages: side effects delivered after the commit, retried, shown when they fail.
    "outbox",
    "frontend",
]
TENANT_APPS = [
    "django.contrib.contenttypes",
    "tenants.children",
    "tenants.groups",
    "tenants.calendar",
    "tenants.contracts",
    "tenants.attendance",
    "tenants.kiosk",
    "tenants.complaints",
    "tenants.handover",
    "tenants.messages",
    "tenants.surveys",
    "tenants.child_sheet",
    "tenants.medication",
    "tenants.accidents",
    "tenants.consents",
    "tenants.menus",
    "billing.tariffs",
    "billing.invoices",
    "billing.payments",
    "billing.filings",
    "tenants.exports",
    "tenants.webcams",
    "tenants.child_following",
    "tenants.house_rules",
    "tenants.sickness",
    "tenants.outbreaks",
]
# Apps without tables that every host uses (the public ratio calculator).
STATELESS_APPS = ["tenants.ratios", "monitoring", "changes"]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS] + STATELESS_APPS

TENANT_MODEL = "cooperative.Location"
TENANT_DOMAIN_MODEL = "cooperative.Domain"
PUBLIC_SCHEMA_URLCONF = "config.urls_public"
ROOT_URLCONF = "config.urls_location"
# New location schemas are cloned from this migrated, empty schema (see cooperative.services).
TEMPLATE_SCHEMA = "location_template"
TENANT_MULTIPROCESSING_MAX_PROCESSES = env.int("MIGRATE_PROCESSES", default=2)
# Set the search path once per schema switch instead of before every query (about half the statements).
TENANT_LIMIT_SET_CALLS = True

MIDDLEWARE = [
    # Probes and metrics answered first (monitoring); every other request timed and given its id.
    "monitoring.middleware.ObservabilityMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cooperative.middleware.LocationMiddleware",
    "monitoring.middleware.LocationLogMiddleware",
    # A browser enrolled as a location's kiosk reaches the kiosk pages only (tenants.kiosk).
    "tenants.kiosk.middleware.KioskMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.UserLanguageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.AccessMiddleware",
    "accounts.middleware.LoginRegistryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "frontend" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "frontend.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db_url("DATABASE_URL")}
else:
    DATABASES = {"default": embedded_database(VAR_DIR)}
DATABASES["default"]["ENGINE"] = "django_tenants.postgresql_backend"
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# With persistent connections, check a reused one before the first query of each request: after a database
# restart a worker reconnects instead of failing its next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if DJANGO_ENV == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Logging in (docs/accounts.md) ---------------------------------------------------------------------------
# django-allauth logs people in on the main domain (e-mail and password, then the second factor); a location's
# host gets the login through a single-use handoff token (accounts.handoff). Sessions live in the database, in
# the public schema that every host shares, so that logging out on one host can end them on all.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out account and address before the others
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# With a cache shared by every web process (Redis: CACHE_URL, in production REDIS_URL) a session is read from
# the cache and only written through to the database (`cached_db`); logging out, on one host or everywhere, deletes
# it from both (accounts.handoff.end_login). A cache of each process's own would keep a session another process
# ended, so without a shared cache sessions are read from the database.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 7  # an invitation link is valid for a week
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]  # signing up is closed (the adapter); accounts come by invitation
ACCOUNT_EMAIL_VERIFICATION = "none"  # the invitation link proved the address
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # an unknown address gets the same answer and no e-mail
ACCOUNT_SESSION_REMEMBER = True  # sessions last SESSION_COOKIE_AGE, as before
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "accounts.tokens.PasswordResetTokenGenerator"
#: A forgotten-password link works once and for this long.
PASSWORD_RESET_LINK_SECONDS = 60 * 60
# allauth's own limits, with the client address read as axes reads it (accounts.throttling.client_ip). Failed
# logins: only per address. allauth's default also locks an e-mail address after 5 failures from anywhere,
# which anyone could cause; per account *and* address is axes's job below.
# Logins (failed or not) per client address: allauth's 30 a minute, raised only where every visitor shares one
# address on purpose (the browser tests' server).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip", "login": env.str("LOGIN_RATE_LIMIT", default="30/m/ip")}
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_FORMS = {"activate_totp": "accounts.forms.ActivateTOTPForm"}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = False  # passkeys are a second factor here, after the password
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DJANGO_ENV != "production"  # http://localhost in development and tests
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Opvangkring")
# A code of the 30-second step before or after is accepted too: phone clocks drift (RFC 6238 §5.2 allows one
# step); each code still works only once.
MFA_TOTP_TOLERANCE = 1
#: How long a handoff token from the main domain to a location's host is valid.
LOGIN_HANDOFF_SECONDS = 60

# Client address: the proxy in front (the ingress) appends the address it saw to X-Forwarded-For; with N trusted
# proxies the client is the N-th address from the right. 0 (development, tests): REMOTE_ADDR, headers ignored.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# Failed logins: five tries per account *and* address, then a cool-off; a password reset lifts the lock.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"  # allauth's login form; the token endpoint's `username` is read by the callable
AXES_USERNAME_CALLABLE = "accounts.throttling.axes_username"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# --- end of logging in ----------------------------------------------------------------------------------------

LANGUAGE_CODE = "nl"
LOCALE_PATHS = [BASE_DIR / "frontend" / "locale"]
LANGUAGES = languages_in(LOCALE_PATHS[0], default=LANGUAGE_CODE)
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "frontend" / "staticfiles"
# frontend/static is found as the `frontend` app's static folder.
# Outside production whitenoise serves straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
if not IS_PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
EXPORT_ROOT = env.path("EXPORT_ROOT", default=str(VAR_DIR / "exports"))
# The webcams' live buffer (a few seconds of HLS per live camera, nothing more): written by `run_webcams`,
# read by web, so both need the same folder (docs/webcams-streaming.md).
WEBCAMS_STREAM_ROOT = env.path("WEBCAMS_STREAM_ROOT", default=str(VAR_DIR / "webcams"))

EMAIL_CONFIG = env.email_url(
    "EMAIL_URL", default="consolemail://" if DJANGO_ENV == "development" else "smtp://localhost:25"
)
vars().update(EMAIL_CONFIG)
if DJANGO_ENV == "test" and not env.str("EMAIL_URL", default=""):  # the browser tests' server writes files
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default=f"noreply@{MAIN_DOMAIN}")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.authentication.TokenAuthentication",  # refuses people who still owe a second factor
    ],
    "DEFAULT_PERMISSION_CLASSES": ["accounts.permissions.AtLocation"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "config.service_errors.api_exception_handler",
    # JSON only: the browsable API's pages need inline script and style (see the CSP below); /api/docs/ is the
    # place to explore the API.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Opvangkring API",
    "DESCRIPTION": "Cooperative childcare platform: the cooperative on the main domain, "
    "each location on its own host name.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Schema problems are caught by tests/platform/test_openapi.py, which fails on any generator warning
    # except automatically resolved enum names; `check --deploy` then stays about deployment.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    # Every operation documents the error answers it can give (400, 401, 403, 404, 405, 429), once for all views.
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "config.openapi.document_error_responses"],
}

# Background work: Redis in production; a broker without a server (files under var/broker, or
# BROKER_DIR) otherwise.
REDIS_URL = env.str("REDIS_URL", default="")

# One cache for every web process: the login's rate limits and the record of used one-time codes live there, so
# a per-process cache would let each process count on its own (a deployment check refuses it in production).
# Redis when there is one (CACHE_URL, else REDIS_URL); the test suite keeps a cache of its own process.
CACHE_URL = env.str("CACHE_URL", default="" if DJANGO_ENV == "test" else REDIS_URL)
CACHES = {"default": {"BACKEND": "config.cache.SharedClientRedisCache", "LOCATION": CACHE_URL}
          if CACHE_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if CACHE_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # see "Logging in" above
# A person's start page kept in the shared cache while none of its data changed (frontend.kept_pages, changes).
# Only with a cache every process shares: a write in a Celery worker must reach the web processes' pages.
KEPT_PAGES = env.bool("KEPT_PAGES", default=bool(CACHE_URL))
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    CELERY_BROKER_URL = "filesystem://"
    BROKER_DIR = Path(env.str("BROKER_DIR", default=str(VAR_DIR / "broker")))
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
    }
    # kombu's filesystem transport does not create its message folders itself.
    for _folder in ("queue", "processed", "control"):
        (BROKER_DIR / _folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="opvangkring")
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default=DJANGO_ENV)

# Log lines carry the request's id and the location's slug (monitoring.context), never personal data; in
# production one JSON object per line for the log collector (LOG_FORMAT=json), elsewhere plain text.
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if IS_PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "monitoring.context.ContextFilter"}},
    "formatters": {
        "json": {"()": "pythonjsonlogger.json.JsonFormatter",
                 "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s %(location)s",
                 "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(location)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": sys.stderr, "filters": ["context"],
                             "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
# Prometheus' scrape of /metrics: a bearer token when set (the figures hold no personal data either way).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

if IS_PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links carry single-use tokens (invitations, the login handoff): never tell another site where a visitor came from.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content security policy (django-csp): scripts and styles only from our own static files, no inline script or
# style, no eval; a template that really needs an inline script uses the request's nonce (`request.csp_nonce`).
# Forms may post to our own hosts (the login hands over to a location's host) and redirect to Stripe's hosted
# pages (iDEAL checkout, the entrepreneur's onboarding). See docs/security.md.
_OUR_HOSTS = [f"{SITE_SCHEME}://{MAIN_DOMAIN}{':' + SITE_PORT if SITE_PORT else ''}",
              f"{SITE_SCHEME}://*.{MAIN_DOMAIN}{':' + SITE_PORT if SITE_PORT else ''}"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF, CSP_NONCE],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:", "blob:"],
        "media-src": [CSP_SELF, "blob:"],  # the webcam player (hls.js) feeds the video from a MediaSource
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "worker-src": [CSP_SELF],
        "manifest-src": [CSP_SELF],
        "frame-src": [CSP_NONE],
        "frame-ancestors": [CSP_NONE],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF, *_OUR_HOSTS, "https://checkout.stripe.com", "https://connect.stripe.com"],
        **({"report-uri": [env.str("CSP_REPORT_URI")]} if env.str("CSP_REPORT_URI", default="") else {}),
    },
}
# Powerful browser features are off everywhere; passkeys (WebAuthn) only on our own pages.
PERMISSIONS_POLICY = {
    "camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": [], "serial": [], "bluetooth": [],
    "midi": [], "magnetometer": [], "gyroscope": [], "accelerometer": [], "display-capture": [],
    "browsing-topics": [], "interest-cohort": [],
    "publickey-credentials-create": ["self"], "publickey-credentials-get": ["self"],
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12

from config.sentry import init_sentry  # noqa: E402

init_sentry(SENTRY_DSN, SENTRY_ENVIRONMENT)

# Meldcode (safeguarding): Fernet keys for the field encryption of cases, newest first (comma-separated).
# Production has no default: without MELDCODE_KEYS no case can be written or read. Rotate with
# `manage.py rotate_meldcode_key` after putting the new key in front.
MELDCODE_KEYS = env.list("MELDCODE_KEYS", default=[] if IS_PRODUCTION else [
    "n6l-znHWGW-IlihwD7oyG4Ifmbr9EUdAxm7Agz9EKLs=",  # development and tests only
])

# Filings (billing.filings): Fernet keys for the BSNs and Belgian national register numbers of children and
# parents, newest first (comma-separated). Production has no default: without IDENTITY_NUMBER_KEYS no number
# can be stored or read. Generate one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
IDENTITY_NUMBER_KEYS = env.list("IDENTITY_NUMBER_KEYS", default=[] if IS_PRODUCTION else [
    "q3v5mQ7wqj0vYyN1x8oQJw2m0yP6b1kqW8H0p2VZt3c=",  # development and tests only
])

# Backups per location (cooperative.backups, docs/backups.md): Fernet keys that encrypt them, newest first
# (comma-separated; the first encrypts, any decrypts). Production has no default: without BACKUP_KEYS no backup is
# written. Generate one with `python platform/manage.py backup_locations --generate-key`.
BACKUP_KEYS = env.list("BACKUP_KEYS", default=[] if IS_PRODUCTION else [
    "0c7Tqf4eYbD3m2y4JvP2Xc0bq6lJm5Xk0mJ8QvH2w1s=",  # development and tests only
])
BACKUP_ROOT = env.path("BACKUP_ROOT", default=str(VAR_DIR / "backups"))
BACKUP_RETENTION_DAYS = env.int("BACKUP_RETENTION_DAYS", default=14)

# Push notifications (push, docs/push.md): the cooperative's VAPID private key (base64url of 32 bytes, or a PEM;
# `manage.py generate_vapid_keys` makes one). Production without it sends no push notifications; development and
# tests derive a key of their own from SECRET_KEY. In production a subscription must be an https address of a
# known push service (push.rules.KNOWN_PUSH_HOSTS, plus WEB_PUSH_HOSTS); elsewhere a local one over http will do.
WEB_PUSH_VAPID_PRIVATE_KEY = env.str("WEB_PUSH_VAPID_PRIVATE_KEY", default="")
WEB_PUSH_SUBJECT = env.str("WEB_PUSH_SUBJECT", default=f"mailto:{DEFAULT_FROM_EMAIL}")
WEB_PUSH_HOSTS = env.list("WEB_PUSH_HOSTS", default=[])
WEB_PUSH_HTTPS_ONLY = IS_PRODUCTION
WEB_PUSH_TIMEOUT = env.float("WEB_PUSH_TIMEOUT", default=10.0)

# Payments (billing.payments, billing.membership): Stripe keys from the environment. The defaults outside
# production are clearly fake: nothing reaches Stripe with them (the tests answer Stripe's API from recordings).
_FAKE_STRIPE = "" if IS_PRODUCTION else "_fake_not_a_real_key"
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="sk_test" + _FAKE_STRIPE if _FAKE_STRIPE else "")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="pk_test" + _FAKE_STRIPE if _FAKE_STRIPE else "")
# The signing secret of the webhook endpoint; Stripe signs Connect events with the Connect endpoint's secret,
# which may differ: both are tried.
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="whsec" + _FAKE_STRIPE if _FAKE_STRIPE else "")
STRIPE_CONNECT_WEBHOOK_SECRET = env.str("STRIPE_CONNECT_WEBHOOK_SECRET", default="")
# Another address for Stripe's API, outside production only: the browser tests' server talks to a local
# server that answers from the recordings (tests/payments/stripe_fake.py), as the Django tests' client does.
STRIPE_API_BASE = "" if IS_PRODUCTION else env.str("STRIPE_API_BASE", default="")
