"""Kompass settings: the one place for configuration, read from environment variables.

Every variable is documented in docs/configuration.md.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kompass.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("KOMPASS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("KOMPASS_DEBUG", False)
# Demo mode seeds fictional data and prints known passwords; production refuses it.
DEMO_MODE = env_bool("KOMPASS_DEMO", False)

_DEV_SECRET = "kompass-insecure-development-key-never-use-in-production-0123456789"
SECRET_KEY = env_str("KOMPASS_SECRET_KEY", _DEV_SECRET if (DEBUG or DEMO_MODE) else None)
# Key for identity fields encrypted at rest (Fernet, urlsafe base64 of 32 bytes); several keys,
# comma-separated, allow rotation: the first encrypts, all decrypt.
FIELD_ENCRYPTION_KEYS = env_list(
    "KOMPASS_FIELD_ENCRYPTION_KEYS",
    ["ZGV2ZWxvcG1lbnQta2V5LW9ubHktMzItYnl0ZXMtISE="] if (DEBUG or DEMO_MODE) else None,
)
# Coalition secret for privacy-preserving record linkage (keyed Bloom filters).
LINKAGE_SECRET = env_str("KOMPASS_LINKAGE_SECRET", "demo-coalition-secret" if (DEBUG or DEMO_MODE) else "")

ALLOWED_HOSTS = env_list("KOMPASS_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("KOMPASS_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("KOMPASS_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "kompass.core",
    "kompass.accounts",
    "kompass.organisations",
    "kompass.audit",
    # The domain apps, in the order of their cards on the staff dashboard (core.views.dashboard_partials).
    "kompass.screening",
    "kompass.cases",
    "kompass.referrals",
    "kompass.directory",
    "kompass.journeys",
    "kompass.stats",
    "kompass.recruitment",
    "kompass.training",
    "kompass.campaigns",
    "kompass.online",
    "kompass.bot",
    "kompass.facts",
    "kompass.api",
    "kompass.ops",
    "kompass.jobs",
    "kompass.demo",
]

MIDDLEWARE = [
    "kompass.ops.health.HealthCheckMiddleware",
    "kompass.ops.logs.RequestIdMiddleware",
    "kompass.ops.proxy.ProxiedClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kompass.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kompass.core.ratelimit.PublicRateLimitMiddleware",
    "kompass.core.security.PrivateResponsesMiddleware",
    "kompass.accounts.middleware.IdleTimeoutMiddleware",
    "kompass.audit.middleware.AuditContextMiddleware",
    "kompass.organisations.middleware.MembershipMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kompass.urls"
WSGI_APPLICATION = "kompass.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kompass.core.context_processors.kompass",
                "kompass.core.context_processors.languages",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kompass.sqlite3'}"),
        conn_max_age=env_int("KOMPASS_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids lock-upgrade deadlocks.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("REDIS_URL", ""):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("REDIS_URL"),
    }

# Background tasks (Dramatiq). Empty: tasks run in-process, in the web process that sends them.
BROKER_URL = env_str("KOMPASS_BROKER_URL", "")
# A worker silent this long is taken for dead and its unfinished tasks are requeued.
BROKER_HEARTBEAT_SECONDS = env_int("KOMPASS_BROKER_HEARTBEAT_SECONDS", 60)

# Accounts and login security.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "kompass.organisations.backends.CoordinatorAdminBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:dashboard"
LOGOUT_REDIRECT_URL = "core:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Inactivity expiry: IdleTimeoutMiddleware renews the session's age while it is used.
# Sessions are read from the cache only when it is shared between processes (Redis).
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if env_str("REDIS_URL", "") else "db")
SESSION_COOKIE_AGE = env_int("KOMPASS_SESSION_IDLE_MINUTES", 30) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
AXES_FAILURE_LIMIT = env_int("KOMPASS_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("KOMPASS_LOGIN_COOLOFF_MINUTES", 30) / 60
# One lock per account *and* address: wrong passwords lock that account from that address only, so
# nobody locks a whole office (one address behind a proxy) out by typing a made-up name, and nobody
# locks a colleague out from elsewhere. Guessing across many accounts from one address runs into the
# `login` rate limit below.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_CALLABLE = "kompass.accounts.views.locked_out"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = env_str("KOMPASS_OTP_ISSUER", "Kompass")
OTP_TOTP_THROTTLE_FACTOR = 1
# Wrong second-factor codes in a row before the second factor is locked, and for how long.
KOMPASS_OTP_FAILURE_LIMIT = env_int("KOMPASS_OTP_FAILURE_LIMIT", 5)
KOMPASS_OTP_LOCKOUT_MINUTES = env_int("KOMPASS_OTP_LOCKOUT_MINUTES", 30)

# Rate limits on what the public sends (kompass/core/ratelimit.py), per client address, counted in
# the default cache (Redis in production: shared by every process). "N/m", "N/10m", "N/h"…; empty: off.
RATELIMIT_USE_CACHE = "default"
KOMPASS_RATE_LIMITS = {
    # Every form post by a visitor without an account (a class of pupils behind one address included).
    "forms": env_str("KOMPASS_RATE_LIMIT_FORMS", "60/m"),
    # Posts that create a record for staff to read: reports to the coordinator's triage.
    "reports": env_str("KOMPASS_RATE_LIMIT_REPORTS", "5/10m"),
    # Login attempts from one address, whatever the account.
    "login": env_str("KOMPASS_RATE_LIMIT_LOGIN", "20/m"),
    # Password-reset requests from one address (each may send an e-mail).
    "password_reset": env_str("KOMPASS_RATE_LIMIT_PASSWORD_RESET", "5/h"),
    # Search forms that cost work (a safety plan, its PDF, a directory search near a place).
    "searches": env_str("KOMPASS_RATE_LIMIT_SEARCHES", "120/m"),
    # Every call of a public API operation.
    "api": env_str("KOMPASS_RATE_LIMIT_API", "60/m"),
}

# Internationalisation.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("sr-latn", _("Serbian (Latin)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language a visitor chose with the switcher, remembered for a year (docs/decisions/0021);
# nothing is set for a visitor who never chooses.
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
TIME_ZONE = env_str("KOMPASS_TIME_ZONE", "Europe/Bucharest")
USE_I18N = True
USE_TZ = True

# Static and uploaded files.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Nothing is created at import: collectstatic makes STATIC_ROOT (make build runs it), storage makes
# MEDIA_ROOT on the first upload, and a system check names a missing folder for the SQLite file.
MEDIA_ROOT = Path(env_str("KOMPASS_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
# Backups (manage.py backup): age public keys to encrypt to, and where archives go by default.
BACKUP_RECIPIENTS = env_list("KOMPASS_BACKUP_RECIPIENTS", [])
BACKUP_DIR = Path(env_str("KOMPASS_BACKUP_DIR", str(VAR_DIR / "backups")))
# nginx's internal location for uploads (deploy/nginx): downloads are checked by Django, sent by nginx.
ACCEL_REDIRECT_PREFIX = env_str("KOMPASS_ACCEL_REDIRECT", "")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# E-mail: the console in development and demo.
EMAIL_BACKEND = env_str("KOMPASS_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("KOMPASS_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("KOMPASS_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("KOMPASS_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("KOMPASS_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("KOMPASS_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = env_str("KOMPASS_FROM_EMAIL", "kompass@localhost")

# Retention and time limits of the domain apps.
KOMPASS_CASE_RETENTION_DAYS = env_int("KOMPASS_CASE_RETENTION_DAYS", 5 * 365)
KOMPASS_ATTACHMENT_MAX_BYTES = env_int("KOMPASS_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
JOURNEYS_RETENTION_DAYS = env_int("KOMPASS_JOURNEYS_RETENTION_DAYS", 7)
JOURNEYS_GRACE_MINUTES = env_int("KOMPASS_JOURNEYS_GRACE_MINUTES", 60)
# A public fact (number, right, service) not verified for longer than this is due for review.
KOMPASS_FACT_REVIEW_DAYS = env_int("KOMPASS_FACT_REVIEW_DAYS", 183)
# A new report waiting longer than this for triage is marked overdue and its coordinator alerted once.
# Days before a consent's expiry when the case's caseworker is reminded to renew it.
KOMPASS_CONSENT_RENEWAL_DAYS = env_int("KOMPASS_CONSENT_RENEWAL_DAYS", 14)
if KOMPASS_CONSENT_RENEWAL_DAYS < 1:
    raise ImproperlyConfigured("KOMPASS_CONSENT_RENEWAL_DAYS must be at least 1 (days).")
KOMPASS_TRIAGE_ALERT_HOURS = env_int("KOMPASS_TRIAGE_ALERT_HOURS", 48)
if KOMPASS_TRIAGE_ALERT_HOURS < 1:
    raise ImproperlyConfigured("KOMPASS_TRIAGE_ALERT_HOURS must be at least 1 (hours).")

# Map tiles for the journey guide; empty means the map is not drawn (the text alternative stays).
MAP_TILE_URL = env_str("KOMPASS_MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("KOMPASS_MAP_TILE_ATTRIBUTION", "")

# The Telegram bot (kompass.bot): off without a token. Requests go to <API URL>/bot<token>/<method>,
# so that a local Bot API server can stand in for Telegram's.
TELEGRAM_TOKEN = env_str("KOMPASS_TELEGRAM_TOKEN", "")
TELEGRAM_API_URL = env_str("KOMPASS_TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
TELEGRAM_WEBHOOK_SECRET = env_str("KOMPASS_TELEGRAM_WEBHOOK_SECRET", "")
# How long the bot remembers where a dialogue stands (a chosen language, a plan being asked): cache only.
TELEGRAM_MEMORY_MINUTES = env_int("KOMPASS_TELEGRAM_MEMORY_MINUTES", 60)

# Security headers. Production defaults; development over plain HTTP relaxes the cookie flags.
_SECURE = not (DEBUG or DEMO_MODE) or env_bool("KOMPASS_FORCE_SECURE", False)
SECURE_SSL_REDIRECT = env_bool("KOMPASS_SSL_REDIRECT", _SECURE)
BEHIND_PROXY = env_bool("KOMPASS_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
# Proxies whose X-Real-IP is believed (kompass/ops/proxy.py): nginx on the same machine.
TRUSTED_PROXIES = env_list("KOMPASS_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
SESSION_COOKIE_SECURE = _SECURE
CSRF_COOKIE_SECURE = _SECURE
LANGUAGE_COOKIE_SECURE = _SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("KOMPASS_HSTS_SECONDS", 31536000 if _SECURE else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _SECURE
SECURE_HSTS_PRELOAD = _SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The csrftoken cookie lives as long as the browser session, never a year on the phone of a person at
# risk; Django sets it only on pages that render a form (docs/security.md).
CSRF_COOKIE_AGE = None

# Content-Security-Policy (django-csp): scripts and styles only from our own static files — there is no
# inline script, event handler or style attribute in any page (a test checks every template) — and
# nothing from third parties except the map tiles, when configured.
_TILE_ORIGIN = ""
if MAP_TILE_URL.startswith(("https://", "http://")):
    _TILE_ORIGIN = "/".join(MAP_TILE_URL.split("/", 3)[:3])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([_TILE_ORIGIN] if _TILE_ORIGIN else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Logs: one JSON object per line on standard error, with the request id and no personal data
# (kompass/ops/logs.py). KOMPASS_LOG_LEVEL=INFO adds a line per request.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "kompass.ops.logs.RequestIdFilter"}},
    "formatters": {"json": {"()": "kompass.ops.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]}
    },
    "root": {"handlers": ["console"], "level": env_str("KOMPASS_LOG_LEVEL", "WARNING")},
    # httpx logs every request's URL at INFO, and a Bot API URL holds the bot's token;
    # python-telegram-bot logs whole updates and requests (what people write) at DEBUG.
    "loggers": {name: {"level": "WARNING"} for name in ("httpx", "httpcore", "telegram")},
}

# Optional error reporting (Sentry or a compatible server): nothing is sent unless a DSN is set.
if env_str("KOMPASS_SENTRY_DSN", ""):
    from kompass.ops.errors import init_error_reporting

    init_error_reporting(
        env_str("KOMPASS_SENTRY_DSN"), environment=env_str("KOMPASS_ENVIRONMENT", "production")
    )
