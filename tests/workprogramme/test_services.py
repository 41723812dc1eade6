"""Writes of the work programme and the tracker: scheduling onto agendas and back, the tracker
picking up minuted outcomes, and every bad input refused with nothing saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from committees.models import AgendaItem, Outcome
from committees.services.agenda import meeting_create
from tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    OfficerFactory,
    StandingItemFactory,
    next_wednesday_at_two,
)
from tests.workprogramme.factories import TopicFactory, WorkProgrammeFactory, outcome
from workprogramme import services
from workprogramme.models import (
    Programme,
    ProgrammeUpdate,
    ProgressNote,
    Topic,
    TopicEvent,
    TrackedDecision,
    Workstream,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    work_programme = WorkProgrammeFactory()
    for position, title in enumerate(["Apologies", "Minutes"], start=1):
        StandingItemFactory(committee=work_programme.committee, position=position, title=title)
    StandingItemFactory(
        committee=work_programme.committee, at_end=True, position=1, title="Work Programme"
    )
    return work_programme


def new_meeting(committee, weeks=0):
    from committees.models import Meeting

    starts = next_wednesday_at_two() + dt.timedelta(weeks=weeks)
    return meeting_create(meeting=Meeting(committee=committee, starts_at=starts))


def agenda(meeting):
    return list(meeting.items.order_by("position").values_list("title", flat=True))


def test_scheduling_adds_the_topic_to_the_agenda_before_the_closing_items_and_links_back(
    programme,
):
    meeting = new_meeting(programme.committee)
    topic = TopicFactory(programme=programme, title="Carbon Initiative")

    services.topic_schedule(topic=topic, meeting=meeting)

    assert agenda(meeting) == ["Apologies", "Minutes", "Carbon Initiative", "Work Programme"]
    item = meeting.items.get(title="Carbon Initiative")
    assert item.work_programme_topic == topic
    assert list(topic.events.values_list("kind", flat=True)) == [TopicEvent.Kind.SCHEDULED]


def test_moving_a_topic_takes_its_item_off_the_draft_agenda_and_onto_the_new_one(programme):
    first, second = new_meeting(programme.committee), new_meeting(programme.committee, weeks=4)
    topic = TopicFactory(programme=programme, title="Street Services")
    services.topic_schedule(topic=topic, meeting=first)

    services.topic_schedule(topic=topic, meeting=second)

    assert "Street Services" not in agenda(first)
    assert "Street Services" in agenda(second)
    assert topic.events.last().kind == TopicEvent.Kind.MOVED


def test_unscheduling_a_topic_on_a_draft_agenda_removes_its_item(programme):
    meeting = new_meeting(programme.committee)
    topic = TopicFactory(programme=programme, title="People Directorate")
    services.topic_schedule(topic=topic, meeting=meeting)

    services.topic_unschedule(topic=topic)

    assert "People Directorate" not in agenda(meeting)
    topic.refresh_from_db()
    assert topic.meeting is None and topic.agenda_item is None


def test_a_topic_on_a_published_agenda_must_be_withdrawn_through_the_agenda(programme):
    meeting = new_meeting(programme.committee)
    topic = TopicFactory(programme=programme, title="Homelessness Strategy")
    services.topic_schedule(topic=topic, meeting=meeting)
    meeting.published_on = timezone.localdate()
    meeting.save()

    for refused in (services.topic_unschedule, services.topic_withdraw):
        with pytest.raises(services.TopicInPublishedAgenda, match="withdraw the item through"):
            refused(topic=topic)

    topic.refresh_from_db()
    assert topic.meeting == meeting and topic.withdrawn_on is None
    assert "Homelessness Strategy" in agenda(meeting)


def test_withdrawing_a_scheduled_topic_takes_it_off_the_draft_agenda(programme):
    meeting = new_meeting(programme.committee)
    topic = TopicFactory(programme=programme, title="Staff Survey Update")
    services.topic_schedule(topic=topic, meeting=meeting)

    services.topic_withdraw(topic=topic, reason="Covered by the annual report")

    assert "Staff Survey Update" not in agenda(meeting)
    event = topic.events.last()
    assert (event.kind, event.meeting, event.note) == (
        TopicEvent.Kind.WITHDRAWN,
        meeting,
        "Covered by the annual report",
    )


def test_scheduling_onto_another_committees_meeting_is_refused_and_nothing_saved(programme):
    other = new_meeting(CommitteeFactory())
    topic = TopicFactory(programme=programme)
    items_before = AgendaItem.objects.count()

    with pytest.raises(ValidationError) as refused:
        services.topic_schedule(topic=topic, meeting=other)

    assert "is a meeting of another committee" in refused.value.message_dict["meeting"][0]
    assert AgendaItem.objects.count() == items_before
    topic.refresh_from_db()
    assert topic.meeting is None and not topic.events.exists()


def test_scheduling_onto_a_meeting_already_held_is_refused(programme):
    held = MeetingFactory(
        committee=programme.committee, starts_at=timezone.now() - dt.timedelta(days=7)
    )
    topic = TopicFactory(programme=programme)

    with pytest.raises(ValidationError, match="already been held"):
        services.topic_schedule(topic=topic, meeting=held)
    assert not held.items.exists()


def test_a_topics_score_is_counted_from_all_six_answers_never_a_partial_set(programme):
    topic = Topic(programme=programme, title="Carbon", public_interest=True, ability=True)
    with pytest.raises(ValidationError, match="Answer all six questions"):
        services.topic_save(topic=topic)
    assert not Topic.objects.filter(title="Carbon").exists()

    for name in ("performance", "extent", "replication", "executive_decision"):
        setattr(topic, name, name != "replication")
    services.topic_save(topic=topic)
    assert (topic.score, topic.band) == (5, "High")
    assert topic.unevidenced == [
        "Public Interest",
        "Ability",
        "Performance",
        "Extent",
        "Executive Decision",
    ]


def test_an_asking_outcome_is_tracked_as_soon_as_it_is_minuted():
    officer = OfficerFactory()
    requested = outcome(
        kind=Outcome.Kind.REQUESTED,
        recipient=Outcome.Recipient.OFFICER,
        officer=officer,
        due_by=timezone.localdate() + dt.timedelta(days=30),
    )
    noted = outcome(kind=Outcome.Kind.NOTED)

    decision = requested.tracked
    assert (decision.officer, decision.target_date) == (officer, requested.due_by)
    assert not TrackedDecision.objects.filter(outcome=noted).exists()
    assert decision.status(timezone.localdate()) == "open"


def test_outcomes_written_without_signals_are_picked_up_by_a_query():
    requested = outcome(kind=Outcome.Kind.REQUESTED)
    TrackedDecision.objects.filter(outcome=requested).delete()

    assert services.decisions_pick_up() == 1
    assert TrackedDecision.objects.filter(outcome=requested).exists()
    assert services.decisions_pick_up() == 0


def test_a_progress_note_changes_the_computed_status():
    decision = outcome(
        kind=Outcome.Kind.REQUESTED, made_on=timezone.localdate() - dt.timedelta(days=60)
    ).tracked
    decision.target_date = timezone.localdate() - dt.timedelta(days=10)
    services.decision_update(decision=decision)
    today = timezone.localdate()
    assert decision.status(today) == "overdue"

    services.progress_note_add(
        decision=decision, on=today, text="Report circulated", completes=True
    )

    decision = TrackedDecision.objects.get(pk=decision.pk)
    assert decision.status(today) == "complete"


def test_a_target_date_before_the_decision_is_refused():
    decision = outcome(kind=Outcome.Kind.REQUESTED).tracked
    decision.target_date = decision.made_on - dt.timedelta(days=1)

    with pytest.raises(ValidationError) as refused:
        services.decision_update(decision=decision)
    assert "cannot be before the decision was made" in refused.value.message_dict["target_date"][0]
    decision.refresh_from_db()
    assert decision.target_date is None


def test_a_progress_note_dated_in_the_future_is_refused_and_nothing_saved():
    decision = outcome(kind=Outcome.Kind.REQUESTED).tracked

    with pytest.raises(ValidationError) as refused:
        services.progress_note_add(
            decision=decision, on=timezone.localdate() + dt.timedelta(days=1), text="Done"
        )
    assert refused.value.message_dict["on"] == ["A progress note cannot be dated in the future."]
    assert not ProgressNote.objects.exists()


def test_only_a_recommendation_to_the_executive_takes_the_executives_response():
    requested = outcome(kind=Outcome.Kind.REQUESTED).tracked
    requested.response = TrackedDecision.Response.ACCEPTED
    requested.response_on = timezone.localdate()
    with pytest.raises(ValidationError, match="Only a recommendation to the cabinet"):
        services.decision_update(decision=requested)

    recommended = outcome(
        kind=Outcome.Kind.RECOMMENDED,
        recipient=Outcome.Recipient.CABINET,
        made_on=dt.date(2019, 12, 31),
    ).tracked
    assert recommended.response_due == dt.date(2020, 2, 29)
    assert recommended.response_late(timezone.localdate())
    assert recommended.status(timezone.localdate()) == "overdue"
    recommended.response = TrackedDecision.Response.PARTLY_ACCEPTED
    recommended.response_text = "Accepted but for the timetable."
    recommended.response_on = timezone.localdate()
    services.decision_update(decision=recommended)
    assert recommended.status(timezone.localdate()) == "complete"
    assert recommended.response_late(timezone.localdate())  # two months had passed


def test_agreed_to_schedule_offers_its_topics_to_the_programme_once():
    scheduled = outcome(kind=Outcome.Kind.SCHEDULED, topics="Carbon Initiative;\nStreet Services.")
    assert scheduled.tracked

    added = services.topics_from_outcome(outcome=scheduled)

    assert [t.title for t in added] == ["Carbon Initiative", "Street Services"]
    assert {t.source_outcome for t in added} == {scheduled}
    assert added[0].programme.committee == scheduled.entry.minutes.meeting.committee
    assert services.topics_from_outcome(outcome=scheduled) == []


def test_a_programme_update_without_workstream_statuses_is_refused():
    committee = CommitteeFactory()
    programme = Programme.objects.create(name="Digital", committee=committee)
    Workstream.objects.create(programme=programme, title="Website")

    with pytest.raises(ValidationError, match="at least one workstream"):
        services.programme_update_create(
            update=ProgrammeUpdate(programme=programme, dated=timezone.localdate()), statuses=[]
        )
    assert not ProgrammeUpdate.objects.exists()
