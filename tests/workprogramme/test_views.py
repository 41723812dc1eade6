"""The public work programme, tracker and programme pages, and the officer's forms."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from committees.demo import PFCF
from committees.models import Meeting, Outcome
from tests.support.demo import PFCF_SLUG
from tests.support.pages import text
from tests.support.users import user
from tests.workprogramme.factories import TopicFactory, outcome
from workprogramme.models import (
    Programme,
    ProgrammeUpdate,
    ProgressNote,
    Topic,
    TrackedDecision,
    WorkProgramme,
)

pytestmark = pytest.mark.usefixtures("demo")
PROGRAMME_URL = reverse("workprogramme:programme", args=[PFCF_SLUG, 2019])
TRACKER_URL = reverse("workprogramme:tracker")


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def rows(response):
    """The rows of the page's table body."""
    body = text(response).split('<tbody class="govuk-table__body">')[1]
    return body.split('<tr class="govuk-table__row">')[1:]


def test_programme_page_filters_by_priority_and_status_and_sorts_by_score(client):
    high = client.get(PROGRAMME_URL, {"band": "High"})
    assert high.status_code == 200
    assert all("(5)" in row or "(6)" in row for row in rows(high))
    assert "Customer Experience Programme update" not in text(high)

    waiting = client.get(PROGRAMME_URL, {"status": "to_be_scheduled"})
    assert "Carbon Initiative" in text(waiting)
    assert "Monthly Finance Report Month 7" not in text(waiting)

    by_score = rows(client.get(PROGRAMME_URL, {"sort": "-score"}))
    assert "(5)" in by_score[0] and "Not scored" in by_score[-1]
    lowest_first = rows(client.get(PROGRAMME_URL, {"sort": "score"}))
    assert "Not scored" not in lowest_first[0] and "Not scored" in lowest_first[-1]
    assert 'aria-sort="descending"' in text(client.get(PROGRAMME_URL, {"sort": "-score"}))


def test_tracker_lists_overdue_decisions_first_and_filters_by_status(client):
    late = outcome(
        kind=Outcome.Kind.RECOMMENDED,
        recipient=Outcome.Recipient.CABINET,
        made_on=dt.date(2019, 12, 31),
        committee=WorkProgramme.objects.get().committee,
    )
    page = text(client.get(TRACKER_URL))
    assert page.index(late.text) < page.index("The Committee requested Monthly Finance")
    assert "Executive response due 29 February 2020" in page
    assert "Response late" in page

    complete = text(client.get(TRACKER_URL, {"status": "complete"}))
    assert late.text not in complete
    assert "2 decisions." in complete

    year = WorkProgramme.objects.get().municipal_year
    of_year = text(client.get(TRACKER_URL, {"municipal_year": year.pk}))
    assert late.text in of_year and "3 decisions." in of_year


def test_programme_history_shows_each_update_and_what_changed(client):
    programme = Programme.objects.get(name="Customer Experience Programme")
    page = text(client.get(programme.get_absolute_url()))
    assert "Update of 24 July 2019" in page
    assert "This is the programme's first update in the portal." in page
    assert "Amber: at risk" in page and "Green: on track" in page


def test_public_pages_run_a_bounded_number_of_queries_however_much_data(
    client, django_assert_max_num_queries
):
    programme = WorkProgramme.objects.get()
    # The public version (the cache's key), the council (for the header), then the page's own.
    bounds = {
        reverse("workprogramme:index"): 4,
        PROGRAMME_URL: 6,
        f"{PROGRAMME_URL}?band=High&sort=-score": 6,
        # Three for the numbers of the minutes awaiting confirmation.
        TRACKER_URL: 9,
        Programme.objects.get(name="Customer Experience Programme").get_absolute_url(): 8,
    }

    def check():
        for url, bound in bounds.items():
            with django_assert_max_num_queries(bound):
                assert client.get(url).status_code == 200, url

    check()
    for _ in range(20):
        TopicFactory(programme=programme, public_interest=True, ability=True, performance=True,
                     extent=False, replication=False, executive_decision=False)  # fmt: skip
    entry = TrackedDecision.objects.first().outcome.entry
    for n in range(5):
        asked = Outcome.objects.create(
            entry=entry, kind=Outcome.Kind.REQUESTED, text=f"Request {n}", recipient="council"
        )
        ProgressNote.objects.create(decision=asked.tracked, on=timezone.localdate(), text="Begun")
    check()


def test_the_tracker_numbers_many_committees_draft_minutes_in_the_same_queries(
    client, django_assert_num_queries
):
    with CaptureQueriesContext(connection) as one_draft:
        assert client.get(TRACKER_URL, {"page": 1}).status_code == 200
    drafts = [outcome(text=f"The Committee requested report {n}.") for n in range(4)]

    with django_assert_num_queries(len(one_draft)):
        page = text(client.get(TRACKER_URL, {"page": 2}))

    first = drafts[0].entry.minutes.meeting.committee.first_minute_number
    for asked in drafts:
        assert asked.text in page
    # Each committee's first minute, numbered on its own draft minutes.
    assert page.count(f">{first}<br>") >= len(drafts)


def test_anonymous_readers_are_sent_to_sign_in_and_councillors_refused(client):
    url = reverse("workprogramme_officer:overview")
    assert client.get(url)["Location"].startswith(reverse("login"))
    client.force_login(user("councillor"))
    assert client.get(url).status_code == 403


