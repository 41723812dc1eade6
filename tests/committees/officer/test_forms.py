"""The officer forms' GOV.UK Design System patterns: the date input, typed times, the wording
of messages and of empty choices, and the error summary's links."""

import datetime as dt

import pytest
from django.urls import reverse

from committees import roles
from committees.models import AgendaItem, CoverSheet
from committees.officer.forms import AgendaItemForm, CoverSheetForm, MeetingForm, error_summary
from committees.officer.forms.meetings import CommitteeChoiceForm
from tests.factories import CommitteeFactory, MeetingFactory, municipal_year_covering
from tests.support.users import make_user

pytestmark = pytest.mark.django_db


def meeting_form(day="", month="", year="", start_time="14:00", **data):
    committee = CommitteeFactory()
    municipal_year_covering(dt.date(2027, 3, 3))
    data = {
        "date_day": day,
        "date_month": month,
        "date_year": year,
        "start_time": start_time,
        "version": 1,
        **data,
    }
    return MeetingForm(data, committee=committee)


# -- the date input ----------------------------------------------------------------------------


def test_a_real_date_is_taken_from_its_three_boxes():
    form = meeting_form(day="3", month="03", year="2027")

    assert form.is_valid(), form.errors
    assert form.cleaned_data["date"] == dt.date(2027, 3, 3)


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "linked_box"),
    [
        ("", "", "", "Enter the date of the meeting", 0),
        ("31", "2", "2027", "Date of meeting must be a real date", 0),
        ("29", "2", "2027", "Date of meeting must be a real date", 0),
        ("3", "13", "2027", "Date of meeting must be a real date", 0),
        ("3", "", "2027", "Date of meeting must include a month", 1),
        ("", "3", "", "Date of meeting must include a day and year", 0),
        ("3", "March", "2027", "Date of meeting must be a real date", 1),
        ("3", "3", "27", "Year must include 4 numbers", 2),
    ],
)
def test_a_wrong_date_gets_the_design_systems_message_linked_to_the_box_to_fix(
    day, month, year, message, linked_box
):
    form = meeting_form(day=day, month=month, year=year)

    assert not form.is_valid()
    assert form.errors["date"] == [message]
    assert error_summary(form) == [(f"#id_date_{linked_box}", message)]


def test_only_the_boxes_in_error_are_marked():
    form = meeting_form(day="3", month="", year="2027")
    form.is_valid()

    assert [part.error for part in form["date"].parts] == [False, True, False]
    # What was typed is shown again.
    assert [part.value for part in form["date"].parts] == ["3", "", "2027"]


def test_an_impossible_date_marks_every_box():
    form = meeting_form(day="31", month="2", year="2027")
    form.is_valid()

    assert [part.error for part in form["date"].parts] == [True, True, True]


def test_a_saved_date_fills_the_boxes():
    meeting = MeetingFactory(starts_at=dt.datetime(2027, 3, 3, 14, tzinfo=dt.UTC))
    form = MeetingForm(instance=meeting)

    assert [(part.name, part.value) for part in form["date"].parts] == [
        ("date_day", "3"),
        ("date_month", "3"),
        ("date_year", "2027"),
    ]


def test_a_date_no_municipal_year_covers_is_refused_at_the_date():
    form = meeting_form(day="10", month="1", year="1890")

    assert not form.is_valid()
    assert form.errors["date"] == [
        "No municipal year covers 10 January 1890. Add the municipal year first."
    ]


def test_the_cover_sheets_dates_are_date_inputs_and_may_be_left_blank():
    blank = CoverSheetForm({}, instance=CoverSheet())
    blank.is_valid()
    assert "director_agreed_on" not in blank.errors

    wrong = CoverSheetForm(
        {
            "director_agreed_on_day": "31",
            "director_agreed_on_month": "2",
            "director_agreed_on_year": "2019",
        },
        instance=CoverSheet(),
    )
    wrong.is_valid()
    assert wrong.errors["director_agreed_on"] == [
        "Date the strategic director agreed the report must be a real date"
    ]


# -- times -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("14:00", dt.time(14, 0)),
        ("14.30", dt.time(14, 30)),
        ("1400", dt.time(14, 0)),
        ("9:30", dt.time(9, 30)),
        ("2pm", dt.time(14, 0)),
        ("2.30 pm", dt.time(14, 30)),
        ("10:15am", dt.time(10, 15)),
        ("12pm", dt.time(12, 0)),
        ("12.30 a.m.", dt.time(0, 30)),
    ],
)
def test_a_start_time_is_read_as_people_write_it(typed, time):
    form = meeting_form(day="3", month="3", year="2027", start_time=typed)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["start_time"] == time


@pytest.mark.parametrize("typed", ["25:00", "14:75", "13pm", "teatime"])
def test_a_time_that_cannot_be_is_refused(typed):
    form = meeting_form(day="3", month="3", year="2027", start_time=typed)

    assert form.errors["start_time"] == ["Start time must be a real time, like 14:00 or 2pm"]


def test_a_missing_start_time_says_what_to_enter():
    form = meeting_form(day="3", month="3", year="2027", start_time="")

    assert form.errors["start_time"] == ["Enter the start time"]


# -- wording -----------------------------------------------------------------------------------


def test_selects_offer_select_a_not_dashes():
    CommitteeFactory()
    chooser = CommitteeChoiceForm()
    meeting = MeetingForm(committee=CommitteeFactory())

    assert "Select a committee" in str(chooser["committee"])
    assert "Select a venue" in str(meeting["venue"])
    assert "---------" not in str(chooser["committee"]) + str(meeting["venue"])


def test_a_required_field_says_what_to_enter_not_that_it_is_required():
    item = AgendaItem(meeting=MeetingFactory())
    form = AgendaItemForm({"title": "", "version": 1}, instance=item)

    assert form.errors["title"] == ["Enter the title of the item"]


def test_choosing_no_committee_says_to_select_one():
    form = CommitteeChoiceForm({"committee": ""})

    assert form.errors["committee"] == ["Select the committee the meeting is of"]


def test_a_field_in_error_is_described_by_its_error_message():
    form = meeting_form(day="3", month="3", year="2027", start_time="teatime")
    form.is_valid()

    widget = str(form["start_time"])
    assert 'aria-describedby="id_start_time_helptext id_start_time_error"' in widget
    assert "govuk-input--error" in widget


# -- on the page -------------------------------------------------------------------------------


def test_a_page_with_errors_says_error_in_its_title_and_links_each_message(client):
    client.force_login(make_user("officer", roles.OFFICERS))
    committee = CommitteeFactory()
    response = client.post(
        f"{reverse('officer:meeting_create')}?committee={committee.slug}",
        {"date_day": "31", "date_month": "2", "date_year": "2027", "start_time": "2pm"},
    )
    page = response.content.decode()

    assert response.status_code == 200
    assert "<title>Error: Create a meeting" in page
    assert '<a href="#id_date_0">Date of meeting must be a real date</a>' in page
    assert 'id="id_date_error"' in page
    assert 'aria-describedby="id_date_helptext id_date_error"' in page


def test_a_page_without_errors_has_no_error_in_its_title(client):
    client.force_login(make_user("officer", roles.OFFICERS))
    page = client.get(reverse("officer:meeting_create")).content.decode()

    assert "<title>Create a meeting" in page
