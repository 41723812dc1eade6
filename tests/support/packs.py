"""A meeting whose agenda pack has every kind of item, for the pack's tests."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from committees.models import Document
from tests.factories import (
    AgendaItemFactory,
    CouncilFactory,
    CoverSheetFactory,
    DocumentFactory,
    MeetingFactory,
)
from tests.support.files import make_pdf

# Planted in the meeting's exempt papers: none may reach the public pack.
CANARY_APPENDIX = "CANARY-APPENDIX-7731"
CANARY_ITEM = "CANARY-ITEM-5519"
CANARY_UPLOAD = "CANARY-UPLOAD-2208"


def lorem(paragraphs, tag=""):
    sentence = (
        "The committee considered the monitoring position and the measures proposed to bring "
        "spending back within the approved budget by the end of the financial year. "
    )
    return "".join(f"<p>{tag}{sentence * 6}</p>" for _ in range(paragraphs))


def synthetic_meeting():
    """A meeting with every kind of item: standing text only, long reports, a cover sheet,
    uploaded PDF appendices (portrait and landscape, one opening its item), a verbal item,
    a one-page item, an exempt appendix and a wholly exempt item with an exempt upload."""
    CouncilFactory(name="Example City Council")
    meeting = MeetingFactory(
        starts_at=timezone.make_aware(dt.datetime(2030, 7, 24, 14, 0)),
        published_on=dt.date(2030, 7, 16),
    )
    AgendaItemFactory(
        meeting=meeting, position=1, title="Apologies", standing_text="To receive apologies."
    )
    minutes = AgendaItemFactory(meeting=meeting, position=2, title="Minutes of the Last Meeting")
    DocumentFactory(item=minutes, title="Minutes of 12 June", body=lorem(14))
    finance = AgendaItemFactory(meeting=meeting, position=3, title="Quarterly Finance Report")
    report = DocumentFactory(
        item=finance, position=1, title="Quarter One Monitoring", body=lorem(4)
    )
    CoverSheetFactory(document=report)
    DocumentFactory(
        item=finance,
        position=2,
        kind=Document.Kind.APPENDIX,
        title="Detailed Monitoring Tables",
        body="",
        upload=ContentFile(make_pdf("Finance tables", 3), name="tables.pdf"),
        upload_pages=3,
    )
    DocumentFactory(
        item=finance,
        position=3,
        kind=Document.Kind.APPENDIX,
        title="Savings Delivery Plan",
        body=lorem(2),
    )
    housing = AgendaItemFactory(meeting=meeting, position=4, title="Housing Strategy Consultation")
    DocumentFactory(
        item=housing,
        kind=Document.Kind.APPENDIX,
        title="Consultation Response",
        body="",
        # upload_pages left unset: the pack counts the pages itself.
        upload=ContentFile(make_pdf("Housing response", 2, rotate=90), name="housing.pdf"),
    )
    AgendaItemFactory(meeting=meeting, position=5, title="Performance Discussion", verbal=True)
    note = AgendaItemFactory(meeting=meeting, position=6, title="Short Briefing Note")
    DocumentFactory(item=note, title="Briefing", body="<p>One short page.</p>")
    procurement = AgendaItemFactory(meeting=meeting, position=7, title="Procurement Update")
    DocumentFactory(item=procurement, position=1, title="Procurement Report", body=lorem(2))
    DocumentFactory(
        item=procurement,
        position=2,
        kind=Document.Kind.APPENDIX,
        title="Supplier Prices",
        body=f"<p>{CANARY_APPENDIX}: commercially sensitive prices.</p>",
        exempt=True,
        exempt_paragraph=3,
    )
    land = AgendaItemFactory(
        meeting=meeting,
        position=8,
        title="Land Disposal at Example Wharf",
        exempt=True,
        exempt_paragraph=3,
    )
    DocumentFactory(item=land, position=1, title="Disposal Report", body=f"<p>{CANARY_ITEM}</p>")
    DocumentFactory(
        item=land,
        position=2,
        kind=Document.Kind.APPENDIX,
        title="Valuation",
        body="",
        upload=ContentFile(make_pdf(CANARY_UPLOAD, 1, landscape=True), name="valuation.pdf"),
        upload_pages=1,
    )
    return meeting
