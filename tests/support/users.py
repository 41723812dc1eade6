"""People who sign in: new users in a role, the demo's users, and committee members."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from committees import roles
from tests.factories import CouncillorFactory, MembershipFactory


def make_user(username, group=None):
    """A new user, in the role group `group` if given (tests sign them in with force_login)."""
    user = get_user_model().objects.create_user(username=username, password="not-used-here")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def user(username):
    """An existing user, such as the demo's "officer", "author" and "councillor"."""
    return get_user_model().objects.get(username=username)


def member_of(meeting, username):
    """A new councillor's user who sits on the meeting's committee."""
    member = make_user(username, roles.COUNCILLORS)
    MembershipFactory(
        committee=meeting.committee,
        councillor=CouncillorFactory(user=member),
        start_date=dt.date(2000, 5, 1),
    )
    return member
