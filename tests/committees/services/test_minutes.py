"""Writing minutes (committees/services/minutes.py): each bad input of issue 10 refused with a
message at the field at fault and nothing saved; confirmation stamping, numbering and locking
the minutes; amendments recorded with their reasons and in the history."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from committees import minutes as rules
from committees.models import Amendment, Attendance, Declaration, Minutes, Outcome
from committees.services import EditConflict
from committees.services import minutes as services
from committees.services.minutes import MemberAttendance
from tests.factories import (
    AgendaItemFactory,
    CommitteeFactory,
    CouncillorFactory,
    MeetingFactory,
    MembershipFactory,
    OfficerFactory,
)

pytestmark = pytest.mark.django_db

PRESENT = Attendance.Status.PRESENT
APOLOGIES = Attendance.Status.APOLOGIES


def meeting_on(committee, day):
    return MeetingFactory(
        committee=committee, starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(14)))
    )


@pytest.fixture
def committee():
    return CommitteeFactory(first_minute_number=54)


@pytest.fixture
def members(committee):
    """Three members of the committee from May 2019."""
    return [
        MembershipFactory(committee=committee, start_date=dt.date(2019, 5, 1)).councillor
        for _ in range(3)
    ]


@pytest.fixture
def june(committee):
    meeting = meeting_on(committee, dt.date(2019, 6, 12))
    for title in ("Apologies", "Declarations of Interest", "Minutes", "Outturn Report"):
        AgendaItemFactory(meeting=meeting, title=title)
    return services.minutes_of(meeting)


def record_attendance(minutes, councillors, **changes):
    """Everyone present, 3pm to 5pm, unless `changes` say otherwise."""
    minutes.refresh_from_db()
    values = {
        "minutes": minutes,
        "expected_version": minutes.version,
        "started_at": dt.time(15),
        "finished_at": dt.time(17),
        "members": [MemberAttendance(councillor, PRESENT) for councillor in councillors],
        "others": [],
        **changes,
    }
    return services.attendance_save(**values)


def messages(error):
    return [message for messages in error.value.message_dict.values() for message in messages]


def published(minutes, members):
    record_attendance(minutes, members)
    minutes.refresh_from_db()
    services.entries_from_agenda(minutes=minutes, expected_version=minutes.version)
    minutes.refresh_from_db()
    return services.minutes_publish(
        minutes=minutes, expected_version=minutes.version, on=minutes.meeting.date
    )


def test_a_substitute_for_someone_not_a_member_on_the_date_is_refused(june, members):
    outsider, substitute = CouncillorFactory(), CouncillorFactory()
    late_member = MembershipFactory(
        committee=june.meeting.committee, start_date=dt.date(2019, 7, 1)
    ).councillor

    for absent in (outsider, late_member):
        with pytest.raises(ValidationError) as error:
            record_attendance(
                june,
                members,
                others=[
                    Attendance(
                        status=Attendance.Status.SUBSTITUTE,
                        councillor=substitute,
                        substitute_for=absent,
                    )
                ],
            )
        assert f"Councillor {absent.name} was not a member of the" in messages(error)[0]
        assert "12 June 2019" in messages(error)[0]
    assert not june.attendance.exists()


def test_a_substitute_for_a_member_present_is_refused(june, members):
    substitute = CouncillorFactory()
    with pytest.raises(ValidationError) as error:
        record_attendance(
            june,
            members,
            members=[MemberAttendance(members[0], PRESENT, substitute=substitute)],
        )
    assert "was present, so nobody substituted for them" in messages(error)[0]
    assert not june.attendance.exists()


def test_one_person_present_and_giving_apologies_is_refused(june, members):
    with pytest.raises(ValidationError) as error:
        record_attendance(
            june,
            members,
            members=[
                MemberAttendance(members[0], PRESENT),
                MemberAttendance(members[1], APOLOGIES, substitute=members[0]),
            ],
        )
    assert f"Councillor {members[0].name} is recorded twice" in messages(error)[0]
    assert not june.attendance.exists()


def test_a_finish_before_the_start_is_refused_at_the_finish_time(june, members):
    with pytest.raises(ValidationError) as error:
        record_attendance(june, members, finished_at=dt.time(14))
    assert error.value.message_dict == {
        "finished_at": ["The meeting cannot finish before it started."]
    }
    june.refresh_from_db()
    assert june.finished_at is None and not june.attendance.exists()


def test_substitutions_are_recorded_against_the_members_they_replace(june, members):
    substitute = CouncillorFactory()
    record_attendance(
        june,
        members,
        members=[
            MemberAttendance(members[0], PRESENT, in_the_chair=True),
            MemberAttendance(members[1], APOLOGIES, substitute=substitute),
            MemberAttendance(members[2], Attendance.Status.ABSENT),
        ],
        others=[Attendance(status=Attendance.Status.IN_ATTENDANCE, officer=OfficerFactory())],
    )

    lines = rules.record(june, restricted=True).attendance
    assert lines["present"] == (
        f"Councillor {members[0].name}, in the Chair. "
        f"Councillor {substitute.name} (substituting for {members[1].name})."
    )
    assert lines["apologies"] == (
        f"Councillor {members[1].name} (Councillor {substitute.name} substituting)."
    )
    assert lines["absent"] == f"Councillor {members[2].name}."


def test_a_declaration_by_someone_not_in_attendance_is_refused(june, members):
    record_attendance(june, members, members=[MemberAttendance(members[0], PRESENT)])
    june.refresh_from_db()
    entry = services.entries_from_agenda(minutes=june, expected_version=june.version)[3]
    declaration = Declaration(
        councillor=members[1], kind=Declaration.Kind.OTHER_REGISTRABLE, text="A governor"
    )

    with pytest.raises(ValidationError) as error:
        services.entry_save(entry=entry, expected_version=entry.version, declarations=[declaration])
    assert (
        "is not recorded as present at this meeting" in error.value.message_dict["declarations"][0]
    )
    assert not Declaration.objects.exists()


def test_an_outcome_requested_of_nobody_is_refused_at_the_recipient(june):
    entry = services.entries_from_agenda(minutes=june, expected_version=june.version)[3]
    entry.text = "<p>Changed</p>"
    request = Outcome(kind=Outcome.Kind.REQUESTED, text="The Committee requested a report.")

    with pytest.raises(ValidationError) as error:
        services.entry_save(entry=entry, expected_version=entry.version, outcomes=[request])
    assert error.value.message_dict == {"recipient": ["Say who this is requested of."]}
    entry.refresh_from_db()
    assert entry.text == "" and not Outcome.objects.exists()


def confirm_at_july(committee, june, members):
    """Publish June's minutes and confirm them at the first minute of 24 July 2019."""
    published(june, members)
    july = services.minutes_of(meeting_on(committee, dt.date(2019, 7, 24)))
    at = services.entry_save(
        entry=july.entries.model(minutes=july, title="Minutes"), expected_version=july.version
    )
    june.refresh_from_db()
    services.minutes_confirm(minutes=june, at=at, expected_version=june.version)
    june.refresh_from_db()
    return july, at


