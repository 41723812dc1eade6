"""The rules of meetings and their agenda items (committees/models/meetings.py), as a user meets
them: the message at the field, and the database refusing what bypasses the form."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from committees.models import (
    AgendaItem,
    Document,
    Meeting,
)
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    DocumentFactory,
    MeetingFactory,
    MunicipalYearFactory,
)

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=14):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


# -- the municipal year of a meeting --------------------------------------------------------------


def test_meeting_takes_the_municipal_year_covering_its_date():
    year = MunicipalYearFactory(start_year=2019)
    meeting = Meeting(committee=CommitteeFactory(), starts_at=at(2019, 7, 24, 15))

    meeting.full_clean()
    meeting.save()

    assert meeting.municipal_year == year


def test_meeting_on_a_date_no_municipal_year_covers_is_refused():
    MunicipalYearFactory(start_year=2019)
    meeting = Meeting(committee=CommitteeFactory(), starts_at=at(2021, 6, 2))

    with pytest.raises(ValidationError) as form_error:
        meeting.full_clean()
    with pytest.raises(ValidationError) as save_error:
        meeting.save()

    expected = "No municipal year covers 2 June 2021. Add the municipal year first."
    assert form_error.value.message_dict["starts_at"] == [expected]
    assert save_error.value.message_dict["starts_at"] == [expected]
    assert not Meeting.objects.exists()


def test_moving_a_meeting_to_another_year_moves_its_municipal_year():
    MunicipalYearFactory(start_year=2019)
    following = MunicipalYearFactory(start_year=2020)
    meeting = MeetingFactory(starts_at=at(2019, 7, 24, 15))

    meeting.starts_at = at(2020, 7, 22)
    meeting.save()

    assert meeting.municipal_year == following


# -- agenda items and exemption -----------------------------------------------------------------


def test_exempt_item_must_name_its_schedule_12a_paragraph():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), exempt=True)

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["exempt_paragraph"] == [
        "Choose the Schedule 12A paragraph that makes this exempt."
    ]


def test_database_refuses_an_exempt_item_without_a_paragraph_when_clean_is_bypassed():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), exempt=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_public_item_takes_no_paragraph():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), exempt=False, exempt_paragraph=3)

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert error.value.message_dict["exempt_paragraph"] == [
        "Only an exempt (Part II) record takes a paragraph."
    ]


@pytest.mark.parametrize("paragraph", [0, 8])
def test_paragraph_outside_1_to_7_is_refused(paragraph):
    item = AgendaItemFactory.build(
        meeting=MeetingFactory(), exempt=True, exempt_paragraph=paragraph
    )

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    paragraph_errors = error.value.message_dict["exempt_paragraph"]
    assert "Schedule 12A has paragraphs 1 to 7 only." in paragraph_errors

    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_exempt_item_with_a_paragraph_is_accepted_and_says_why():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), exempt=True, exempt_paragraph=3)

    item.full_clean()

    assert item.confidentiality == ("Part II - Not for publication (Schedule 12A, paragraph 3)")


def test_item_cannot_be_both_to_follow_and_verbal():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), to_follow=True, verbal=True)

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "An item is either To Follow or Verbal, not both." in error.value.messages

    with pytest.raises(IntegrityError), transaction.atomic():
        item.save()


def test_to_follow_and_verbal_is_explained_once():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), to_follow=True, verbal=True)

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert error.value.messages == ["An item is either To Follow or Verbal, not both."]


def test_items_are_numbered_by_position_with_exempt_items_last():
    meeting, other_meeting = MeetingFactory(), MeetingFactory()
    AgendaItemFactory(meeting=meeting, position=30, title="Work Programme")
    AgendaItemFactory(
        meeting=meeting, position=5, title="Contract award", exempt=True, exempt_paragraph=3
    )
    AgendaItemFactory(meeting=meeting, position=10, title="Apologies")
    AgendaItemFactory(meeting=meeting, position=20, title="Minutes")
    AgendaItemFactory(meeting=other_meeting, position=1, title="Apologies")

    numbered = [(i.number, i.title) for i in AgendaItem.objects.filter(meeting=meeting).numbered()]
    other = [(i.number, i.title) for i in other_meeting.items.numbered()]

    assert numbered == [
        (1, "Apologies"),
        (2, "Minutes"),
        (3, "Work Programme"),
        (4, "Contract award"),
    ]
    assert other == [(1, "Apologies")]


# -- readiness: which items still need a report -------------------------------------------------


@pytest.mark.parametrize(
    "stand_in",
    [{}, {"standing_text": "To receive apologies."}, {"to_follow": True}, {"verbal": True}],
    ids=["nothing", "standing text", "to follow", "verbal"],
)
def test_item_needs_a_report_until_it_has_one_or_something_stands_in_for_it(stand_in):
    item = AgendaItemFactory(meeting=MeetingFactory(), **stand_in)
    needs = not stand_in

    assert item.needs_report is needs
    assert list(AgendaItem.objects.without_reports()) == ([item] if needs else [])

    DocumentFactory(item=item)
    item = AgendaItem.objects.get(pk=item.pk)

    assert item.needs_report is False
    assert not AgendaItem.objects.without_reports().exists()


def test_needs_report_reads_prefetched_documents_without_a_query_per_item(
    django_assert_num_queries,
):
    meeting = MeetingFactory()
    DocumentFactory(item=AgendaItemFactory(meeting=meeting, title="Reported"))
    AgendaItemFactory(meeting=meeting, title="Waiting")
    AgendaItemFactory(meeting=meeting, title="Exempt", exempt=True, exempt_paragraph=3)
    items = list(meeting.items.numbered().prefetch_related("documents"))

    with django_assert_num_queries(0):
        waiting = [item.title for item in items if item.needs_report]

    assert waiting == ["Waiting", "Exempt"]


def test_meetings_count_the_items_without_reports_of_their_own_agenda():
    meeting, other = MeetingFactory(), MeetingFactory()
    AgendaItemFactory(meeting=meeting)
    AgendaItemFactory(meeting=meeting, to_follow=True)
    # Two documents on one item count it once.
    report = DocumentFactory(item=AgendaItemFactory(meeting=meeting))
    DocumentFactory(item=report.item, kind=Document.Kind.APPENDIX)
    AgendaItemFactory(meeting=other)
    AgendaItemFactory(meeting=other)

    counts = {
        m.pk: (m.items_without_reports, m.items_to_follow)
        for m in Meeting.objects.with_agenda_readiness()
    }

    assert counts == {meeting.pk: (1, 1), other.pk: (2, 0)}
