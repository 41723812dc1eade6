"""The minutes as a generated document (committees.minutes in committees/packs/generators.py):
the next meeting's "Minutes" item names the minutes it confirms, and the publish page refuses
minutes it cannot ask the committee to confirm. Lettered points survive the sanitiser."""

import datetime as dt

import pytest
from django.utils import timezone

from committees.models import Document, Minutes
from committees.packs import registry
from committees.packs.registry import GeneratorContext
from committees.sanitise import sanitise_html
from committees.services.publication import agenda_problems
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DocumentFactory,
    MeetingFactory,
    MinuteEntryFactory,
    MinutesFactory,
)

pytestmark = pytest.mark.django_db


def meeting_on(committee, day):
    return MeetingFactory(
        committee=committee, starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(14)))
    )


def minutes_document(meeting, minutes=None):
    item = AgendaItemFactory(meeting=meeting, title="Minutes")
    return DocumentFactory(
        item=item,
        kind=Document.Kind.GENERATED,
        title="Minutes of the previous meeting",
        body="",
        generator="committees.minutes",
        generator_record=minutes.pk if minutes else None,
    )


def problems(document):
    generator = registry.for_document(document)
    meeting = document.item.meeting
    return generator.problems(GeneratorContext.of(document, meeting=meeting, restricted=True))


def test_the_previous_meetings_minutes_are_shown_unless_others_are_chosen():
    committee = CommitteeFactory()
    march = MinutesFactory(meeting=meeting_on(committee, dt.date(2019, 3, 20)))
    june = MinutesFactory(meeting=meeting_on(committee, dt.date(2019, 6, 12)))
    july = meeting_on(committee, dt.date(2019, 7, 24))
    for minutes in (march, june):
        MinuteEntryFactory(minutes=minutes)
    Minutes.objects.update(status=Minutes.Status.PUBLISHED)
    generator = registry.get("committees.minutes")

    by_default = minutes_document(july)
    chosen = minutes_document(july, march)

    for document, shown in ((by_default, june), (chosen, march)):
        context = generator.context(GeneratorContext.of(document, meeting=july, restricted=False))
        assert context["record"].minutes == shown
        assert problems(document) == []


def test_unpublished_later_or_another_committees_minutes_stop_publication():
    committee = CommitteeFactory()
    june = MinutesFactory(meeting=meeting_on(committee, dt.date(2019, 6, 12)))
    july = meeting_on(committee, dt.date(2019, 7, 24))
    elsewhere = MinutesFactory(
        meeting=meeting_on(CommitteeFactory(), dt.date(2019, 6, 5)), status="published"
    )
    september = MinutesFactory(
        meeting=meeting_on(committee, dt.date(2019, 9, 4)), status="published"
    )

    assert problems(minutes_document(july, june)) == [
        f"The minutes of {june.meeting} are not published yet: publish them as a draft first."
    ]
    assert "another committee" in problems(minutes_document(july, elsewhere))[0]
    assert "not earlier" in problems(minutes_document(july, september))[0]
    assert any("publish them as a draft first" in p for p in agenda_problems(july))


def test_no_earlier_minutes_at_all_is_a_problem_not_a_blank_document():
    meeting = meeting_on(CommitteeFactory(), dt.date(2019, 7, 24))

    assert problems(minutes_document(meeting)) == [
        "“Minutes of the previous meeting” has no minutes to show: record the minutes of an "
        "earlier meeting."
    ]


def test_lettered_and_roman_lists_survive_the_sanitiser():
    html = '<ol type="a"><li>one</li></ol><ol type="i" start="2"><li>two</li></ol>'

    assert sanitise_html(html) == html
