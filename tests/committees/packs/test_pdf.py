"""The agenda pack PDF, read back with pypdf as a reader would read it.

Page ranges on the front sheet must be where the items really are; items open on right-hand
pages; blank pages say so; exempt papers stay out of the public pack; uploads are merged,
numbered and bookmarked; an unchanged pack renders once; failures are clear.
"""

import datetime as dt
import io
import re
from unittest import mock

import pytest
import weasyprint
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader, PdfWriter

from committees import limits, roles
from committees.models import AgendaItem, Document, Meeting
from committees.packs import cache
from committees.packs.render import (
    PackRenderError,
    print_source,
    render_pack_files,
    render_pack_html,
    render_pack_pdf,
    render_source,
)
from committees.stored import read_verified
from tests.committees.test_uploads import inflating_pdf, many_pages_pdf
from tests.factories import (
    AgendaItemFactory,
    BackgroundPaperFactory,
    CouncilFactory,
    CouncillorFactory,
    CoverSheetFactory,
    DocumentFactory,
    MeetingFactory,
    MembershipFactory,
)

NOTICE = "This page is intentionally left blank"
RESTRICTED_MARKER = "Restricted: includes exempt information"
FOOTER = re.compile(r"(?:^|\s)Page (\d+)\s*$")
RANGE = r"\((?:Pages (\d+) - (\d+)|Page (\d+))\)"

CANARY_APPENDIX = "CANARY-APPENDIX-7731"
CANARY_ITEM = "CANARY-ITEM-5519"
CANARY_UPLOAD = "CANARY-UPLOAD-2208"
CANARY_PAPER = "CANARY-PAPER-3061"


# ---- Reading a pack back -------------------------------------------------------------------------


def squash(text):
    return " ".join(text.split())


def make_pdf(label, pages, *, landscape=False, rotate=0):
    """A real PDF, as an officer would upload: "<label> page k of n" on each page; `rotate`
    sets the pages' /Rotate, as scanners and "rotate view" in PDF readers do."""
    size = "A4 landscape" if landscape else "A4"
    body = "".join(
        f"<h1>{label} page {k} of {pages}</h1><p>Uploaded content.</p>"
        f"<div style='break-after: page'></div>"
        for k in range(1, pages + 1)
    )
    html = f"<html><head><style>@page {{ size: {size} }}</style></head><body>{body}</body></html>"
    data = weasyprint.HTML(string=html).write_pdf()
    if not rotate:
        return data
    writer = PdfWriter(clone_from=io.BytesIO(data))
    for page in writer.pages:
        page.rotate(rotate)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


