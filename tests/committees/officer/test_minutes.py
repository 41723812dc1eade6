"""The officer's minutes pages (committees/officer/minutes.py): attendance starting from the
membership on the meeting date, minutes from the agenda with outcomes and declarations,
publication, confirmation at a later meeting and amendments, each refusal at its field with
nothing saved. The demo is loaded once for the module."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from committees.models import Amendment, Attendance, Councillor, Meeting, Minutes, Outcome
from tests.support.demo import PFCF_SLUG, seed_meeting
from tests.support.pages import form_values, text

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def client(client, officer):
    client.force_login(officer)
    return client


def june_meeting():
    return Meeting.objects.get(committee__slug=PFCF_SLUG, starts_at__date=dt.date(2019, 6, 12))


def member_index(page, name):
    """The index of the attendance form row of Councillor `name`."""
    pk = Councillor.objects.get(name=name).pk
    return int(re.search(rf'name="members-(\d+)-councillor" value="{pk}"', text(page))[1])


def test_attendance_form_starts_from_the_membership_on_the_meeting_date(client):
    url = reverse("officer:minutes_attendance", args=[seed_meeting().pk])
    page = client.get(url)

    html = text(page)
    assert "Councillor Kelly, Chair" in html and "Councillor Winter, Vice Chair" in html
    # Nine members, four fields each, and the formset's four management fields.
    assert (html.count('name="members-') - 4) // 4 == 9
    assert not Minutes.objects.filter(meeting=seed_meeting()).exists()  # looking saves nothing


def test_a_substitute_for_a_member_present_is_refused_at_the_field(client):
    url = reverse("officer:minutes_attendance", args=[seed_meeting().pk])
    page = client.get(url)
    row = member_index(page, "Hendy")
    murphy = Councillor.objects.get(name="Murphy")

    response = client.post(url, form_values(page, **{f"members-{row}-substitute": str(murphy.pk)}))

    assert response.status_code == 200
    html = text(response)
    assert "Councillor Hendy was present, so nobody substituted for them" in html
    assert f'href="#id_members-{row}-substitute"' in html
    assert not Attendance.objects.filter(minutes__meeting=seed_meeting()).exists()


def test_a_finish_before_the_start_is_refused_at_the_finish(client):
    url = reverse("officer:minutes_attendance", args=[seed_meeting().pk])
    page = client.get(url)

    response = client.post(url, form_values(page, started_at="3pm", finished_at="2pm"))

    assert "The meeting cannot finish before it started." in text(response)
    assert 'href="#id_finished_at"' in text(response)
    assert not Attendance.objects.filter(minutes__meeting=seed_meeting()).exists()


def record_july(client):
    """Attendance (Hendy's apologies, Murphy substituting) and minutes from the agenda."""
    meeting = seed_meeting()
    url = reverse("officer:minutes_attendance", args=[meeting.pk])
    page = client.get(url)
    row = member_index(page, "Hendy")
    values = form_values(
        page,
        **{
            f"members-{row}-status": Attendance.Status.APOLOGIES,
            f"members-{row}-substitute": str(Councillor.objects.get(name="Murphy").pk),
            "started_at": "2pm",
            "finished_at": "4.30pm",
        },
    )
    assert client.post(url, values).status_code == 302
    overview = client.get(reverse("officer:minutes", args=[meeting.pk]))
    client.post(reverse("officer:minutes_from_agenda", args=[meeting.pk]), form_values(overview))
    return Minutes.objects.get(meeting=meeting)


def test_minutes_from_the_agenda_run_on_from_june_and_take_outcomes(client):
    minutes = record_july(client)
    overview = text(client.get(reverse("officer:minutes", args=[minutes.meeting.pk])))
    assert "61. Apologies" in overview and "71. Tracking Decisions" in overview

    entry = minutes.entries.get(title="Revenue Monitor 2019/20 - Month 2")
    url = reverse("officer:minute_edit", args=[entry.pk])
    page = client.get(url)
    nobody = form_values(
        page,
        **{
            "text": '<p>Members asked</p><ol type="a"><li>one</li><li>two</li></ol>',
            "outcomes-0-kind": Outcome.Kind.REQUESTED,
            "outcomes-0-text": "The Committee requested a breakdown of the overspend.",
        },
    )
    response = client.post(url, nobody)
    assert "Say who this is requested of." in text(response)
    assert not Outcome.objects.filter(entry=entry).exists()

    of_cabinet = {**nobody, "outcomes-0-recipient": Outcome.Recipient.CABINET}
    assert client.post(url, of_cabinet).status_code == 302
    entry.refresh_from_db()
    assert '<ol type="a">' in entry.text
    assert entry.outcomes.get().recipient_described == "Cabinet"


def test_a_declaration_by_someone_absent_is_refused(client):
    minutes = record_july(client)
    entry = minutes.entries.get(title="Work Programme")
    url = reverse("officer:minute_edit", args=[entry.pk])
    page = client.get(url)
    hendy = Councillor.objects.get(name="Hendy")  # gave apologies: not offered, and refused

    response = client.post(
        url,
        form_values(
            page,
            **{
                "declarations-0-councillor": str(hendy.pk),
                "declarations-0-kind": "dpi",
                "declarations-0-text": "Owns a shop",
            },
        ),
    )

    assert response.status_code == 200
    assert "Select a valid choice" in text(response)
    assert not entry.declarations.exists()


def test_publish_then_confirm_at_a_later_meeting_then_amend_with_a_reason(client):
    july = record_july(client)
    june = Minutes.objects.get(meeting=june_meeting())
    confirm_url = reverse("officer:minutes_confirm", args=[june.meeting.pk])
    page = client.get(confirm_url)
    at = july.entries.get(title="Minutes")

    response = client.post(confirm_url, form_values(page, at=str(at.pk)))

    assert response.status_code == 302
    june.refresh_from_db()
    assert june.status == Minutes.Status.CONFIRMED and june.confirmed_by == at
    overview = text(client.get(reverse("officer:minutes", args=[june.meeting.pk])))
    assert "agreed at the meeting on 24 July 2019 (minute 63)" in overview

    entry = june.entries.get(title="Terms of Reference")
    url = reverse("officer:minute_edit", args=[entry.pk])
    page = client.get(url)
    changed = form_values(page, text="<p>Under this item the Chair highlighted the changes.</p>")
    refused = client.post(url, changed)
    assert "give the reason for the amendment" in text(refused)
    assert not Amendment.objects.exists()
    saved = client.post(url, {**changed, "amendment_reason": "The Chair asked for brevity."})
    assert saved.status_code == 302
    amendment = Amendment.objects.get()
    assert amendment.description == "Minute 58: Terms of Reference"
    public = text(client.get(june.meeting.get_absolute_url()))
    assert "Minute 58: Terms of Reference. Reason: The Chair asked for brevity." in public
    history = text(client.get(reverse("officer:minutes_history", args=[june.meeting.pk])))
    assert "Under this item the Chair highlighted the changes." in history


def test_minutes_of_another_committee_cannot_be_chosen_to_confirm(client):
    june = Minutes.objects.get(meeting=june_meeting())
    confirm_url = reverse("officer:minutes_confirm", args=[june.meeting.pk])
    page = client.get(confirm_url)
    other = Meeting.objects.exclude(committee__slug=PFCF_SLUG).first()
    elsewhere = Minutes.objects.create(meeting=other)
    entry = elsewhere.entries.create(title="Minutes", position=1)

    response = client.post(confirm_url, form_values(page, at=str(entry.pk)))

    assert "Select a valid choice" in text(response)
    june.refresh_from_db()
    assert june.status == Minutes.Status.PUBLISHED


def test_the_agenda_page_links_to_the_minutes(client):
    page = text(client.get(june_meeting().get_officer_url()))
    assert reverse("officer:minutes", args=[june_meeting().pk]) in page
    assert "Minutes published (draft)" in page


def test_confirming_before_the_earlier_minutes_is_refused_with_the_reason(client):
    july = record_july(client)
    overview = client.get(reverse("officer:minutes", args=[july.meeting.pk]))
    client.post(reverse("officer:minutes_publish", args=[july.meeting.pk]), form_values(overview))
    later = (
        Meeting.objects.filter(committee__slug=PFCF_SLUG, starts_at__gt=july.meeting.starts_at)
        .order_by("starts_at")
        .first()
    )
    entry = Minutes.objects.create(meeting=later).entries.create(title="Minutes", position=1)
    confirm_url = reverse("officer:minutes_confirm", args=[july.meeting.pk])

    response = client.post(confirm_url, form_values(client.get(confirm_url), at=str(entry.pk)))

    assert response.status_code == 200
    assert "Confirm the earlier minutes first (12 June 2019)" in text(response)
    july.refresh_from_db()
    assert july.status == Minutes.Status.PUBLISHED
