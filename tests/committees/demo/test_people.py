"""The demo's people and logins (committees/demo/people.py)."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest

from committees.demo import DEMO_PASSWORD

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize(
    ("username", "group", "person"),
    [
        ("officer", "Democratic services officers", "Jamie Sheldon"),
        ("author", "Report authors", "Paul Looby"),
        ("councillor", "Councillors", "Councillor Kelly"),
    ],
)
def test_demo_logins_work(demo, client, username, group, person):
    user = get_user_model().objects.get(username=username)

    # django-axes wants the request it rate-limits by; plain ModelBackend ignores it.
    assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
    assert list(user.groups.values_list("name", flat=True)) == [group]
    linked = getattr(user, "officer", None) or user.councillor
    assert str(linked) == person


def test_only_the_officer_login_reaches_the_admin(demo):
    staff = get_user_model().objects.filter(is_staff=True)

    assert list(staff.values_list("username", flat=True)) == ["officer"]
