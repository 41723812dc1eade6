"""Every public page (committees/views.py): what a visitor sees (their queries at scale are
in test_public_pages_at_scale.py). The demo is loaded once for the module, with the seed's July
2019 agenda published."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from committees.models import Committee, Councillor, Meeting
from tests.factories import AgendaItemFactory, DocumentFactory, MeetingFactory
from tests.support.demo import SEED_AGENDA, seed_meeting
from tests.support.pages import text
from tests.support.users import user

pytestmark = pytest.mark.usefixtures("published_seed")


def test_home_lists_upcoming_meetings_and_links_to_committees(client, demo):
    response = client.get(reverse("committees:home"))
    assert response.status_code == 200
    upcoming = Meeting.objects.upcoming().select_related("committee").first()
    assert upcoming.get_absolute_url() in text(response)
    assert reverse("committees:committee_list") in text(response)


def test_committee_page_shows_members_by_role_responsibilities_and_meetings(client, demo):
    committee = Committee.objects.get(short_name="Performance, Finance and Customer Focus")
    response = client.get(committee.get_absolute_url())
    page = text(response)
    assert "Chair" in page and "Vice Chair" in page
    rows = " ".join(strip_tags(page).split())
    assert "Chair Councillor Kelly" in rows and "Vice Chair Councillor Winter" in rows
    assert "Financial Performance Monitoring" in page
    assert "Spending money wisely" in page
    assert seed_meeting().get_absolute_url() in page
    assert "Municipal year 2019/2020" in page


def test_seed_meeting_lists_the_eleven_items_with_seed_numbers_and_titles(client, published_seed):
    response = client.get(seed_meeting().get_absolute_url())
    page = text(response)
    positions = [page.index(f"{number}.</span> {title}") for number, title in
                 enumerate(SEED_AGENDA, start=1)]  # fmt: skip
    assert positions == sorted(positions)
    assert "Update on the Corporate Procurement Services – To Follow" in page
    assert "Performance discussion (Verbal)" in page
    assert "Warspite Room, Council House" in page


def test_pack_page_has_front_sheet_then_every_items_documents(client, published_seed):
    meeting = seed_meeting()
    page = text(client.get(reverse("committees:pack", args=[meeting.pk])))
    assert "Please ask for Jamie Sheldon" in page
    assert "Councillor Kelly, Chair<br>Councillor Winter, Vice Chair<br>Councillors" in page
    assert "Tracey Lee" in page
    assert "Members are invited to attend the above meeting" in page
    # The cover sheet comes from fields, the appendix letter from order.
    assert "Revenue Monitoring 2019/20" in page
    assert "Appendix A: Month 2 Revenue Monitoring Report" in page
    assert "paul.looby@plymouth.gov.uk" in page
    # The generated corporate plan mapping lists every scrutiny committee.
    assert "Education and Children's Social Care" in page


def test_exempt_item_shows_title_and_paragraph_but_never_its_content(client, demo, publish):
    meeting = seed_meeting()
    item = AgendaItemFactory(
        meeting=meeting, title="Sale of Land at Example Quay", exempt=True, exempt_paragraph=3
    )
    DocumentFactory(item=item, title="Valuation report", body="<p>CANARY-VALUATION-41</p>")
    publish(meeting)
    meeting_page = text(client.get(meeting.get_absolute_url()))
    pack_page = text(client.get(reverse("committees:pack", args=[meeting.pk])))
    for page in (meeting_page, pack_page):
        assert "Sale of Land at Example Quay" in page
        assert "Not for publication" in page
        assert "paragraph 3" in page
        assert "CANARY-VALUATION-41" not in page
    # Exempt items come after the public ones, under the exclusion of the public.
    assert "12.</span> Sale of Land at Example Quay" in meeting_page


def test_exempt_document_in_a_public_item_is_withheld(client, demo, publish):
    meeting = seed_meeting()
    item = meeting.items.get(title="Customer Experience Programme Update")
    DocumentFactory(
        item=item, kind="appendix", title="Supplier prices", exempt=True, exempt_paragraph=3,
        body="<p>CANARY-PRICES-77</p>",
    )  # fmt: skip
    publish(meeting)
    page = text(client.get(reverse("committees:pack", args=[meeting.pk])))
    assert "Supplier prices" in page
    assert "CANARY-PRICES-77" not in page


def test_unpublished_agenda_is_not_shown(client, demo):
    meeting = MeetingFactory(starts_at=timezone.now() + dt.timedelta(days=30))
    AgendaItemFactory(meeting=meeting, title="Draft item nobody should see")
    page = text(client.get(meeting.get_absolute_url()))
    assert "has not been published yet" in page
    assert "Draft item nobody should see" not in page
    assert client.get(reverse("committees:pack", args=[meeting.pk])).status_code == 404


def test_cancelled_meeting_shows_the_reason(client, demo):
    meeting = Meeting.objects.upcoming().first()
    meeting.status = Meeting.Status.CANCELLED
    meeting.status_reason = "The business was not ready."
    meeting.save()
    page = text(client.get(meeting.get_absolute_url()))
    assert "This meeting has been cancelled. The business was not ready." in page


def test_councillor_page_lists_committees_and_roles(client, demo):
    kelly = Councillor.objects.get(name="Kelly")
    page = text(client.get(kelly.get_absolute_url()))
    assert "Performance, Finance and Customer Focus Overview and Scrutiny Committee" in page
    assert "Chair" in page


def test_calendar_lists_july_2019_meetings_by_day(client, demo):
    page = text(client.get(reverse("committees:calendar_month", args=[2019, 7])))
    assert "Wednesday 24 July" in page
    assert "Performance, Finance and Customer Focus" in page
    assert reverse("committees:calendar_month", args=[2019, 8]) in page


def test_calendar_redirects_to_this_month_and_refuses_month_13(client, db):
    today = timezone.localdate()
    response = client.get(reverse("committees:calendar"))
    assert response.url == reverse("committees:calendar_month", args=[today.year, today.month])
    assert client.get("/calendar/2019/13/").status_code == 404


def test_corporate_plan_mapping_table_has_every_scrutiny_committee(client, demo):
    page = text(client.get(reverse("committees:corporate_plan")))
    for name in ["Brexit, Infrastructure and Legislative Change", "Health and Adult Social Care"]:
        assert name in page
    assert "Reduced health inequalities" in page


def test_unknown_url_gets_the_styled_404_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in text(response)
    assert "govuk-header" in text(response) or "govuk-generic-header" in text(response)


def test_meeting_page_offers_the_pdf_and_the_restricted_pack_only_to_members(
    client, published_seed
):
    meeting = seed_meeting()
    restricted = reverse("committees:pack_restricted_pdf", args=[meeting.pk])
    page = text(client.get(meeting.get_absolute_url()))
    assert reverse("committees:pack_pdf", args=[meeting.pk]) in page
    assert restricted not in page
    client.force_login(user("councillor"))
    assert restricted in text(client.get(meeting.get_absolute_url()))