class PackPdf:
    """A rendered pack, page by page, with the front sheet's ranges and the real item pages."""

    def __init__(self, data, meeting, *, restricted):
        self.data = data
        self.restricted = restricted
        self.reader = PdfReader(io.BytesIO(data))
        self.texts = [page.extract_text() for page in self.reader.pages]
        self.numbers = [self.printed_number(text) for text in self.texts]
        self.first_numbered = self.numbers.index(1)
        self.items = list(AgendaItem.objects.filter(meeting=meeting).numbered())

    @staticmethod
    def printed_number(text):
        match = FOOTER.search(text)
        return int(match[1]) if match else None

    def body(self, index):
        """What a page says besides its footer, blank-page notice and restricted marker."""
        text = self.texts[index].replace(NOTICE, "").replace(RESTRICTED_MARKER, "")
        return squash(FOOTER.sub("", squash(text)))

    @property
    def front(self):
        return squash(" ".join(self.texts[: self.first_numbered]))

    def printed_ranges(self):
        """{item number: (first, last)} as the front sheet prints them."""
        ranges = {}
        for item in self.items:
            match = re.search(
                re.escape(squash(item.title)) + r"(?: – To Follow)? " + RANGE, self.front
            )
            if match:
                first = int(match[1] or match[3])
                last = int(match[2] or match[3])
                ranges[item.number] = (first, last)
        return ranges

    def item_starts(self):
        """{item number: page index} of the pages that open with an item's heading."""
        starts = {}
        for index in range(self.first_numbered, len(self.texts)):
            body = self.body(index)
            for item in self.items:
                if body.startswith(f"{item.number}. {squash(item.title)}"):
                    assert item.number not in starts, f"item {item.number} opens twice"
                    starts[item.number] = index
        return starts

    def withheld(self, item):
        return item.exempt and not self.restricted

    def real_ranges(self):
        """{item number: (first, last)} page numbers where the items really stand.

        A withheld exempt item has a page saying so in the public pack, but no range: the
        front sheet says "Not for publication" under its title instead.
        """
        starts = sorted(self.item_starts().items(), key=lambda pair: pair[1])
        withheld = {item.number for item in self.items if self.withheld(item)}
        ranges = {}
        for position, (number, first) in enumerate(starts):
            end = starts[position + 1][1] - 1 if position + 1 < len(starts) else len(self.texts) - 1
            while NOTICE in self.texts[end]:
                end -= 1
            if number not in withheld:
                ranges[number] = (self.numbers[first], self.numbers[end])
        return ranges

    def outline(self):
        """[(level, title, page index)] of the bookmarks."""

        def walk(entries, level):
            for entry in entries:
                if isinstance(entry, list):
                    yield from walk(entry, level + 1)
                else:
                    yield level, entry.title, self.reader.get_destination_page_number(entry)

        return list(walk(self.reader.outline, 0))

    def assert_laid_out_like_a_council_pack(self):
        # The front sheet and agenda are unnumbered; page 1 is the first item's first page,
        # on a right-hand page; every later page carries its own number.
        assert all(number is None for number in self.numbers[: self.first_numbered])
        assert self.first_numbered % 2 == 0
        for index in range(self.first_numbered, len(self.texts)):
            assert self.numbers[index] == index - self.first_numbered + 1, self.texts[index]
        # Every item opens on a right-hand page: odd in the printed numbering and the file.
        starts = self.item_starts()
        for number, index in starts.items():
            assert index % 2 == 0, f"item {number} opens on a left-hand page"
            assert self.numbers[index] % 2 == 1
        # Blank pages, and only they, say so.
        for index in range(len(self.texts)):
            if NOTICE in self.texts[index]:
                assert self.body(index) == "", self.texts[index]
            else:
                assert self.body(index), f"page {index + 1} is empty without the notice"
        # The front sheet's ranges are where the items really are.
        printed = self.printed_ranges()
        assert printed == self.real_ranges()
        # Items with pages have a range; items without (apologies, verbal) have none.
        assert set(printed) == {
            item.number
            for item in self.items
            if item.documents.exists() and not self.withheld(item) and item.number in starts
        }
        return printed


# ---- Fixtures ------------------------------------------------------------------------------------


def lorem(paragraphs, tag=""):
    sentence = (
        "The committee considered the monitoring position and the measures proposed to bring "
        "spending back within the approved budget by the end of the financial year. "
    )
    return "".join(f"<p>{tag}{sentence * 6}</p>" for _ in range(paragraphs))


