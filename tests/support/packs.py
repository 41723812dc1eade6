"""Meetings for the pack's tests: one whose pack has every kind of item, and long ones of
many reports (for the preview's tests and the benchmark)."""

import datetime as dt
import io

import weasyprint
from django.core.files.base import ContentFile
from django.utils import timezone
from pypdf import PdfReader

from committees.models import (
    AgendaItem,
    Committee,
    Council,
    CoverSheet,
    Document,
    Meeting,
    MunicipalYear,
    Officer,
)
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


# A long meeting's report: cover sheet, about 2½ pages of text and a monitoring table; every
# fourth item also has a 4-page uploaded PDF appendix. An item is then about 8 pages with the
# blank pages that right-hand starts add.
PARAGRAPHS = 16
PAGES_PER_ITEM = 7.8
UPLOAD_EVERY = 4
UPLOAD_PAGES = 4


def long_meeting_items(pages):
    """How many items a long meeting needs for a pack of about `pages` numbered pages."""
    return max(1, round(pages / PAGES_PER_ITEM))


def long_meeting(*, items, paragraphs=PARAGRAPHS, upload=None, upload_every=UPLOAD_EVERY):
    """A published meeting of `items` reports, each with a cover sheet, `paragraphs` sections of
    text and a table; every `upload_every`th with the PDF `upload` as an appendix (by default
    four pages of dense text)."""
    Council.objects.create(
        name="Benchmark City Council",
        address="Council House",
        web_address="https://www.example.gov.uk",
        chief_executive="A. Chief",
    )
    MunicipalYear.objects.create(
        label="2030/2031", start_date=dt.date(2030, 5, 1), end_date=dt.date(2031, 4, 30)
    )
    committee = Committee.objects.create(name="Benchmark Overview and Scrutiny Committee")
    meeting = Meeting.objects.create(
        committee=committee,
        starts_at=timezone.make_aware(dt.datetime(2030, 7, 24, 14, 0)),
        published_on=dt.date(2030, 7, 16),
    )
    author = Officer.objects.create(name="Report Author", job_title="Head of Finance")
    sentence = (
        "The forecast outturn reflects pressures in demand-led services, partly offset by "
        "vacancy management and one-off income, and the directorate is taking action to "
        "bring spending back within budget by the end of the year. "
    )
    body = (
        "".join(f"<h3>Section {n}</h3><p>{sentence * 5}</p>" for n in range(1, paragraphs + 1))
        + monitoring_table()
    )
    if upload is None:
        upload = weasyprint.HTML(
            string="".join(
                f"<h1>Appendix page {k}</h1><p>{sentence * 20}</p>"
                "<div style='break-after: page'></div>"
                for k in range(1, UPLOAD_PAGES + 1)
            )
        ).write_pdf()
    upload_pages = len(PdfReader(io.BytesIO(upload)).pages)
    for position in range(1, items + 1):
        item = AgendaItem.objects.create(
            meeting=meeting, position=position, title=f"Monitoring Report {position}"
        )
        report = Document.objects.create(
            item=item, position=1, title=f"Monitoring Report {position}", body=body
        )
        cover = CoverSheet.objects.create(
            document=report,
            purpose="To update the committee on the monitoring position.",
            recommendations="That the committee notes the report.",
        )
        cover.authors.add(author)
        if position % upload_every == 0:
            Document.objects.create(
                item=item,
                position=2,
                kind=Document.Kind.APPENDIX,
                title="Monitoring Tables",
                upload=ContentFile(upload, name=f"appendix-{position}.pdf"),
                upload_pages=upload_pages,
            )
    return meeting


def monitoring_table():
    rows = "".join(
        f"<tr><th scope='row'>Directorate {n}</th><td>{n * 12.345:.3f}</td>"
        f"<td>({n * 3.21:.3f})</td><td>{n * 9.135:.3f}</td><td>{n * 0.5:.3f}</td></tr>"
        for n in range(1, 13)
    )
    return (
        "<table><caption>Table 1: Revenue monitoring position</caption><thead><tr>"
        "<th scope='col'>Directorate</th><th scope='col'>Budget £m</th>"
        "<th scope='col'>Income £m</th><th scope='col'>Forecast £m</th>"
        f"<th scope='col'>Variation £m</th></tr></thead><tbody>{rows}</tbody></table>"
    )
