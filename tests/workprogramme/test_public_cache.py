"""The work programme's public pages are cached (committees/public_cache.py): a progress note,
a topic scheduled or an executive's response is on the page that shows it at the next request,
however recently that page was cached."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from committees.models import Committee, Outcome
from tests.factories import MeetingFactory
from tests.support.demo import PFCF, PFCF_SLUG
from tests.support.pages import text
from tests.workprogramme.factories import outcome
from workprogramme import services
from workprogramme.models import Topic, TrackedDecision

pytestmark = pytest.mark.usefixtures("demo")
PROGRAMME_URL = reverse("workprogramme:programme", args=[PFCF_SLUG, 2019])
TRACKER_URL = reverse("workprogramme:tracker")


def cached(client, url, **query):
    """The page at `url`, asked for twice: the second answer is the cached copy."""
    client.get(url, query)
    response = client.get(url, query)
    assert response.status_code == 200
    return text(response)


def test_a_progress_note_is_on_the_tracker_at_once(client):
    decision = TrackedDecision.objects.published().first()
    assert "Report drafted for the Cabinet" not in cached(client, TRACKER_URL)

    services.progress_note_add(
        decision=decision, on=timezone.localdate(), text="Report drafted for the Cabinet"
    )

    assert "Report drafted for the Cabinet" in text(client.get(TRACKER_URL))


def test_a_topic_scheduled_is_on_its_programme_at_once_under_every_filter(client):
    topic = Topic.objects.get(title="Carbon Initiative")
    scheduled = {"status": "scheduled"}
    assert "Carbon Initiative" not in cached(client, PROGRAMME_URL, **scheduled)
    assert "Carbon Initiative" in cached(client, PROGRAMME_URL, status="to_be_scheduled")
    meeting = MeetingFactory(
        committee=Committee.objects.get(name=PFCF),
        starts_at=timezone.now() + dt.timedelta(days=30),
    )

    services.topic_schedule(topic=topic, meeting=meeting)

    assert "Carbon Initiative" in text(client.get(PROGRAMME_URL, scheduled))
    assert "Carbon Initiative" not in text(client.get(PROGRAMME_URL, {"status": "to_be_scheduled"}))


def test_an_executive_response_is_on_the_tracker_at_once(client):
    recommended = outcome(
        kind=Outcome.Kind.RECOMMENDED,
        recipient=Outcome.Recipient.CABINET,
        committee=Committee.objects.get(name=PFCF),
        text="The Committee recommended that the Cabinet light the promenade.",
    )
    before = cached(client, TRACKER_URL)
    assert "light the promenade" in before
    assert "The promenade will be lit by the spring" not in before

    decision = recommended.tracked
    decision.response = TrackedDecision.Response.ACCEPTED
    decision.response_on = timezone.localdate()
    decision.response_text = "The promenade will be lit by the spring"
    services.decision_update(decision=decision)

    page = text(client.get(TRACKER_URL))
    assert f"Accepted on {timezone.localdate():%-d %B %Y}" in page
    assert "The promenade will be lit by the spring" in page