@pytest.fixture
def synthetic(db):
    """A meeting with every kind of item: standing text only, long reports, a cover sheet,
    uploaded PDF appendices (portrait and landscape, one opening its item), a verbal item,
    a one-page item, an exempt appendix and a wholly exempt item with an exempt upload."""
    CouncilFactory(name="Example City Council")
    meeting = MeetingFactory(
        starts_at=timezone.make_aware(dt.datetime(2030, 7, 24, 14, 0)),
        published_on=dt.date(2030, 7, 16),
    )
    apologies = AgendaItemFactory(
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
    assert apologies.pk
    return meeting


def user_in(group, username):
    user = get_user_model().objects.create_user(username, password="a-long-password-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def member_of(meeting, username):
    user = user_in(roles.COUNCILLORS, username)
    councillor = CouncillorFactory(user=user)
    MembershipFactory(
        committee=meeting.committee, councillor=councillor, start_date=dt.date(2000, 5, 1)
    )
    return user


def seed_meeting():
    return Meeting.objects.get(
        committee__short_name="Performance, Finance and Customer Focus",
        starts_at__date=dt.date(2019, 7, 24),
    )


def all_text(pdf):
    return squash(" ".join(pdf.texts))


# ---- The demo meeting of 24 July 2019 ------------------------------------------------------------


def test_demo_pack_ranges_odd_starts_blank_pages_and_bookmarks_read_like_the_seed(demo):
    meeting = seed_meeting()
    pdf = PackPdf(render_pack_pdf(meeting, restricted=False).data, meeting, restricted=False)
    ranges = pdf.assert_laid_out_like_a_council_pack()
    # The seed numbers from the minutes: item 3 opens on page 1.
    numbers = {item.title: item.number for item in pdf.items}
    assert ranges[numbers["Minutes"]][0] == 1
    assert set(ranges) == {
        numbers[title]
        for title in (
            "Minutes",
            "Mapping of Corporate Plan to Scrutiny Committees",
            "Revenue Monitor 2019/20 - Month 2",
            "Customer Experience Programme Update",
            "Work Programme",
            "Tracking Decisions",
        )
    }
    front = pdf.front
    assert "Update on the Corporate Procurement Services – To Follow" in front
    assert "Performance discussion (Verbal)" in front
    assert re.search(r"Minutes \(Pages 1 - \d+\)", front)
    # Bookmarks: the front sheet, the agenda, then each item with its documents beneath.
    outline = pdf.outline()
    top = [title for level, title, _ in outline if level == 0]
    assert top[:2] == ["Front sheet", "Agenda"]
    starts = pdf.item_starts()
    for level, title, page in outline:
        match = re.match(r"(\d+)\. ", title)
        if level == 0 and match:
            assert page == starts[int(match[1])]
    assert top[2:] == [
        f"{item.number}. {item.title}" for item in pdf.items if item.number in starts
    ]
    assert any(level == 1 for level, _, _ in outline)


def test_demo_pack_metadata_title_author_language_and_tags(demo):
    meeting = seed_meeting()
    reader = PdfReader(io.BytesIO(render_pack_pdf(meeting, restricted=False).data))
    assert reader.metadata.title == (
        "Performance, Finance and Customer Focus Overview and Scrutiny Committee – "
        "24 July 2019 – agenda pack"
    )
    assert reader.metadata.author == "Plymouth City Council"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


def test_demo_public_pdf_download_has_a_meaningful_name_and_caching_headers(client, demo, publish):
    meeting = seed_meeting()
    publish(meeting)
    response = client.get(reverse("committees:pack_pdf", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="2019-07-24 Performance Finance and Customer Focus agenda pack.pdf"'
        in response["Content-Disposition"]
    )
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["ETag"]
    assert response.content.startswith(b"%PDF-")


# ---- Synthetic meetings with uploads -------------------------------------------------------------


def test_ranges_count_uploaded_pages_and_uploads_are_merged_numbered_and_bookmarked(synthetic):
    pdf = PackPdf(render_pack_pdf(synthetic, restricted=True).data, synthetic, restricted=True)
    ranges = pdf.assert_laid_out_like_a_council_pack()
    numbers = {item.title: item.number for item in pdf.items}
    # A one-page item reads "(Page n)", as councils print it.
    short = ranges[numbers["Short Briefing Note"]]
    assert short[0] == short[1]
    assert re.search(rf"Short Briefing Note \(Page {short[0]}\)", pdf.front)
    assert re.search(r"Quarterly Finance Report \(Pages \d+ - \d+\)", pdf.front)
    # Every uploaded page stands in the pack, in order, inside its item's range, stamped with
    # the pack's number (checked for every page above).
    for label, count, item in (
        ("Finance tables", 3, "Quarterly Finance Report"),
        ("Housing response", 2, "Housing Strategy Consultation"),
        (CANARY_UPLOAD, 1, "Land Disposal at Example Wharf"),
    ):
        pages = [
            index for index in range(len(pdf.texts)) if f"{label} page" in squash(pdf.texts[index])
        ]
        assert len(pages) == count
        assert pages == list(range(pages[0], pages[0] + count))
        for k, index in enumerate(pages, start=1):
            assert f"{label} page {k} of {count}" in squash(pdf.texts[index])
        first, last = ranges[numbers[item]]
        assert first <= pdf.numbers[pages[0]] and pdf.numbers[pages[-1]] <= last
    # The text appendix after an upload starts on a fresh page, after the last uploaded one.
    savings = next(i for i, text in enumerate(pdf.texts) if "Appendix B: Savings" in squash(text))
    assert "Finance tables page 3 of 3" in squash(pdf.texts[savings - 1])
    # A landscape upload keeps its shape; a page rotated for viewing is turned upright.
    for label in ("Housing response page 1", CANARY_UPLOAD):
        index = next(i for i, text in enumerate(pdf.texts) if label in text)
        page = pdf.reader.pages[index]
        assert page.mediabox.width > page.mediabox.height
        assert not page.rotation
    # The bookmarks of uploaded appendices point at their first page, after the swap.
    outline = {title: page for _, title, page in pdf.outline()}
    tables = next(i for i, text in enumerate(pdf.texts) if "Finance tables page 1" in text)
    assert outline["Appendix A: Detailed Monitoring Tables"] == tables
    assert outline[f"{numbers['Quarterly Finance Report']}. Quarterly Finance Report"] < tables


def test_public_pack_leaves_exempt_papers_out_and_restricted_pack_has_them(synthetic):
    public = PackPdf(render_pack_pdf(synthetic, restricted=False).data, synthetic, restricted=False)
    restricted = PackPdf(
        render_pack_pdf(synthetic, restricted=True).data, synthetic, restricted=True
    )
    public.assert_laid_out_like_a_council_pack()
    for canary in (CANARY_APPENDIX, CANARY_ITEM, CANARY_UPLOAD):
        assert canary not in all_text(public)
        assert canary in all_text(restricted)
    assert "Not for publication" in all_text(public)
    assert "paragraph 3 of Part 1 of Schedule 12A" in all_text(public)
    assert RESTRICTED_MARKER not in all_text(public)
    assert all(RESTRICTED_MARKER in text for text in restricted.texts)
    assert "(restricted" in restricted.reader.metadata.title


def test_public_pack_leaves_exempt_background_papers_out_of_the_list(synthetic):
    # LGA 1972 s.100D(4): the public list of background papers leaves out exempt ones.
    cover = Document.objects.get(title="Quarter One Monitoring").cover
    BackgroundPaperFactory(cover=cover, title="Budget book 2030/31")
    BackgroundPaperFactory(
        cover=cover, title=f"{CANARY_PAPER} valuation advice", exempt=True, exempt_paragraph=3
    )

    public_html = render_pack_html(synthetic, restricted=False)
    public = all_text(
        PackPdf(render_pack_pdf(synthetic, restricted=False).data, synthetic, restricted=False)
    )
    restricted = all_text(
        PackPdf(render_pack_pdf(synthetic, restricted=True).data, synthetic, restricted=True)
    )

    assert "Budget book 2030/31" in public_html and "Budget book 2030/31" in public
    assert CANARY_PAPER not in public_html
    assert CANARY_PAPER not in public
    assert f"{CANARY_PAPER} valuation advice 3" in restricted
    assert CANARY_PAPER in render_pack_html(synthetic, restricted=True)


def test_an_unchanged_pack_is_rendered_once_and_a_change_renders_again(synthetic):
    first = render_pack_pdf(synthetic, restricted=False)
    again = render_pack_pdf(synthetic, restricted=False)
    assert not first.cached and again.cached
    assert again.data == first.data and again.content_hash == first.content_hash
    assert again.page_count == first.page_count
    assert default_storage.exists(cache.cache_name(first.content_hash))
    _, cached = default_storage.listdir(cache.CACHE_DIR)
    assert sorted(cached) == [f"{first.content_hash}.json", f"{first.content_hash}.pdf"]

    Document.objects.filter(title="Briefing").update(body="<p>A different short page.</p>")
    changed = render_pack_pdf(synthetic, restricted=False)
    assert not changed.cached and changed.content_hash != first.content_hash


def test_a_changed_upload_changes_the_content_hash(synthetic):
    first = render_pack_pdf(synthetic, restricted=False)
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("tables-v2.pdf", ContentFile(make_pdf("Finance tables v2", 3)))
    assert render_pack_pdf(synthetic, restricted=False).content_hash != first.content_hash


def test_render_pack_files_gives_the_publication_both_packs_and_their_html(synthetic):
    files = render_pack_files(synthetic)
    assert files.public_pdf.startswith(b"%PDF-") and files.restricted_pdf.startswith(b"%PDF-")
    assert files.page_count == len(PdfReader(io.BytesIO(files.public_pdf)).pages)
    assert files.restricted_page_count > files.page_count
    assert CANARY_ITEM not in files.public_html and CANARY_ITEM in files.restricted_html
    assert 'class="pack"' in files.public_html and "<html" not in files.public_html
    assert len(files.content_hash) == 64
    assert files.public_pack.restricted is False and files.restricted_pack.restricted is True


def test_a_first_publication_prints_its_date_on_the_front_sheet(synthetic):
    Meeting.objects.filter(pk=synthetic.pk).update(published_on=None)
    draft = Meeting.objects.get(pk=synthetic.pk)
    files = render_pack_files(draft, published_on=dt.date(2030, 7, 15))
    assert "Published 15 July 2030" in files.public_html
    front = squash(PdfReader(io.BytesIO(files.public_pdf)).pages[0].extract_text())
    assert "Published 15 July 2030" in front
    assert draft.published_on is None


def test_a_corrupt_upload_fails_the_render_with_a_clear_message(synthetic):
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("broken.pdf", ContentFile(b"%PDF-1.7\nthis is not really a PDF"))
    with pytest.raises(PackRenderError, match="Detailed Monitoring Tables"):
        render_pack_files(synthetic)
    assert (
        not default_storage.exists(cache.CACHE_DIR)
        or not default_storage.listdir(cache.CACHE_DIR)[1]
    )


def test_an_encrypted_upload_fails_the_render_with_a_clear_message(synthetic):
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf("Secret", 1)))
    writer.encrypt("password")
    encrypted = io.BytesIO()
    writer.write(encrypted)
    document = Document.objects.get(title="Consultation Response")
    document.upload.save("locked.pdf", ContentFile(encrypted.getvalue()))
    with pytest.raises(PackRenderError, match="encrypted"):
        render_pack_pdf(synthetic, restricted=False)


def test_a_layout_engine_failure_becomes_a_pack_render_error(synthetic, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("cairo ran out of memory")

    monkeypatch.setattr(weasyprint.HTML, "render", broken)
    with pytest.raises(PackRenderError, match="layout engine failed"):
        render_pack_files(synthetic)


def test_a_stored_100000_page_upload_fails_the_preview_at_once(synthetic):
    # Stored before uploads were limited: the render counts again, from the page tree.
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("huge.pdf", ContentFile(many_pages_pdf(100_000)))

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=True)

    assert str(failure.value) == (
        "The uploaded PDF of “Detailed Monitoring Tables” has 100,000 pages, more than the 500 "
        "one upload may have; upload it as smaller PDFs."
    )


def test_a_pack_whose_uploads_have_too_many_pages_together_fails_the_render(synthetic, settings):
    settings.MAX_PACK_UPLOAD_PAGES = 5  # the restricted pack's uploads have 3 + 2 + 1 pages

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=True)

    assert str(failure.value).startswith(
        "The uploaded PDFs of this pack have 6 pages together, more than the 5 a pack may include"
    )
    assert not default_storage.exists(cache.CACHE_DIR)


