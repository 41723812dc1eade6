"""Creating, moving, postponing, cancelling and deleting meetings: the committee first, with its
usual venue and start time filled in; a second meeting at the same start only when confirmed;
only a meeting never published can be deleted."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees import roles
from committees.models import AgendaItem, Document, Meeting
from committees.services import agenda as agenda_services
from committees.services.publication import publication_request
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DocumentFactory,
    MeetingFactory,
    PublicationFactory,
    municipal_year_covering,
)
from tests.support.pages import collapsed_text as text
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return make_user("officer", roles.OFFICERS)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def create_url(committee):
    return f"{reverse('officer:meeting_create')}?committee={committee.slug}"


def meeting_data(starts_at, **changes):
    local = timezone.localtime(starts_at)
    return {
        "date_day": local.day,
        "date_month": local.month,
        "date_year": local.year,
        "start_time": f"{local:%H:%M}",
        "version": 1,
        **changes,
    }


# -- the committee first -----------------------------------------------------------------------


def test_creating_a_meeting_starts_by_choosing_the_committee(officer_client):
    CommitteeFactory(name="Budget Scrutiny Panel")

    page = text(officer_client.get(reverse("officer:meeting_create")))

    assert "Which committee is the meeting of?" in page
    assert '<option value="" selected>Select a committee</option>' in page
    assert "Budget Scrutiny Panel" in page
    assert "Date of meeting" not in page


def test_the_chosen_committees_venue_and_start_time_are_filled_in(officer_client):
    committee = CommitteeFactory(default_start_time=dt.time(10, 30))

    page = officer_client.get(create_url(committee)).content.decode()

    assert f'<option value="{committee.default_venue_id}" selected>' in page
    assert 'name="start_time" value="10:30"' in page
    assert committee.name in page


def test_an_unknown_committee_is_refused_at_the_choice(officer_client):
    response = officer_client.get(f"{reverse('officer:meeting_create')}?committee=no-such")

    page = text(response)
    assert "<title>Error: Create a meeting" in page
    assert (
        '<a href="#id_committee">Select the committee the meeting is of, from the list</a>' in page
    )


def test_a_new_meeting_is_of_the_committee_chosen(officer_client):
    committee = CommitteeFactory()
    starts_at = timezone.now() + dt.timedelta(days=40)
    municipal_year_covering(timezone.localdate(starts_at))

    response = officer_client.post(create_url(committee), meeting_data(starts_at))

    meeting = Meeting.objects.get()
    assert response.url == meeting.get_officer_url()
    assert meeting.committee == committee


# -- a second meeting at the same start --------------------------------------------------------


@pytest.fixture
def existing():
    return MeetingFactory(
        starts_at=timezone.now().replace(second=0, microsecond=0) + dt.timedelta(days=30)
    )


def test_a_duplicate_meeting_is_refused_with_a_warning_and_a_box_to_confirm(
    officer_client, existing
):
    response = officer_client.post(create_url(existing.committee), meeting_data(existing.starts_at))

    page = text(response)
    assert response.status_code == 200
    assert f"The {existing.committee} already has a meeting at" in page
    assert '<a href="#id_confirm_duplicate">' in page
    assert 'name="confirm_duplicate"' in page and "Create it anyway" in page
    assert Meeting.objects.count() == 1


def test_a_confirmed_duplicate_is_created(officer_client, existing):
    data = meeting_data(existing.starts_at, confirm_duplicate="on")

    response = officer_client.post(create_url(existing.committee), data)

    assert response.status_code == 302
    assert Meeting.objects.filter(starts_at=existing.starts_at).count() == 2


def test_the_confirmation_box_left_unticked_refuses_again(officer_client, existing):
    officer_client.post(create_url(existing.committee), meeting_data(existing.starts_at))
    again = officer_client.post(create_url(existing.committee), meeting_data(existing.starts_at))

    assert "already has a meeting at" in text(again)
    assert Meeting.objects.count() == 1


def test_another_committees_meeting_at_the_same_time_is_no_duplicate(officer_client, existing):
    response = officer_client.post(create_url(CommitteeFactory()), meeting_data(existing.starts_at))

    assert response.status_code == 302
    assert Meeting.objects.count() == 2


def test_moving_a_meeting_onto_another_asks_to_confirm_too(officer_client, existing):
    other = MeetingFactory(
        committee=existing.committee, starts_at=existing.starts_at + dt.timedelta(days=7)
    )
    url = reverse("officer:meeting_edit", args=[other.pk])
    data = meeting_data(existing.starts_at, version=other.version, venue=other.venue_id)

    refused = officer_client.post(url, data)
    assert "Save it anyway" in text(refused)
    other.refresh_from_db()
    assert other.starts_at != existing.starts_at

    # The refusal saved nothing, the version included: the confirmed form goes through.
    confirmed = officer_client.post(url, {**data, "confirm_duplicate": "on"})
    assert confirmed.status_code == 302
    other.refresh_from_db()
    assert other.starts_at == existing.starts_at


def test_the_service_refuses_a_duplicate_unless_allowed(existing):
    twin = Meeting(committee=existing.committee, starts_at=existing.starts_at)

    with pytest.raises(agenda_services.DuplicateMeeting) as refusal:
        agenda_services.meeting_create(meeting=twin)
    assert refusal.value.existing == existing

    agenda_services.meeting_create(meeting=twin, allow_duplicate=True)
    assert Meeting.objects.count() == 2


# -- postponing and cancelling -----------------------------------------------------------------


@pytest.mark.parametrize(("name", "action"), [("cancel", "Cancel"), ("postpone", "Postpone")])
def test_the_pages_say_cancel_or_postpone_this_meeting(officer_client, name, action):
    meeting = MeetingFactory()

    page = text(officer_client.get(reverse(f"officer:meeting_{name}", args=[meeting.pk])))

    assert f"<title>{action} this meeting" in page
    assert f'<h1 class="govuk-heading-xl">{action} this meeting</h1>' in page
    assert f'data-module="govuk-button">{action} this meeting</button>' in page
    assert "Cancelled this meeting" not in page and "Postponed this meeting" not in page


def test_a_cancellation_without_a_reason_asks_for_one(officer_client):
    meeting = MeetingFactory()

    url = reverse("officer:meeting_cancel", args=[meeting.pk])
    response = officer_client.post(url, {"reason": " "})

    assert '<a href="#id_reason">Enter why the meeting is cancelled</a>' in text(response)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED


# -- deleting ----------------------------------------------------------------------------------


@pytest.fixture
def mistake():
    """A meeting created by mistake, with an agenda and a report."""
    meeting = MeetingFactory()
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Budget"))
    return meeting


def delete_url(meeting):
    return reverse("officer:meeting_delete", args=[meeting.pk])


def test_a_never_published_meeting_is_deleted_after_confirmation(officer_client, mistake):
    agenda = text(officer_client.get(mistake.get_officer_url()))
    assert f'href="{delete_url(mistake)}">Delete this meeting</a>' in agenda

    confirm = text(officer_client.get(delete_url(mistake)))
    assert "Delete this meeting" in confirm and "You cannot undo this." in confirm
    assert Meeting.objects.filter(pk=mistake.pk).exists()  # looking deletes nothing

    response = officer_client.post(delete_url(mistake), {"version": mistake.version})

    assert response.url == reverse("officer:dashboard")
    assert not Meeting.objects.filter(pk=mistake.pk).exists()
    assert not AgendaItem.objects.filter(meeting_id=mistake.pk).exists()


def test_a_deletion_is_in_the_history_with_who_did_it(officer_client, officer, mistake):
    item = mistake.items.get()
    officer_client.post(delete_url(mistake), {"version": mistake.version})

    deleted = mistake.history.model.objects.get(id=mistake.pk, history_type="-")
    assert deleted.history_user == officer
    assert AgendaItem.history.get(id=item.pk, history_type="-").history_user == officer
    assert Document.history.filter(item_id=item.pk, history_type="-").count() == 1


def test_a_published_meeting_cannot_be_deleted(officer_client):
    meeting = PublicationFactory().meeting

    agenda = text(officer_client.get(meeting.get_officer_url()))
    page = text(officer_client.get(delete_url(meeting)))
    officer_client.post(delete_url(meeting), {"version": meeting.version})

    assert "Delete this meeting" not in agenda
    assert "This meeting cannot be deleted" in page and "cancel this meeting" in page
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_meeting_being_published_cannot_be_deleted(officer_client, officer, mistake):
    publication_request(meeting=mistake, by=officer, token="publishing-now")

    officer_client.post(delete_url(mistake), {"version": mistake.version})

    assert Meeting.objects.filter(pk=mistake.pk).exists()
    with pytest.raises(agenda_services.MeetingPublished):
        agenda_services.meeting_delete(meeting=mistake, expected_version=mistake.version)


def test_a_deletion_confirmed_on_a_stale_page_deletes_nothing(officer_client, mistake):
    stale = mistake.version
    agenda_services.agenda_item_add(
        item=AgendaItem(meeting=mistake, title="Added meanwhile"),
        after=None,
        expected_meeting_version=stale,
    )

    response = officer_client.post(delete_url(mistake), {"version": stale}, follow=True)

    assert "The meeting changed while you were looking at it" in text(response)
    assert Meeting.objects.filter(pk=mistake.pk).exists()


# -- the dashboard -----------------------------------------------------------------------------


def test_the_dashboard_writes_dates_in_full(officer_client):
    meeting = MeetingFactory()

    page = text(officer_client.get(reverse("officer:dashboard")))

    assert f"{meeting.publication_deadline:%A %-d %B %Y}" in page
