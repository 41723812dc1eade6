"""Uploads are checked by content: size, type, damage, passwords; Word converts to clean HTML.

The helpers here make real files (python-docx, pypdf) and are shared with test_reports.py.
"""

import io
import re
import struct
import zipfile
import zlib

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.shared import OxmlElement, qn
from docx.shared import Inches

from committees.sanitise import sanitise_html
from committees.uploads import DOCX, PDF, check_upload

MB = 1024 * 1024
# The signature of an OLE2 / Compound File Binary container: what Office makes of a .docx
# protected with a password.
OLE2 = bytes.fromhex("D0CF11E0A1B11AE1")


def png_bytes():
    """A 1×1 red PNG, built by hand so that the test needs no imaging library."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


def add_hyperlink(paragraph, url, text):
    """python-docx has no API for hyperlinks: add the relationship and the run by hand."""
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    run_text = OxmlElement("w:t")
    run_text.text = text
    run.append(run_text)
    link.append(run)
    paragraph._p.append(link)


def docx_bytes(*, heading="Month 2 monitoring", hostile_link=False, alt_text=None):
    """A real Word document: a heading, a paragraph, a table and an embedded PNG image."""
    word = WordDocument()
    word.add_heading(heading, level=1)
    word.add_paragraph("The projected revenue overspend is £3.958m.")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Directorate"
    table.cell(0, 1).text = "Variation £m"
    table.cell(1, 0).text = "Finance"
    table.cell(1, 1).text = "0.417"
    picture = word.add_picture(io.BytesIO(png_bytes()), width=Inches(1))
    if alt_text:
        picture._inline.docPr.set("descr", alt_text)
    if hostile_link:
        paragraph = word.add_paragraph("See ")
        add_hyperlink(paragraph, "javascript:alert(document.cookie)", "the details")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def pdf_bytes(pages=2, *, password=None):
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4 in points
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def uploaded(name, content):
    return SimpleUploadedFile(name, content)


# What an officer might try to upload, and the message they must see.
BAD_FILES = {
    "too big": ("big.pdf", b"%PDF-1.7\n" + b"0" * (21 * MB), "The file must be smaller than 20 MB"),
    "pdf that is text": (
        "report.pdf",
        b"Revenue monitoring, month 2\n",
        "“report.pdf” is not a PDF",
    ),
    "pdf that is a docx": ("report.pdf", "docx", "“report.pdf” is not a PDF"),
    "docx that is a pdf": ("report.docx", "pdf", "“report.docx” is not a Word document"),
    "truncated pdf": ("appendix.pdf", "truncated pdf", "The PDF is damaged or incomplete"),
    "encrypted pdf": ("appendix.pdf", "encrypted pdf", "The PDF is password-protected"),
    "password docx": (
        "report.docx",
        OLE2 + b"\x00" * 4096,
        "“report.docx” is password-protected",
    ),
    "corrupt docx": ("report.docx", "truncated docx", "The Word document is damaged"),
    "zip that is not word": (
        "report.docx",
        "plain zip",
        "The file is a zip archive but not a Word document",
    ),
    "spreadsheet": ("figures.xlsx", b"PK\x03\x04", "The file must be a PDF or a Word document"),
}


def bad_file(key):
    """(name, bytes, message) for one of BAD_FILES, building the real files it names."""
    name, content, message = BAD_FILES[key]
    if content == "docx":
        content = docx_bytes()
    elif content == "pdf":
        content = pdf_bytes()
    elif content == "truncated pdf":
        whole = pdf_bytes(pages=3)
        content = whole[: len(whole) // 2]
    elif content == "encrypted pdf":
        content = pdf_bytes(password="secret")
    elif content == "truncated docx":
        whole = docx_bytes()
        content = whole[: len(whole) // 2]
    elif content == "plain zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "not a Word document")
        content = buffer.getvalue()
    return name, content, message


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
