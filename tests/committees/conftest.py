"""Fixtures of the committees' tests.

The demo data set is loaded once per module here, where the root conftest loads it for each test
(as browser tests against a live server need). A module whose tests use it says so at its top,
so that every one of its tests sees the same data, whichever runs first or alone:

    pytestmark = pytest.mark.usefixtures("demo")

or `"published_seed"` for the demo with the seed's July 2019 agenda published.
"""

from collections import defaultdict
from pathlib import Path

import pytest
from django.db import transaction
from django.test.utils import override_settings

from committees import roles
from committees.demo import PFCF, load_demo
from committees.models import Meeting
from committees.services.publication import agenda_publish
from tests.support.demo import seed_meeting
from tests.support.packs import synthetic_meeting
from tests.support.synthetic import council, council_media  # noqa: F401  (fixtures)
from tests.support.users import make_user, user


def pytest_collection_modifyitems(config, items):
    """Refuse a module where some tests use the demo loaded once and others do not: those would
    see it or not depending on which ran before them."""
    uses_demo = defaultdict(set)
    for item in items:
        if Path(__file__).parent in Path(item.path).parents:
            uses_demo[item.module.__name__].add("module_demo" in item.fixturenames)
    mixed = sorted(name for name, uses in uses_demo.items() if len(uses) == 2)
    if mixed:
        raise pytest.UsageError(
            f"Some tests of {', '.join(mixed)} use the demo and some do not: mark the module "
            'with pytestmark = pytest.mark.usefixtures("demo"), or move the tests.'
        )


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker, module_media):
    """The demo, loaded once for the module inside a transaction that is rolled back after its
    last test. Each test's own transaction (pytest-django's `db`) is a savepoint inside this
    one, so what a test changes is undone before the next test (a test that needs real commits,
    `django_db(transaction=True)`, cannot use it); files stored meanwhile go to `module_media`,
    which every test of the module gets a copy of."""
    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
    try:
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=module_media):
            load_demo(publish=False)
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_published_seed(module_demo, django_db_blocker, module_media):
    """module_demo, with the seed's agenda published by the demo officer on the day the seed
    was published: its packs rendered and stored once for the module."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=module_media):
        meeting = seed_meeting()
        agenda_publish(meeting=meeting, by=user("officer"), on=meeting.published_on)


@pytest.fixture
def demo(module_demo, db):
    """The demo data set that `make run` shows (committees, meetings, demo logins), loaded
    once for the module."""


@pytest.fixture
def published_seed(module_published_seed, demo):
    """The demo with the seed's July 2019 agenda published, as `make run` has it."""


@pytest.fixture
def officer(demo):
    """The demo's democratic services officer, Jamie Sheldon."""
    return user("officer")


@pytest.fixture
def upcoming(demo):
    """The demo's next meeting of the seed's committee."""
    return Meeting.objects.upcoming().filter(committee__name=PFCF).first()


@pytest.fixture
def officer_user(db):
    """A new democratic services officer (a module on the demo overrides it with `officer`)."""
    return make_user("officer", roles.OFFICERS)


@pytest.fixture
def officer_client(client, officer_user):
    """The test client signed in as `officer_user`."""
    client.force_login(officer_user)
    return client


@pytest.fixture
def synthetic(db):
    """A meeting whose pack has every kind of item (tests/support/packs.py)."""
    return synthetic_meeting()