def topic_form(**fields):
    data = {"title": "Parking enforcement", "reason": "Members asked", "kind": "member_request"}
    return {**data, **fields}


def test_a_partly_scored_topic_is_refused_at_each_unanswered_question(officer_client):
    programme = WorkProgramme.objects.get()
    url = reverse("workprogramme_officer:topic_add", args=[programme.pk])

    response = officer_client.post(url, topic_form(public_interest="yes", ability="no"))

    assert response.status_code == 200
    page = text(response)
    assert "Answer “Performance”: a score counts all six questions" in page
    assert "Error: " in page
    assert not Topic.objects.filter(title="Parking enforcement").exists()


def test_a_yes_without_evidence_is_saved_and_flagged(officer_client):
    programme = WorkProgramme.objects.get()
    url = reverse("workprogramme_officer:topic_add", args=[programme.pk])
    answers = {
        "public_interest": "yes",
        "public_interest_evidence": "Complaints in six wards",
        "ability": "yes",
        "performance": "no",
        "extent": "yes",
        "replication": "no",
        "executive_decision": "no",
    }

    response = officer_client.post(url, topic_form(**answers), follow=True)

    topic = Topic.objects.get(title="Parking enforcement")
    assert (topic.score, topic.band) == (3, "Medium")
    page = text(response)
    assert "scored (3)" in page
    assert "“Yes” without evidence: Ability, Extent" in page


def test_scheduling_from_the_form_puts_the_topic_on_the_agenda(officer_client, upcoming):
    topic = Topic.objects.get(title="Carbon Initiative")
    url = reverse("workprogramme_officer:topic_schedule", args=[topic.pk])
    other = Meeting.objects.upcoming().exclude(committee__name=PFCF).first()

    refused = officer_client.post(url, {"meeting": other.pk})
    assert "Select a valid choice" in text(refused)

    officer_client.post(url, {"meeting": upcoming.pk})
    topic.refresh_from_db()
    assert topic.meeting == upcoming
    assert upcoming.items.filter(title="Carbon Initiative").exists()
    edit = text(officer_client.get(reverse("workprogramme_officer:topic_edit", args=[topic.pk])))
    assert f"Scheduled ({upcoming.starts_at:%-d %B %Y}), by Jamie Sheldon" in edit


def test_a_progress_note_dated_in_the_future_is_refused_at_its_date(officer_client):
    decision = TrackedDecision.objects.first()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    url = reverse("workprogramme_officer:decision_note", args=[decision.pk])

    response = officer_client.post(
        url,
        {
            "note-on_day": tomorrow.day,
            "note-on_month": tomorrow.month,
            "note-on_year": tomorrow.year,
            "note-text": "Report circulated",
        },
    )

    assert "A progress note cannot be dated in the future." in text(response)
    assert decision.notes.count() == 1


def test_an_update_with_no_workstream_statuses_is_refused(officer_client):
    programme = Programme.objects.get(name="Customer Experience Programme")
    url = reverse("workprogramme_officer:update_add", args=[programme.pk])

    response = officer_client.post(
        url, {"dated_day": "20", "dated_month": "11", "dated_year": "2019", "summary": "Quiet"}
    )

    assert "Give the status of at least one workstream" in text(response)
    assert programme.updates.count() == 1
    assert not ProgrammeUpdate.objects.filter(dated=dt.date(2019, 11, 20)).exists()


def test_officer_starts_a_programme_with_its_drivers_and_workstreams(officer_client):
    committee = WorkProgramme.objects.get().committee
    url = reverse("workprogramme_officer:programme_add")
    form = {
        "name": "Digital First",
        "committee": committee.pk,
        "purpose": "Services online first",
        "drivers-TOTAL_FORMS": "1",
        "drivers-INITIAL_FORMS": "0",
        "drivers-0-title": "Customer expectations",
        "drivers-0-position": "1",
        "workstreams-TOTAL_FORMS": "1",
        "workstreams-INITIAL_FORMS": "0",
        "workstreams-0-title": "Payments",
        "workstreams-0-kind": "enabler",
        "workstreams-0-position": "1",
    }

    officer_client.post(url, form)

    programme = Programme.objects.get(name="Digital First")
    assert [d.title for d in programme.drivers.all()] == ["Customer expectations"]
    assert [(w.title, w.kind) for w in programme.workstreams.all()] == [("Payments", "enabler")]


def test_a_target_date_before_the_decision_is_refused_at_its_field(officer_client):
    decision = TrackedDecision.objects.first()
    url = reverse("workprogramme_officer:decision", args=[decision.pk])

    response = officer_client.post(
        url,
        {"decision-target_date_day": "1", "decision-target_date_month": "6",
         "decision-target_date_year": "2019"},
    )  # fmt: skip

    assert "The target date cannot be before the decision was made (12 June 2019)." in text(
        response
    )
    decision.refresh_from_db()
    assert decision.target_date == dt.date(2019, 6, 30)


def test_agreed_to_schedule_adds_the_topics_the_programme_lacks(officer_client):
    decision = TrackedDecision.objects.get(outcome__kind=Outcome.Kind.SCHEDULED)
    url = reverse("workprogramme_officer:decision_topics", args=[decision.pk])

    response = officer_client.post(url, follow=True)

    page = text(response)
    assert "Added to the work programme: Monthly Finance reports, Procurement Services update." in (
        page
    )
    assert Topic.objects.filter(title="The Homelessness Strategy").count() == 1
