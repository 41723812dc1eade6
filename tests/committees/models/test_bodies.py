"""The rules of committees' bodies (committees/models/bodies.py): municipal years and
memberships; the message at the field, and the database refusing what bypasses the form."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from committees.models import Membership, MunicipalYear
from tests.factories import (
    CommitteeFactory,
    CouncillorFactory,
    MembershipFactory,
    MunicipalYearFactory,
)

pytestmark = pytest.mark.django_db


def test_municipal_years_cannot_overlap():
    MunicipalYearFactory(start_year=2019)
    overlapping = MunicipalYear(
        label="2020", start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 12, 31)
    )

    with pytest.raises(ValidationError) as error:
        overlapping.full_clean()

    assert error.value.messages == ["These dates overlap the municipal year 2019/2020."]


def test_consecutive_municipal_years_may_meet_end_to_start():
    MunicipalYearFactory(start_year=2019)
    following = MunicipalYear(
        label="2020/2021", start_date=dt.date(2020, 5, 1), end_date=dt.date(2021, 4, 30)
    )

    following.full_clean()


def test_municipal_year_must_end_after_it_starts():
    backwards = MunicipalYear(
        label="2020/2021", start_date=dt.date(2021, 4, 30), end_date=dt.date(2020, 5, 1)
    )

    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert error.value.message_dict["end_date"] == ["The year must end after it starts."]

    with pytest.raises(IntegrityError), transaction.atomic():
        backwards.save()


def test_membership_cannot_end_before_it_starts():
    membership = Membership(
        committee=CommitteeFactory(),
        councillor=CouncillorFactory(),
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        membership.full_clean()

    assert error.value.message_dict["end_date"] == ["A membership cannot end before it starts."]


def test_database_refuses_a_membership_ending_before_it_starts_when_clean_is_bypassed():
    membership = Membership(
        committee=CommitteeFactory(),
        councillor=CouncillorFactory(),
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 4, 30),
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()


def test_second_chair_at_the_same_time_is_refused():
    committee = CommitteeFactory(name="Audit Committee")
    MembershipFactory(
        committee=committee,
        councillor=CouncillorFactory(name="Kelly"),
        role=Membership.Role.CHAIR,
        start_date=dt.date(2019, 5, 1),
    )
    second = Membership(
        committee=committee,
        councillor=CouncillorFactory(name="Winter"),
        role=Membership.Role.CHAIR,
        start_date=dt.date(2019, 9, 1),
    )

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert error.value.message_dict["role"] == [
        "Councillor Kelly is already chair of Audit Committee from 1 May 2019; "
        "a committee has one at a time."
    ]


def test_new_chair_after_the_first_ones_term_ends_is_accepted():
    committee = CommitteeFactory()
    MembershipFactory(
        committee=committee,
        role=Membership.Role.CHAIR,
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2020, 4, 30),
    )
    successor = Membership(
        committee=committee,
        councillor=CouncillorFactory(),
        role=Membership.Role.CHAIR,
        start_date=dt.date(2020, 5, 1),
    )

    successor.full_clean()


def test_chair_without_a_start_date_is_told_the_date_is_required():
    chair = Membership(
        committee=CommitteeFactory(), councillor=CouncillorFactory(), role=Membership.Role.CHAIR
    )

    with pytest.raises(ValidationError) as error:
        chair.full_clean()

    assert error.value.message_dict["start_date"] == ["This field cannot be null."]


def test_chair_and_vice_chair_may_serve_together():
    committee = CommitteeFactory()
    MembershipFactory(committee=committee, role=Membership.Role.CHAIR)
    vice = Membership(
        committee=committee,
        councillor=CouncillorFactory(),
        role=Membership.Role.VICE_CHAIR,
        start_date=timezone.localdate(),
    )

    vice.full_clean()
