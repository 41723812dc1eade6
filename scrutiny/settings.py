"""Settings for the scrutiny portal, read from the environment.

Defaults are safe for production (DEBUG off, no hosts allowed, secure cookies); `make run` sets
the few variables a local demo needs.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def env_int(name, default):
    return int(os.environ.get(name, default))


DEBUG = env_bool("DEBUG")
# Without SECRET_KEY, Django refuses anything that signs (sessions, CSRF, password resets) with
# ImproperlyConfigured, so a production server without one fails on its first request, while
# commands that sign nothing (migrate, makemigrations --check) still run.
SECRET_KEY = os.environ.get("SECRET_KEY") or ("insecure-development-key-only" if DEBUG else "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "django_prose_editor",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_tables2",
    "django_filters",
    "committees",
    "finance",
    "workprogramme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "committees.middleware.ContentSecurityPolicyMiddleware",
    "committees.middleware.permissions_policy",
    "committees.middleware.idle_timeout",
    "simple_history.middleware.HistoryRequestMiddleware",
    "committees.middleware.private_pages",
    "committees.middleware.stored_files_unavailable",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

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
                "committees.context_processors.council",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write transactions take SQLite's write lock when they begin, so that two publications of
    # one meeting are serialised (PostgreSQL locks the meeting's row instead).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static" / "build"]
STATIC_ROOT = VAR_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Uploads and published files: a local folder (`disk`), memory (`memory`: tests, proving that
# no code needs a local path), or S3-compatible object storage (`s3`, django-storages, installed
# with the `s3` extra), which several web servers and workers can share.
STORAGE = os.environ.get("STORAGE", "disk")
DEFAULT_STORAGES = {
    "disk": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "memory": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "s3": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("S3_BUCKET", ""),
            # e.g. https://s3.eu-west-2.amazonaws.com, or a MinIO or Ceph gateway
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            # Credentials come from boto3's own environment (AWS_ACCESS_KEY_ID, …) or role.
            # Files are private: the portal serves them, checking who may read each one.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    },
}
if STORAGE not in DEFAULT_STORAGES:
    raise ImproperlyConfigured(f"STORAGE must be one of {', '.join(DEFAULT_STORAGES)}.")
STORAGES = {
    "default": DEFAULT_STORAGES[STORAGE],
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "scrutiny"),
    }
}
# Long work (publishing, rendering) runs in the task worker: `manage.py db_worker`.
# The database backend needs no other server; another django-tasks backend (RQ, Celery…) by
# configuration, for workers on other machines to take the load.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# A publication job whose worker has shown no sign of life for this long has died (a killed
# or restarted worker), and a new publication of the meeting may start.
PUBLICATION_STALE_SECONDS = int(os.environ.get("PUBLICATION_STALE_SECONDS", "120"))

SESSION_ENGINE = "django.contrib.sessions.backends.db"

# HTTPS: on unless DEBUG. Behind a reverse proxy that ends TLS, SECURE_PROXY_SSL_HEADER names the
# header it sets to "https" (e.g. HTTP_X_FORWARDED_PROTO), or every request would be redirected.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Sessions of people who can read exempt papers: a working day at most from sign-in, and signed
# out after an hour without a request (committees.middleware.idle_timeout). Writing in the report
# editor makes no request, so a shorter limit would sign out an author mid-report and lose the
# text when they save.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_AGE_SECONDS", 8 * 3600))
SESSION_IDLE_SECONDS = int(os.environ.get("SESSION_IDLE_SECONDS", 60 * 60))

# No script but our own files and inline scripts carrying the request's nonce; no remote images
# (a report body cannot make readers' browsers fetch from elsewhere). The one inline style is
# the base stylesheet that the rich text editor's Tiptap adds to the page, allowed by its hash;
# tests/test_project.py checks the hash against the installed editor.
TIPTAP_BASE_STYLE = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, TIPTAP_BASE_STYLE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Failed sign-ins: five for one username from one address locks that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a reverse proxy every request comes from the proxy's address, so one person's failures
# would lock a username out for everyone. CLIENT_IP_HEADER names the header the proxy puts the
# client's address in (e.g. X-Forwarded-For); CLIENT_IP_PROXY_COUNT says how many proxies append
# to it. Unset, only REMOTE_ADDR counts: a header a client can write is never trusted.
AXES_CLIENT_IP_CALLABLE = "committees.accounts.client_ip_address"
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")
CLIENT_IP_PROXY_COUNT = int(os.environ.get("CLIENT_IP_PROXY_COUNT", "1"))
if CLIENT_IP_PROXY_COUNT < 1:
    # Zero would take the left-most address, the one a client writes itself.
    raise ImproperlyConfigured("CLIENT_IP_PROXY_COUNT must be 1 or more.")

# Uploads: the largest file an officer may upload (appendices, Word reports).
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * MAX_UPLOAD_BYTES
# Pages of one uploaded PDF, and of all the uploaded PDFs of one meeting's pack together.
MAX_UPLOAD_PDF_PAGES = env_int("MAX_UPLOAD_PDF_PAGES", 500)
MAX_PACK_UPLOAD_PAGES = env_int("MAX_PACK_UPLOAD_PAGES", 2000)
# Reading an upload (Word conversion, PDF checks) and rendering a pack run in a child process
# under these limits (committees.limits), so that one hostile file cannot exhaust the server.
# Memory is what the work may add to the process; seconds are both processor and clock time.
# A 500-page pack renders in about 45 s with 430 MB.
CONVERSION_MEMORY_BYTES = env_int("CONVERSION_MEMORY_BYTES", 1024**3)
CONVERSION_SECONDS = env_int("CONVERSION_SECONDS", 60)
RENDER_MEMORY_BYTES = env_int("RENDER_MEMORY_BYTES", 3 * 1024**3)
RENDER_SECONDS = env_int("RENDER_SECONDS", 900)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "committees:home"
LOGOUT_REDIRECT_URL = "committees:home"

# Everything goes to stderr for the process manager to keep: Django's errors (with DEBUG off, the
# traceback of every 500 from django.request) and the portal's own messages (render times, task
# failures) at LOG_LEVEL. Django's default would print nothing with DEBUG off.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # No handlers of its own (Django's console and mail_admins go): it reaches stderr via root.
        "django": {"level": LOG_LEVEL},
        "committees": {"level": LOG_LEVEL},
        "django_tasks": {"level": LOG_LEVEL},
    },
}
