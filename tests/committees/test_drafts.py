"""Changes since publication: what the draft of a published agenda holds that is not published,
item by item and document by document, with who changed it."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from committees.drafts import changes_since_publication
from committees.models import AgendaItem, BackgroundPaper, Meeting
from committees.services import agenda as agenda_services
from committees.services import documents as document_services
from committees.services.publication import agenda_publish
from tests.factories import (
    AgendaItemFactory,
    CoverSheetFactory,
    DocumentFactory,
    MeetingFactory,
    PublicationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return get_user_model().objects.create_user(
        "jamie", password="not-used-here", first_name="Jamie", last_name="Sheldon"
    )


@pytest.fixture
def author():
    return get_user_model().objects.create_user(
        "paul", password="not-used-here", first_name="Paul", last_name="Looby"
    )


def published_report(title="Budget monitoring"):
    """A report on the agenda of a meeting whose agenda has been published since."""
    report = CoverSheetFactory(document__title=title, purpose="To update the committee.").document
    PublicationFactory(meeting=report.item.meeting)
    return report


def as_user(user, instance):
    """`instance`, its next save recorded as `user`'s (as the request would record it)."""
    instance._history_user = user
    return instance


def edit_purpose(report, user, purpose):
    cover = as_user(user, report.cover)
    cover.purpose = purpose
    document_services.document_update(
        document=as_user(user, report), expected_version=report.version, cover=cover
    )


def changes_of(meeting):
    return changes_since_publication([meeting]).get(meeting.pk)


def test_an_authors_edit_after_publication_names_the_report_and_the_author(author):
    report = published_report("Revenue Monitoring – Month 2")

    edit_purpose(report, author, "To report the month two position.")

    changes = changes_of(report.item.meeting)
    assert [(c.what, c.title, c.action) for c in changes.documents] == [
        ("Report", "Revenue Monitoring – Month 2", "changed")
    ]
    assert changes.people == ["Paul Looby"]
    assert changes.items == []


def test_an_unpublished_meeting_or_an_unchanged_draft_has_no_changes(author):
    report = CoverSheetFactory().document
    edit_purpose(report, author, "Edited before anything was published.")
    assert changes_of(report.item.meeting) is None

    assert changes_of(published_report().item.meeting) is None


def test_saving_a_report_without_changing_it_is_no_change(author):
    """A save that changes nothing is recorded nowhere: not in the history, not as a change."""
    report = published_report()
    records = report.history.count() + report.cover.history.count()

    edit_purpose(report, author, report.cover.purpose)

    assert report.history.count() + report.cover.history.count() == records
    assert changes_of(report.item.meeting) is None


def test_items_and_documents_added_changed_and_removed_are_each_listed(officer):
    report = published_report()
    meeting = report.item.meeting
    moved = AgendaItemFactory(meeting=meeting, title="Work programme")
    PublicationFactory(meeting=meeting)  # the version the public sees has both items

    added = as_user(officer, AgendaItemFactory.build(meeting=meeting, title="Housing update"))
    agenda_services.agenda_item_add(
        item=added, after=None, expected_meeting_version=meeting.version
    )
    moved.title = "Work programme 2026/27"
    agenda_services.agenda_item_update(item=as_user(officer, moved), expected_version=1)
    document_services.document_delete(document=as_user(officer, report), expected_version=1)

    changes = changes_of(meeting)
    assert sorted((c.what, c.title, c.action) for c in changes.changes) == [
        ("Item", "Housing update", "added"),
        ("Item", "Work programme 2026/27", "changed"),
        ("Report", "Budget monitoring", "removed"),
    ]
    assert changes.people == ["Jamie Sheldon"]


def test_a_document_added_and_removed_again_is_no_difference(officer):
    report = published_report()
    appendix = DocumentFactory(item=report.item, kind="appendix", title="Draft tables")
    appendix.delete()
    assert changes_of(report.item.meeting) is None


def test_a_background_paper_added_by_the_author_changes_their_report(author):
    report = published_report()
    paper = as_user(author, BackgroundPaper(title="Budget book 2026/27"))
    document_services.document_update(
        document=report, expected_version=report.version, cover=report.cover, papers=[paper]
    )
    changes = changes_of(report.item.meeting)
    assert [(c.title, c.by) for c in changes.documents] == [("Budget monitoring", ["Paul Looby"])]


def test_republishing_clears_the_changes(author, officer):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    report = CoverSheetFactory(document__item__meeting=meeting).document
    agenda_publish(meeting=meeting, by=officer)
    edit_purpose(report, author, "Revised after publication.")
    assert changes_of(meeting)

    agenda_publish(meeting=meeting, by=officer)

    assert changes_of(meeting) is None


def test_a_supplement_releasing_its_to_follow_items_is_no_change(officer):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    DocumentFactory(item__meeting=meeting)
    to_follow = AgendaItemFactory(meeting=meeting, title="Budget scrutiny", to_follow=True)
    agenda_publish(meeting=meeting, by=officer)
    DocumentFactory(item=to_follow, title="Budget scrutiny report")
    assert [c.title for c in changes_of(meeting).documents] == ["Budget scrutiny report"]

    agenda_publish(meeting=meeting, by=officer, supplement=True)

    assert not AgendaItem.objects.get(pk=to_follow.pk).to_follow
    assert changes_of(meeting) is None


def test_many_meetings_are_read_in_the_same_few_queries(author, django_assert_num_queries):
    def meetings_changed(count):
        reports = [published_report(f"Report {n}") for n in range(count)]
        for report in reports:
            edit_purpose(report, author, "Changed since.")
        return [report.item.meeting for report in reports]

    few, many = meetings_changed(1), meetings_changed(6)
    with django_assert_num_queries(5):
        assert len(changes_since_publication(few)) == 1
    with django_assert_num_queries(5):
        assert len(changes_since_publication(many)) == 6
    assert len(changes_since_publication(Meeting.objects.all())) == 7
