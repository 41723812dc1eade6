"""Real files for upload and pack tests, made the way their makers make them: Word documents
with python-docx, PDFs with pypdf or WeasyPrint, and PDFs written byte by byte where a hostile
file needs a structure no library writes. What an officer might try to upload, and the message
they must see, is BAD_FILES."""

import io
import struct
import zipfile
import zlib

import pypdf
import weasyprint
from docx import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.shared import OxmlElement, qn
from docx.shared import Inches
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

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


def docx_with_body(body, *, compress=True, doctype=b""):
    """docx_bytes() with `body` (XML) as the body of word/document.xml: the way to hand mammoth
    any XML at all. `compress=False` stores the part uncompressed, as a zip may; `doctype` goes
    after the XML declaration."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                declaration, _, rest = data.partition(b"?>")
                head = rest.partition(b"<w:body>")[0]
                data = declaration + b"?>" + doctype + head
                data += b"<w:body>" + body + b"</w:body></w:document>"
                method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                archive.writestr(info.filename, data, compress_type=method)
            else:
                archive.writestr(info, data)
    return out.getvalue()


def billion_laughs_docx():
    """Word XML whose document type declares entities that expand tenfold per level: a
    billion "lol"s from a few hundred bytes."""
    entities = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    doctype = f'<!DOCTYPE w:document [<!ENTITY lol0 "lol">{entities}]>'
    return docx_with_body(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", doctype=doctype.encode())


def pdf_bytes(pages=2, *, password=None, open_action=None, annotation=None):
    """A real PDF of blank A4 pages; `open_action` is put in the catalog (run on opening) and
    `annotation` on the first page."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)  # A4 in points
    if open_action:
        writer._root_object[NameObject("/OpenAction")] = open_action
    if annotation:
        writer.add_annotation(page_number=0, annotation=annotation)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def javascript_action(script="app.alert('Hello from the PDF')"):
    return DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject(script)}
    )


def link(action, target):
    """A link over the whole page that runs a `/URI` or `/Launch` action on `target`."""
    key = "/URI" if action == "/URI" else "/F"
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject(FloatObject(n) for n in (0, 0, 595, 842)),
            NameObject("/A"): DictionaryObject(
                {NameObject("/S"): NameObject(action), NameObject(key): TextStringObject(target)}
            ),
        }
    )


def raw_pdf(objects):
    """A PDF written byte by byte: `objects` are the bodies of objects 1, 2, …, 1 the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def many_pages_pdf(count, *, per_node=1000):
    """A real PDF of `count` pages, about 120 bytes each: the pages share one content stream
    and hang from intermediate page tree nodes of `per_node` pages, as large PDFs do."""
    nodes = -(-count // per_node)
    first_page = 4 + nodes
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /MediaBox [0 0 595 842] /Kids [%s] >>"
        % (count, b" ".join(b"%d 0 R" % (4 + node) for node in range(nodes))),
        b"<< /Length 12 >>\nstream\n0 0 m 9 9 l S\nendstream",
    ]
    pages = []
    for node in range(nodes):
        kids = range(first_page + node * per_node, first_page + min(count, (node + 1) * per_node))
        objects.append(
            b"<< /Type /Pages /Parent 2 0 R /Count %d /Kids [%s] >>"
            % (len(kids), b" ".join(b"%d 0 R" % kid for kid in kids))
        )
        pages.extend(b"<< /Type /Page /Parent %d 0 R /Contents 3 0 R >>" % (4 + node) for _ in kids)
    return raw_pdf(objects + pages)


def inflating_pdf(megabytes=64, times=16):
    """A one-page PDF of about 64 KB whose content is a stream that inflates to `megabytes` of
    zeros (blank space to a PDF reader), drawn `times` over: a gigabyte to whoever decodes it."""
    compressor = zlib.compressobj(9)
    zeros = bytes(MB)
    stream = b"".join(compressor.compress(zeros) for _ in range(megabytes)) + compressor.flush()
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [4 0 R] >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [%s] >>"
            % b" ".join([b"3 0 R"] * times),
        ]
    )


def undecodable_streams_pdf(pages=2, stream_bytes=2 * MB):
    """A PDF whose pages share a content stream of `stream_bytes` of noise labelled as LZW
    compressed: anything that decodes it fails."""
    noise = bytes(range(256)) * (stream_bytes // 256)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>"
        % (pages, b" ".join(b"%d 0 R" % (4 + n) for n in range(pages))),
        b"<< /Length %d /Filter /LZWDecode >>\nstream\n%s\nendstream" % (len(noise), noise),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    return raw_pdf(objects)


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
    # Files made to exhaust the server, refused before anything expensive reads them.
    "docx that is a zip bomb": ("report.docx", "zip bomb", "The Word document is a zip bomb"),
    "docx with 350,000 empty paragraphs stored uncompressed": (
        "report.docx",
        "xml bomb",
        "The Word document is too complex to convert: it has more than 300,000 XML elements",
    ),
    "docx with entity declarations": (
        "report.docx",
        "billion laughs",
        "The Word document contains an XML document type declaration",
    ),
    "pdf of 100,000 pages": (
        "appendix.pdf",
        "100,000 pages",
        "The PDF has 100,000 pages, more than the 500 one upload may have",
    ),
    "pdf that runs javascript on opening": (
        "appendix.pdf",
        "javascript pdf",
        "The PDF contains JavaScript",
    ),
    "pdf with a link that launches a program": (
        "appendix.pdf",
        "launch pdf",
        "The PDF contains an action that starts a program",
    ),
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
    elif content == "zip bomb":
        content = docx_with_body(b"<w:p/>" * 5_000_000)  # 30 MB of XML
    elif content == "xml bomb":
        content = docx_with_body(b"<w:p/>" * 350_000, compress=False)
    elif content == "billion laughs":
        content = billion_laughs_docx()
    elif content == "100,000 pages":
        content = many_pages_pdf(100_000)
    elif content == "javascript pdf":
        content = pdf_bytes(open_action=javascript_action())
    elif content == "launch pdf":
        content = pdf_bytes(annotation=link("/Launch", "C:\\Windows\\System32\\cmd.exe"))
    return name, content, message


def text_pdf(text, *, title=None):
    """A real one-page PDF, as an officer would upload it: `text` on the page, `title` (if any)
    in its metadata."""
    head = f"<title>{title}</title>" if title else ""
    return weasyprint.HTML(string=f"{head}<p>{text}</p>").write_pdf()


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
