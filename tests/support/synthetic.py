"""The synthetic council (committees/synthetic) over one year and over ten, for the tests that
assert each public page runs the same queries either way (the committees' and finance tests'
conftest offer them). A module using them marks itself with
`pytestmark = pytest.mark.usefixtures("council_media")`.

Two committees: what a page queries does not depend on how many there are, and the data of
each run is loaded once for the module (rolled back after it).
"""

import pytest
from django.db import transaction
from django.test.utils import override_settings

from committees.synthetic import load_synthetic


@pytest.fixture(scope="module", params=[1, 10], ids=["one year", "ten years"])
def council(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The synthetic council over `param` years, with its stored files in a folder of its own."""
    media = tmp_path_factory.mktemp("synthetic-media")
    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
    try:
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
            load_synthetic(years=request.param, committees=2)
        yield media
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module.__exit__(None, None, None)


@pytest.fixture
def council_media(settings, council):
    """The council's stored files, read by the pack page and the PDFs."""
    settings.MEDIA_ROOT = council


def assert_served_in(client, url, queries, assert_num_queries) -> None:
    """The page at `url` runs `queries` = (rendered, served again, answered 304) queries, the
    public version's included (`assert_num_queries`: pytest-django's
    `django_assert_num_queries`)."""
    rendered, again, not_modified = queries
    with assert_num_queries(rendered):
        response = client.get(url)
    assert response.status_code == 200, url
    with assert_num_queries(again):
        assert client.get(url).status_code == 200
    with assert_num_queries(not_modified):
        conditional = client.get(url, headers={"if-none-match": response["ETag"]})
    assert conditional.status_code == 304
