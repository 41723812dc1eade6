"""The rules of the democracy record, as a user meets them: the message at the field, and the
database refusing what bypasses the form."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from committees.models import (
    AgendaItem,
    Councillor,
    CoverSheet,
    Document,
    Meeting,
    Membership,
    MunicipalYear,
    Officer,
)
from tests import factories
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    CouncillorFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
    MunicipalYearFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory",
    [
        getattr(factories, name)
        for name in sorted(dir(factories))
        if name.endswith("Factory") and name != "DjangoModelFactory"
    ],
)
def test_factories_make_rows_that_obey_the_model_rules(factory):
    row = factory()

    row.full_clean()


def at(year, month, day, hour=14):
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


# -- municipal years and meetings ---------------------------------------------------------------


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
    assert messages(form_error.value)["starts_at"] == [expected]
    assert messages(save_error.value)["starts_at"] == [expected]
    assert not Meeting.objects.exists()


def test_moving_a_meeting_to_another_year_moves_its_municipal_year():
    MunicipalYearFactory(start_year=2019)
    following = MunicipalYearFactory(start_year=2020)
    meeting = MeetingFactory(starts_at=at(2019, 7, 24, 15))

    meeting.starts_at = at(2020, 7, 22)
    meeting.save()

    assert meeting.municipal_year == following


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
    assert messages(error.value)["end_date"] == ["The year must end after it starts."]

    with pytest.raises(IntegrityError), transaction.atomic():
        backwards.save()


# -- memberships --------------------------------------------------------------------------------


def test_membership_cannot_end_before_it_starts():
    membership = Membership(
        committee=CommitteeFactory(),
        councillor=CouncillorFactory(),
        start_date=dt.date(2019, 5, 1),
        end_date=dt.date(2019, 4, 30),
    )

    with pytest.raises(ValidationError) as error:
        membership.full_clean()

    assert messages(error.value)["end_date"] == ["A membership cannot end before it starts."]


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

    assert messages(error.value)["role"] == [
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

    assert "start_date" in messages(error.value)


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


# -- agenda items and exemption -----------------------------------------------------------------


def test_exempt_item_must_name_its_schedule_12a_paragraph():
    item = AgendaItemFactory.build(meeting=MeetingFactory(), exempt=True)

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert messages(error.value)["exempt_paragraph"] == [
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

    assert messages(error.value)["exempt_paragraph"] == [
        "Only an exempt (Part II) record takes a paragraph."
    ]


@pytest.mark.parametrize("paragraph", [0, 8])
def test_paragraph_outside_1_to_7_is_refused(paragraph):
    item = AgendaItemFactory.build(
        meeting=MeetingFactory(), exempt=True, exempt_paragraph=paragraph
    )

    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "Schedule 12A has paragraphs 1 to 7 only." in messages(error.value)["exempt_paragraph"]

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


# -- documents ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hostile", "forbidden"),
    [
        ("<p>Budget</p><script>alert('x')</script>", ["<script", "alert"]),
        ('<p onclick="steal()">Budget</p>', ["onclick", "steal"]),
        ('<p><a href="javascript:alert(1)">Budget</a></p>', ["javascript:"]),
        ('<p><a href="JaVaScRiPt:alert(1)">Budget</a></p>', ["javascript:"]),
        ('<p>Budget<img src="x" onerror="alert(1)"></p>', ["onerror"]),
        ('<p>Budget</p><iframe src="https://evil.example"></iframe>', ["<iframe", "evil"]),
        ('<p style="background:url(javascript:alert(1))">Budget</p>', ["style", "javascript:"]),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">Budget</a></p>', ["data:"]),
    ],
)
def test_document_body_is_sanitised_on_save(hostile, forbidden):
    document = DocumentFactory(body=hostile)
    document.refresh_from_db()

    assert "Budget" in document.body
    for text in forbidden:
        assert text not in document.body.lower()


def test_sanitising_keeps_the_structure_of_a_report():
    html = (
        '<h2>Table 1</h2><table><tr><th scope="col">Directorate</th>'
        '<td colspan="2">0.417</td></tr></table><ol type="a"><li><strong>a</strong></li></ol>'
    )

    document = DocumentFactory(body=html)
    document.refresh_from_db()

    assert '<th scope="col">Directorate</th>' in document.body
    assert '<td colspan="2">0.417</td>' in document.body
    assert '<ol type="a"><li><strong>a</strong></li></ol>' in document.body


def test_generated_document_must_name_its_generator():
    document = DocumentFactory.build(item=AgendaItemFactory(), kind=Document.Kind.GENERATED)

    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert messages(error.value)["generator"] == ["Choose what this document is generated from."]

    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()


def test_only_a_report_has_a_cover_sheet():
    appendix = DocumentFactory(kind=Document.Kind.APPENDIX)

    with pytest.raises(ValidationError) as error:
        CoverSheet(document=appendix).full_clean()

    assert error.value.messages == ["Only a report has a cover sheet."]


# -- people -------------------------------------------------------------------------------------


def test_councillor_is_described_with_full_name_and_portfolio_as_on_a_cover_sheet():
    lowry = Councillor(name="Lowry", full_name="Mark Lowry", portfolio="Cabinet Member for Finance")

    assert lowry.described == "Councillor Mark Lowry (Cabinet Member for Finance)"


def test_councillor_without_portfolio_is_described_as_styled():
    assert Councillor(name="Mrs Johnson").described == "Councillor Mrs Johnson"


def test_officer_is_described_with_job_title():
    looby = Officer(name="Paul Looby", job_title="Head of Financial Planning and Reporting")

    assert looby.described == "Paul Looby (Head of Financial Planning and Reporting)"