def test_an_upload_inflating_to_a_gigabyte_fails_the_render_within_its_memory_limit(
    synthetic, settings
):
    # Accepted at upload, where content streams are not decoded; the render draws them.
    settings.RENDER_MEMORY_BYTES = 64 * 1024 * 1024
    document = Document.objects.get(title="Detailed Monitoring Tables")
    document.upload.save("inflating.pdf", ContentFile(inflating_pdf()))

    with pytest.raises(PackRenderError) as failure:
        render_pack_pdf(synthetic, restricted=False)

    assert str(failure.value).startswith(
        "The agenda pack needed more than 64 MB of memory to render"
    )
    assert not default_storage.exists(cache.CACHE_DIR)


def test_a_render_reports_that_it_is_still_working(synthetic, monkeypatch):
    monkeypatch.setattr(limits, "WAIT_SECONDS", 0.05)
    heartbeats = []

    rendered = render_source(
        print_source(synthetic, restricted=False),
        use_cache=False,
        on_wait=lambda: heartbeats.append(1),
    )

    assert rendered.data.startswith(b"%PDF-")
    assert heartbeats


# ---- Who may download what -----------------------------------------------------------------------


def test_anonymous_request_for_the_restricted_pack_is_sent_to_log_in(client, synthetic):
    url = reverse("committees:pack_restricted_pdf", args=[synthetic.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=" in response["Location"]


def test_councillor_not_on_the_committee_is_refused_the_restricted_pack(client, synthetic):
    client.force_login(user_in(roles.COUNCILLORS, "outsider"))
    response = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert response.status_code == 403


def test_member_of_the_committee_gets_the_restricted_pack_uncached(client, synthetic, publish):
    publish(synthetic)
    client.force_login(member_of(synthetic, "member"))
    response = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "agenda pack (restricted).pdf" in response["Content-Disposition"]
    pdf = PackPdf(response.content, synthetic, restricted=True)
    assert CANARY_ITEM in all_text(pdf)


def test_public_pack_of_an_unpublished_meeting_is_not_found(client, synthetic):
    Meeting.objects.filter(pk=synthetic.pk).update(published_on=None)
    response = client.get(reverse("committees:pack_pdf", args=[synthetic.pk]))
    assert response.status_code == 404


def test_public_pack_serves_the_stored_publication_with_etag_and_last_modified(
    client, synthetic, publish
):
    publication = publish(synthetic)
    public_pdf = read_verified(publication.public_pdf)
    # Nothing is rendered to serve it: the stored bytes are the response.
    Document.objects.filter(title="Briefing").update(body="<p>Changed after publication.</p>")

    url = reverse("committees:pack_pdf", args=[synthetic.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == public_pdf
    assert response["ETag"] == f'"{publication.content_hash}"'
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    not_modified = client.get(url, headers={"if-none-match": response["ETag"]})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == response["ETag"]
    assert "max-age=300" in not_modified["Cache-Control"]

    client.force_login(member_of(synthetic, "member"))
    restricted = client.get(reverse("committees:pack_restricted_pdf", args=[synthetic.pk]))
    assert restricted.content == read_verified(publication.restricted_pdf)
    assert restricted["ETag"] != response["ETag"]


def test_only_officers_preview_the_unpublished_pack(client, synthetic):
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    assert client.get(url).status_code == 302
    client.force_login(member_of(synthetic, "member"))
    assert client.get(url).status_code == 403
    client.force_login(user_in(roles.OFFICERS, "officer"))
    waiting = client.get(url)
    assert waiting.status_code == 202  # rendered by the worker, not in the request
    assert "The pack is being rendered" in waiting.content.decode()
    assert client.get(url, {"version": "public"}).status_code == 202
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    ready = client.get(url, headers={"HX-Request": "true"})  # the waiting page's poll
    assert ready["HX-Redirect"] == url
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert CANARY_ITEM in all_text(PackPdf(response.content, synthetic, restricted=True))
    public = client.get(url, {"version": "public"})
    assert CANARY_ITEM not in all_text(PackPdf(public.content, synthetic, restricted=False))


def test_a_preview_that_cannot_render_says_why(client, synthetic):
    Document.objects.filter(title="Detailed Monitoring Tables").update(upload="documents/gone.pdf")
    client.force_login(user_in(roles.OFFICERS, "officer"))
    response = client.get(reverse("committees:pack_preview_pdf", args=[synthetic.pk]))
    assert response.status_code == 500
    assert "missing from storage" in response.content.decode()


def test_a_preview_the_worker_cannot_render_says_why(client, synthetic):
    client.force_login(user_in(roles.OFFICERS, "officer"))
    url = reverse("committees:pack_preview_pdf", args=[synthetic.pk])
    assert client.get(url).status_code == 202
    with mock.patch(
        "committees.packs.render.write_pack_pdf", side_effect=PackRenderError("engine failed")
    ):
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    response = client.get(url)
    assert response.status_code == 500
    assert "engine failed" in response.content.decode()
    assert "hx-trigger" not in response.content.decode()  # nothing more to wait for
