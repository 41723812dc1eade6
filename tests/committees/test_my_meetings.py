"""A councillor's "My meetings": the coming meetings of the committees they sit on, with the
packs, the restricted one among them; nobody else's, and nothing exempt on the page itself."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import Meeting
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    CouncillorFactory,
    MeetingFactory,
    MembershipFactory,
    PublicationFactory,
)
from tests.support.pages import collapsed_text as text
from tests.support.users import make_user

pytestmark = pytest.mark.django_db

MY_MEETINGS = reverse("committees:my_meetings")


@pytest.fixture
def councillor():
    """A councillor's login, sitting on one committee since a year ago."""
    user = make_user("councillor", roles.COUNCILLORS)
    user.first_name, user.last_name = "Sam", "Kelly"
    user.save()
    person = CouncillorFactory(name="Kelly", user=user)
    MembershipFactory(
        councillor=person,
        committee=CommitteeFactory(name="Budget Scrutiny Panel"),
        start_date=timezone.localdate() - dt.timedelta(days=365),
    )
    return user


@pytest.fixture
def councillor_client(client, councillor):
    client.force_login(councillor)
    return client


def their_committee(councillor):
    return councillor.councillor.memberships.get().committee


def test_a_councillor_lands_on_my_meetings_after_signing_in(client, councillor):
    councillor.set_password("a-long-password-1")
    councillor.save()

    response = client.post(
        reverse("login"), {"username": "councillor", "password": "a-long-password-1"}
    )

    assert response.url == MY_MEETINGS


def test_the_header_links_to_my_meetings_and_says_who_is_signed_in(councillor_client):
    page = text(councillor_client.get(reverse("committees:home")))

    assert f'href="{MY_MEETINGS}">My meetings</a>' in page
    assert "Signed in as <strong>Sam Kelly</strong>, councillor" in page


def test_only_the_meetings_of_their_committees_are_listed(councillor_client, councillor):
    mine = MeetingFactory(committee=their_committee(councillor))
    others = MeetingFactory(committee=CommitteeFactory(name="Housing Panel"))
    past = MeetingFactory(
        committee=their_committee(councillor), starts_at=timezone.now() - dt.timedelta(days=3)
    )

    response = councillor_client.get(MY_MEETINGS)

    meetings = list(response.context["meetings"])
    assert meetings == [mine]
    assert others not in meetings and past not in meetings
    assert "Budget Scrutiny Panel" in text(response)


def test_a_published_meeting_has_its_packs_and_the_restricted_one(councillor_client, councillor):
    meeting = PublicationFactory(meeting__committee=their_committee(councillor)).meeting

    page = text(councillor_client.get(MY_MEETINGS))

    assert f'href="{reverse("committees:pack", args=[meeting.pk])}"' in page
    assert f'href="{reverse("committees:pack_pdf", args=[meeting.pk])}"' in page
    assert f'href="{reverse("committees:pack_restricted_pdf", args=[meeting.pk])}"' in page


def test_an_unpublished_meeting_says_when_its_agenda_is_due(councillor_client, councillor):
    meeting = MeetingFactory(committee=their_committee(councillor))

    page = text(councillor_client.get(MY_MEETINGS))

    assert "The agenda has not been published yet" in page
    assert f"{meeting.publication_deadline:%A %-d %B %Y}" in page
    assert "pack-restricted.pdf" not in page


def test_no_restricted_pack_of_a_committee_they_left_before_the_meeting(
    councillor_client, councillor
):
    membership = councillor.councillor.memberships.get()
    meeting = PublicationFactory(meeting__committee=membership.committee).meeting
    membership.end_date = meeting.date - dt.timedelta(days=1)
    membership.save()

    page = text(councillor_client.get(MY_MEETINGS))

    assert "pack-restricted.pdf" not in page
    assert not roles.can_read_restricted(councillor, meeting)


def test_the_list_and_the_restricted_pack_agree_on_who_sits(councillor):
    """My meetings lists exactly the meetings whose restricted pack the councillor may read."""
    committee = their_committee(councillor)
    meetings = [
        MeetingFactory(committee=committee),
        MeetingFactory(committee=CommitteeFactory()),
        MeetingFactory(committee=committee, starts_at=timezone.now() + dt.timedelta(days=900)),
    ]
    membership = councillor.councillor.memberships.get()
    membership.end_date = timezone.localdate() + dt.timedelta(days=400)
    membership.save()

    listed = set(Meeting.objects.sat_on_by(councillor))

    assert listed == {m for m in meetings if roles.can_read_restricted(councillor, m)}
    assert listed == {meetings[0]}


def test_no_exempt_title_or_text_reaches_the_page(councillor_client, councillor):
    meeting = PublicationFactory(meeting__committee=their_committee(councillor)).meeting
    AgendaItemFactory(meeting=meeting, title="CANARY exempt item", exempt=True, exempt_paragraph=3)

    assert "CANARY" not in text(councillor_client.get(MY_MEETINGS))


def test_my_meetings_is_for_councillors(client):
    assert client.get(MY_MEETINGS).status_code == 302  # sign in first

    client.force_login(make_user("officer", roles.OFFICERS))
    assert client.get(MY_MEETINGS).status_code == 403


def test_my_meetings_runs_a_fixed_number_of_queries(
    councillor_client, councillor, django_assert_max_num_queries
):
    for _ in range(5):
        PublicationFactory(meeting__committee=their_committee(councillor))

    # Session, user, roles, council; the meetings and their publications; the session's
    # last-request time saved (a savepoint, the update, its release).
    with django_assert_max_num_queries(9):
        councillor_client.get(MY_MEETINGS)
