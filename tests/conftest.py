"""Fixtures shared by the whole suite.

pytest-django imports scrutiny.settings before this file is loaded, so the settings' own
environment (SECRET_KEY, DATABASE_URL) must be set by whoever runs pytest: `make test` and
`.ci/run` do. What can be changed after import is changed here.
"""

import copy
import shutil

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.storage import InMemoryStorage, default_storage
from django.core.management import call_command
from django.test.utils import override_settings


def pytest_configure(config):
    # Tests run with DEBUG off, like production, but speak plain HTTP to the test client and the
    # live server, which the HTTPS redirect would turn away. With DEBUG off the manifest storage
    # would need `collectstatic` first; plain storage and WhiteNoise's autorefresh find the built
    # assets in static/build instead (and WhiteNoise does not warn about a missing
    # var/staticfiles). override_settings, not assignment, so Django drops any storage it has
    # already built.
    # Hashing the demo's and fixtures' passwords with PBKDF2 took half the suite's time; what is
    # tested is who may sign in, not the hasher.
    override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        WHITENOISE_AUTOREFRESH=True,
        WHITENOISE_USE_FINDERS=True,
    ).enable()


def pytest_report_header(config):
    from django.db import connection

    return f"database: {connection.vendor}"


@pytest.fixture(scope="module")
def module_media(tmp_path_factory):
    """Where a module-scoped fixture stores files (the packs of an agenda it publishes); with
    STORAGE=memory, each module starts with no file stored, as it does with a folder of its own."""
    if isinstance(default_storage, InMemoryStorage):
        default_storage._root = InMemoryStorage()._root
    return tmp_path_factory.mktemp("module-media")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path, module_media):
    """Keep uploads and rendered packs out of var/media: each test has its own folder, holding
    a copy of what its module's fixtures stored, so that what a test stores or deletes is gone
    after it, like its database rows. With STORAGE=memory (the PostgreSQL run of CI), the files
    in memory are put back as they were after each test instead."""
    media = tmp_path / "media"
    shutil.copytree(module_media, media)
    settings.MEDIA_ROOT = media
    if isinstance(default_storage, InMemoryStorage):
        before = copy.deepcopy(default_storage._root)
        yield
        default_storage._root = before
    else:
        yield


@pytest.fixture(autouse=True)
def _public_cache():
    """Each test starts with no public page cached (local memory outlives the test's rows)."""
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo data set that `make run` shows (committees, meetings, demo logins), loaded for
    this test alone; tests/committees/conftest.py loads it once per module instead."""
    call_command("load_demo", "--no-publish", verbosity=0)


@pytest.fixture
def publish(db):
    """Publish a meeting's agenda through the publication service, as its officer would, on
    the day the meeting records (or today); returns the Publication."""
    from committees.services.publication import agenda_publish

    def publish(meeting, **request):
        by = get_user_model().objects.filter(is_superuser=True).first() or (
            get_user_model().objects.create_superuser("publisher", password="a-long-password-1")
        )
        request.setdefault("on", meeting.published_on)
        return agenda_publish(meeting=meeting, by=by, **request)

    return publish