def test_confirmation_stamps_keeps_numbers_and_locks_the_minutes(committee, june, members):
    july, at = confirm_at_july(committee, june, members)

    assert june.status == Minutes.Status.CONFIRMED and june.is_locked
    assert june.confirmed_by == at
    assert list(june.entries.values_list("number", flat=True)) == [54, 55, 56, 57]
    assert rules.minute_numbers(july)[at.pk] == 58
    assert rules.record_status(june.meeting, june, dt.date(2019, 8, 1)) == (
        "Minutes confirmed on 24 July 2019"
    )
    # Locked: no minute is added or removed, and a change needs its reason.
    entry = june.entries.first()
    with pytest.raises(ValidationError, match="confirmed"):
        services.entry_remove(entry=entry, expected_minutes_version=june.version)
    june.refresh_from_db()
    with pytest.raises(ValidationError, match="confirmed"):
        services.entries_from_agenda(minutes=june, expected_version=june.version)
    assert june.entries.count() == 4


def test_editing_confirmed_minutes_needs_a_reason_and_is_recorded_as_an_amendment(
    committee, june, members, django_user_model
):
    confirm_at_july(committee, june, members)
    entry = june.entries.get(title="Outturn Report")
    entry.text = "<p>Corrected figure: £185.482m</p>"

    with pytest.raises(ValidationError) as error:
        services.entry_save(entry=entry, expected_version=entry.version)
    assert error.value.message_dict == {
        "amendment_reason": ["These minutes have been confirmed: give the reason for the amendment"]
    }
    entry.refresh_from_db()
    assert entry.text == "" and not Amendment.objects.exists()

    officer = django_user_model.objects.create_user("amender")
    entry.text = "<p>Corrected figure: £185.482m</p>"
    services.entry_save(
        entry=entry,
        expected_version=entry.version,
        by=officer,
        amendment_reason="The total was mistyped.",
        on=dt.date(2019, 9, 4),
    )
    amendment = Amendment.objects.get()
    assert (amendment.description, amendment.reason) == (
        "Minute 57: Outturn Report",
        "The total was mistyped.",
    )
    assert amendment.made_by == officer
    assert entry.history.first().text == "<p>Corrected figure: £185.482m</p>"
    assert entry.history.count() == 2  # created from the agenda, amended
    entry.refresh_from_db()
    assert entry.number == 57  # numbers kept


