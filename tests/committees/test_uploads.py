"""Uploads are checked by content (committees/uploads.py): size, type, damage, passwords; Word
converts to clean HTML. Files made to exhaust the server are refused before anything expensive
reads them. The files are real (tests/support/files.py).
"""

import io
import re

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf.actions import JavaScript

from committees.sanitise import sanitise_html
from committees.uploads import DOCX, PDF, check_upload
from tests.support.files import (
    BAD_FILES,
    MB,
    OLE2,
    bad_file,
    docx_bytes,
    docx_with_body,
    link,
    pdf_bytes,
    undecodable_streams_pdf,
)


def uploaded(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("key", BAD_FILES)
def test_bad_upload_is_refused_with_a_clear_message(key):
    name, content, message = bad_file(key)

    with pytest.raises(ValidationError) as refusal:
        check_upload(uploaded(name, content))

    assert message in refusal.value.messages[0]


def test_the_size_limit_comes_from_the_settings(settings):
    settings.MAX_UPLOAD_BYTES = 1 * MB

    with pytest.raises(ValidationError, match="smaller than 1 MB"):
        check_upload(uploaded("appendix.pdf", pdf_bytes() + b"%" * MB))


def test_a_file_whose_reported_size_lies_is_still_held_to_the_limit(settings):
    settings.MAX_UPLOAD_BYTES = 1 * MB
    upload = uploaded("appendix.pdf", b"%PDF-" + b"0" * (2 * MB))
    upload.size = 100

    with pytest.raises(ValidationError, match="smaller than 1 MB"):
        check_upload(upload)


def test_an_old_style_doc_file_renamed_pdf_is_named_for_what_it_is():
    with pytest.raises(ValidationError, match="old-style Word file"):
        check_upload(uploaded("minutes.pdf", OLE2 + b"\x00" * 512))


def test_a_report_body_may_come_only_from_word():
    with pytest.raises(ValidationError, match="must be a Word document"):
        check_upload(uploaded("report.pdf", pdf_bytes()), allowed=(DOCX,))


def test_a_valid_pdf_is_kept_byte_for_byte_with_its_page_count():
    content = pdf_bytes(pages=3)

    checked = check_upload(uploaded("Appendix A.PDF", content))

    assert (checked.kind, checked.pages, checked.content) == (PDF, 3, content)
    assert checked.as_file().read() == content


def test_word_converts_to_html_with_heading_paragraph_table_and_embedded_image():
    checked = check_upload(uploaded("report.docx", docx_bytes()))

    html = checked.html
    assert checked.kind == DOCX
    # Word's Heading 1 becomes h2: the pack's own h1–h3 sit above a document's body.
    assert "<h2>Month 2 monitoring</h2>" in html
    assert "<p>The projected revenue overspend is £3.958m.</p>" in html
    assert "<table>" in html and "Directorate" in html and "0.417" in html
    assert re.search(r'<img [^>]*src="data:image/png;base64,iVBORw0KGgo', html)


def test_sanitising_converted_word_keeps_its_structure_and_image():
    html = sanitise_html(check_upload(uploaded("report.docx", docx_bytes())).html)

    for kept in ("<h2>", "<p>", "<table>", "<td>"):
        assert kept in html
    assert re.search(r'<img [^>]*src="data:image/png;base64,iVBORw0KGgo', html)


def test_a_javascript_link_in_word_is_stripped_when_sanitised():
    converted = check_upload(uploaded("report.docx", docx_bytes(hostile_link=True))).html
    assert "javascript:" in converted  # mammoth carries the link over as it is…

    html = sanitise_html(converted)

    assert "javascript:" not in html  # …and the sanitiser removes it
    assert "the details" in html


def test_word_alt_text_is_kept_on_images():
    checked = check_upload(uploaded("report.docx", docx_bytes(alt_text="Revenue by directorate")))

    assert 'alt="Revenue by directorate"' in checked.html
    assert not any("alternative text" in note for note in checked.notes)


def test_an_image_without_alt_text_is_marked_decorative_and_the_officer_told():
    checked = check_upload(uploaded("report.docx", docx_bytes()))

    assert 'alt=""' in checked.html
    assert checked.notes[0].startswith("1 image has no alternative text")


# ---- Files made to exhaust the server ------------------------------------------------------------


def test_a_small_word_file_holding_30_mb_of_xml_is_called_a_zip_bomb():
    content = docx_with_body(b"<w:p/>" * 5_000_000)
    assert len(content) < 100 * 1024

    with pytest.raises(ValidationError) as refusal:
        check_upload(uploaded("report.docx", content))

    assert re.search(
        r"^The Word document is a zip bomb: a \d+ KB file that would unzip to 29 MB",
        refusal.value.messages[0],
    )


def test_a_long_word_report_within_the_limits_converts():
    paragraph = b"<w:p><w:r><w:t>Paragraph %d of the monitoring report.</w:t></w:r></w:p>"
    content = docx_with_body(b"".join(paragraph % n for n in range(1, 5001)))

    checked = check_upload(uploaded("report.docx", content))

    assert "<p>Paragraph 5000 of the monitoring report.</p>" in checked.html


def test_a_word_file_that_needs_more_memory_than_a_conversion_may_use_is_refused(settings):
    settings.CONVERSION_MEMORY_BYTES = 32 * MB
    content = docx_with_body(b"<w:p/>" * 200_000, compress=False)  # within the element limit

    with pytest.raises(ValidationError) as refusal:
        check_upload(uploaded("report.docx", content))

    assert refusal.value.messages == [
        "“report.docx” is too large or complex to read: reading it needed more than 32 MB of "
        "memory. Split it into smaller files, then upload them"
    ]


def test_the_pdf_page_limit_comes_from_the_settings(settings):
    settings.MAX_UPLOAD_PDF_PAGES = 2

    with pytest.raises(ValidationError, match="The PDF has 3 pages, more than the 2 one upload"):
        check_upload(uploaded("appendix.pdf", pdf_bytes(pages=3)))


def test_a_pdf_is_accepted_without_its_content_streams_being_decoded():
    content = undecodable_streams_pdf(pages=2, stream_bytes=2 * MB)
    page = pypdf.PdfReader(io.BytesIO(content)).pages[0]
    with pytest.raises(pypdf.errors.PdfStreamError):
        page.get_contents()

    checked = check_upload(uploaded("appendix.pdf", content))

    assert (checked.kind, checked.pages) == (PDF, 2)


def test_javascript_in_the_pdf_name_tree_is_refused():
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_open_action(JavaScript("this.print({bUI: false, bSilent: true});"))
    buffer = io.BytesIO()
    writer.write(buffer)

    with pytest.raises(ValidationError, match="The PDF contains JavaScript"):
        check_upload(uploaded("appendix.pdf", buffer.getvalue()))


def test_a_pdf_with_an_ordinary_web_link_is_accepted():
    web_link = link("/URI", "https://www.example.gov.uk/budget")

    checked = check_upload(uploaded("appendix.pdf", pdf_bytes(annotation=web_link)))

    assert checked.pages == 2
