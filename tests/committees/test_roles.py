"""The roles are groups that every installation has, not only the demo."""

import pytest
from django.contrib.auth.models import Group

from committees import roles


@pytest.mark.django_db
def test_the_three_role_groups_exist_in_a_fresh_database():
    assert set(Group.objects.values_list("name", flat=True)) == {
        roles.OFFICERS,
        roles.AUTHORS,
        roles.COUNCILLORS,
    }