def test_confirming_at_another_committee_or_an_earlier_meeting_is_refused(committee, june, members):
    published(june, members)
    elsewhere = services.minutes_of(meeting_on(CommitteeFactory(), dt.date(2019, 7, 24)))
    march = services.minutes_of(meeting_on(committee, dt.date(2019, 3, 20)))
    for minutes in (elsewhere, march):
        at = services.entry_save(
            entry=minutes.entries.model(minutes=minutes, title="Minutes"),
            expected_version=minutes.version,
        )
        june.refresh_from_db()
        with pytest.raises(ValidationError) as error:
            services.minutes_confirm(minutes=june, at=at, expected_version=june.version)
        assert "at" in error.value.message_dict
    assert "another committee" in services_message(june, elsewhere)
    june.refresh_from_db()
    assert june.status == Minutes.Status.PUBLISHED
    assert not june.entries.filter(number__isnull=False).exists()


def services_message(june, other):
    at = other.entries.get()
    june.refresh_from_db()
    try:
        services.minutes_confirm(minutes=june, at=at, expected_version=june.version)
    except ValidationError as error:
        return error.message_dict["at"][0]
    return ""


def test_minutes_are_confirmed_in_order(committee, june, members):
    published(june, members)
    july_meeting = meeting_on(committee, dt.date(2019, 7, 24))
    AgendaItemFactory(meeting=july_meeting, title="Minutes")
    july = services.minutes_of(july_meeting)
    published(july, members)
    september = services.minutes_of(meeting_on(committee, dt.date(2019, 9, 4)))
    at = services.entry_save(
        entry=september.entries.model(minutes=september, title="Minutes"),
        expected_version=september.version,
    )
    july.refresh_from_db()

    with pytest.raises(ValidationError, match="Confirm the earlier minutes first \\(12 June"):
        services.minutes_confirm(minutes=july, at=at, expected_version=july.version)
    july.refresh_from_db()
    assert july.status == Minutes.Status.PUBLISHED


def test_a_second_editor_of_the_same_version_is_refused(june, members):
    record_attendance(june, members)
    with pytest.raises(EditConflict):
        record_attendance(june, members, expected_version=1)


def test_removing_a_minute_from_a_draft_renumbers_it(june, members):
    entries = services.entries_from_agenda(minutes=june, expected_version=june.version)
    june.refresh_from_db()

    services.entry_remove(entry=entries[1], expected_minutes_version=june.version)

    assert [entry.minute_number for entry in rules.numbered_entries(june)] == [54, 55, 56]
    assert [entry.title for entry in rules.numbered_entries(june)] == [
        "Apologies",
        "Minutes",
        "Outturn Report",
    ]


def test_an_amendment_to_an_exempt_minute_names_its_number_only(committee, june, members):
    confirm_at_july(committee, june, members)
    entry = june.entries.get(title="Outturn Report")
    entry.exempt, entry.exempt_paragraph = True, 3

    services.entry_save(
        entry=entry, expected_version=entry.version, amendment_reason="Made exempt on advice."
    )

    assert Amendment.objects.get().description == "Minute 57 (not for publication)"
