"""Rendering a meeting's agenda pack (committees/packs/render.py): the public and restricted
packs from one source, what each includes, the files a publication stores, and progress."""

import datetime as dt
import io

from pypdf import PdfReader

from committees import limits
from committees.models import Document, Meeting
from committees.packs.render import (
    print_source,
    render_pack_files,
    render_pack_html,
    render_pack_pdf,
    render_source,
)
from tests.factories import BackgroundPaperFactory
from tests.support.packs import CANARY_APPENDIX, CANARY_ITEM, CANARY_UPLOAD
from tests.support.pdf import RESTRICTED_MARKER, PackPdf, all_text, squash

CANARY_PAPER = "CANARY-PAPER-3061"


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
