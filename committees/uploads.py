"""Uploaded report files, checked by what they contain rather than what they are called.

An officer may upload a Word document (.docx), converted here to clean HTML with its images kept
as data: URIs, or a PDF, kept as it is and merged into the pack at its place. Each file is read and
checked whole before anything is written, so a refused file leaves nothing behind.

Uploads are hostile until read: a file is read in a child process under the conversion limits
(`committees.limits`), and a Word file's size and XML are bounded before mammoth sees it.
"""

import base64
import io
import xml.parsers.expat
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import mammoth
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from committees.limits import LimitExceeded, run_limited, size_label
from committees.packs.pdf import page_count

PDF = "pdf"
DOCX = "docx"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX}
DESCRIPTIONS = {PDF: "a PDF", DOCX: "a Word document (.docx)"}

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
# Office encrypts a password-protected .docx into an OLE2 (Compound File Binary) container,
# the format of Word 97–2003 .doc files too.
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

# A .docx is a zip of XML. Word's own parts compress up to about 30 times (styles.xml); a part
# of more than a megabyte compressed ZIP_BOMB_RATIO times was made to exhaust whoever unzips it.
MAX_DOCX_UNZIPPED_BYTES = 25 * 1024 * 1024
ZIP_BOMB_RATIO = 200
ZIP_BOMB_MIN_BYTES = 1024 * 1024
# mammoth holds every element and attribute of the XML in memory, several times over: 300,000
# empty paragraphs take it about 20 s and 320 MB, five million took 168 s and 2.35 GB. A long
# report, its styles included, has some tens of thousands.
MAX_DOCX_XML_NODES = 300_000

# PDF actions a reader runs by itself or on a click: scripts, and starting other programs.
PDF_SCRIPT_ACTIONS = {"/JavaScript", "/Launch"}
# Page content and resources hold no actions; the structure tree only points at annotations.
# These are the bulk of a PDF, so the search for actions does not walk them.
PDF_KEYS_WITHOUT_ACTIONS = {"/Contents", "/Resources", "/StructTreeRoot"}

# The sanitiser keeps h2–h6 (a page's own title is its only h1), so Word's headings move down
# one level rather than lose their heading.
DOCX_STYLE_MAP = """
p[style-name='Title'] => h2:fresh
p[style-name='Heading 1'] => h2:fresh
p[style-name='Heading 2'] => h3:fresh
p[style-name='Heading 3'] => h4:fresh
p[style-name='Heading 4'] => h5:fresh
p[style-name='Heading 5'] => h6:fresh
p[style-name='Heading 6'] => h6:fresh
"""


@dataclass
class CheckedUpload:
    """A file that passed every check: its kind, its bytes and what was read from them."""

    kind: str
    name: str
    content: bytes
    pages: int | None = None
    html: str = ""
    notes: list[str] = field(default_factory=list)

    def as_file(self) -> ContentFile:
        """The checked bytes, for a FileField: exactly what was validated is what is stored."""
        return ContentFile(self.content, name=self.name)


def size_limit_label() -> str:
    return size_label(settings.MAX_UPLOAD_BYTES)


def sniff(head: bytes) -> str | None:
    """What the first bytes of a file say it is: 'pdf', 'docx' (a zip), 'ole2' or None."""
    if head.startswith(PDF_MAGIC):
        return PDF
    if head.startswith(ZIP_MAGIC):
        return DOCX
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    return None


def check_upload(upload, *, allowed=(PDF, DOCX)) -> CheckedUpload:
    """Read `upload` (a Django UploadedFile) whole and check it; raise ValidationError if bad.

    `allowed` is the kinds this upload may be: a report's body may come only from Word.
    """
    name = PurePath(upload.name or "").name
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"The file must be smaller than {size_limit_label()}", code="too_large"
        )
    expected = EXTENSIONS.get(PurePath(name).suffix.lower())
    if expected not in allowed:
        wanted = " or ".join(DESCRIPTIONS[kind] for kind in allowed)
        raise ValidationError(f"The file must be {wanted}", code="wrong_type")

    upload.seek(0)
    content = upload.read(settings.MAX_UPLOAD_BYTES + 1)
    if len(content) > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            f"The file must be smaller than {size_limit_label()}", code="too_large"
        )
    if not content:
        raise ValidationError("The selected file is empty", code="empty")

    actual = sniff(content[:8])
    if actual == "ole2":
        if expected == DOCX or ENCRYPTED_PACKAGE in content:
            raise ValidationError(
                f"“{name}” is password-protected. Remove the password in Word (File, Info, "
                "Protect Document), save it, then upload it again",
                code="password_protected",
            )
        raise ValidationError(
            f"“{name}” is not {DESCRIPTIONS[expected]}: it is an old-style Word file (.doc). "
            "Save it as a PDF or a .docx in Word, then upload it again",
            code="wrong_content",
        )
    if actual != expected:
        what = {PDF: "a PDF", DOCX: "a zip archive or Word document"}.get(actual, "something else")
        raise ValidationError(
            f"“{name}” is not {DESCRIPTIONS[expected]}: its content is {what}. Check you chose "
            "the right file",
            code="wrong_content",
        )
    if expected == PDF:
        pages = read_limited(pdf_page_count, content, name=name)
        return CheckedUpload(kind=PDF, name=name, content=content, pages=pages)
    html, notes = read_limited(docx_to_html, content, name=name)
    return CheckedUpload(kind=DOCX, name=name, content=content, html=html, notes=notes)


def read_limited(read, content: bytes, *, name: str):
    """`read(content)` in a child process under the conversion limits; a file that needs more
    memory or time than they allow is refused."""
    try:
        return run_limited(
            read,
            content,
            memory_bytes=settings.CONVERSION_MEMORY_BYTES,
            cpu_seconds=settings.CONVERSION_SECONDS,
            wall_seconds=settings.CONVERSION_SECONDS,
        )
    except LimitExceeded as exceeded:
        raise ValidationError(
            f"“{name}” is too large or complex to read: reading it {exceeded}. Split it into "
            "smaller files, then upload them",
            code="too_complex",
        ) from exceeded


def pdf_page_count(content: bytes) -> int:
    """Open the PDF as the pack merge will, and count its pages; refuse what will not merge,
    what has more pages than one upload may have, and scripts.

    Content streams are not decoded: a small file can hold gigabytes of them. The pack render
    draws them, under the render limits.
    """
    corrupt = ValidationError(
        "The PDF is damaged or incomplete and cannot be read. Save or export it again, then "
        "upload the new file",
        code="corrupt",
    )
    limit = settings.MAX_UPLOAD_PDF_PAGES
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                "The PDF is password-protected or encrypted. Save a copy without a password or "
                "security restrictions, then upload that",
                code="password_protected",
            )
        pages = page_count(reader, limit=limit)
        if pages > limit:
            raise ValidationError(
                f"The PDF has {pages:,} pages, more than the {limit:,} one upload may have. "
                "Split it into smaller PDFs, then upload each as its own appendix",
                code="too_many_pages",
            )
        for page in reader.pages:  # every page must parse, or the merge fails on publication
            page.mediabox  # noqa: B018
        action = pdf_script_action(reader)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of error for a damaged file
        raise corrupt from error
    if action == "/JavaScript":
        raise ValidationError(
            "The PDF contains JavaScript, which the portal does not publish. Save it as a new "
            "PDF without scripts (for example, print it to PDF), then upload that",
            code="script",
        )
    if action == "/Launch":
        raise ValidationError(
            "The PDF contains an action that starts a program or opens another file, which the "
            "portal does not publish. Save it as a new PDF without it (for example, print it "
            "to PDF), then upload that",
            code="script",
        )
    if pages < 1:
        raise ValidationError("The PDF has no pages", code="empty")
    return pages


def pdf_script_action(reader: pypdf.PdfReader) -> str | None:
    """The type of a script or launch action ("/JavaScript", "/Launch") anywhere a reader looks
    for actions (open action, additional actions, the JavaScript name tree, outlines, form
    fields, pages and their annotations, chained actions), or None.

    Walks the objects from the catalog without decoding any stream.
    """
    seen = set()
    pending = [reader.trailer.raw_get("/Root")]
    while pending:
        value = pending.pop()
        if isinstance(value, IndirectObject):
            if (value.idnum, value.generation) in seen:
                continue
            seen.add((value.idnum, value.generation))
            value = value.get_object()
        if isinstance(value, DictionaryObject):  # a stream's dictionary too, not its data
            kind = value.get("/S")
            kind = kind.get_object() if kind is not None else None
            if kind in PDF_SCRIPT_ACTIONS:
                return kind
            if "/JS" in value:  # a script, whatever the action's type says
                return "/JavaScript"
            pending.extend(
                item for key, item in value.items() if key not in PDF_KEYS_WITHOUT_ACTIONS
            )
        elif isinstance(value, ArrayObject):
            pending.extend(value)
    return None


def docx_to_html(content: bytes) -> tuple[str, list[str]]:
    """Convert a .docx to HTML with mammoth: headings, paragraphs, lists, tables, and images as
    data: URIs. Returns the HTML (not yet sanitised: the document's save does that) and
    mammoth's notes about what it could not carry over.

    The archive's sizes and XML are checked first, as mammoth would read whatever it is given.
    """
    corrupt = ValidationError(
        "The Word document is damaged and cannot be read. Open it in Word, save it again, then "
        "upload the new file",
        code="corrupt",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
            if "word/document.xml" not in {member.filename for member in members}:
                raise ValidationError(
                    "The file is a zip archive but not a Word document. Check you chose the "
                    "right file",
                    code="wrong_content",
                )
            check_docx_size(members, len(content))
            if archive.testzip() is not None:
                raise corrupt
            check_docx_xml(archive, members)
    except ValidationError:
        raise
    except Exception as error:  # a bad zip, unknown compression, an encrypted member…
        raise corrupt from error
    images_without_alt = []

    @mammoth.images.img_element
    def embedded_image(image):
        """The image as a data: URI. Word's alternative text is kept; without one the image is
        marked decorative (alt="") and the officer told, as an image with no alt at all is
        unusable with a screen reader."""
        with image.open() as image_bytes:
            encoded = base64.b64encode(image_bytes.read()).decode("ascii")
        attributes = {"src": f"data:{image.content_type};base64,{encoded}"}
        if not image.alt_text:
            attributes["alt"] = ""
            images_without_alt.append(image)
        return attributes

    try:
        result = mammoth.convert_to_html(
            io.BytesIO(content),
            style_map=DOCX_STYLE_MAP,
            convert_image=embedded_image,
            external_file_access=False,  # a .docx may link files on the server: never read them
        )
    except Exception as error:  # mammoth raises many kinds of error for a damaged file
        raise corrupt from error
    notes = [message.message for message in result.messages if message.type == "warning"]
    if images_without_alt:
        count = len(images_without_alt)
        notes.insert(
            0,
            f"{count} image{'s have' if count > 1 else ' has'} no alternative text, so screen "
            "readers skip it: add alt text in Word (right-click the image, View Alt Text) and "
            "upload again, or describe it in the text",
        )
    return result.value, notes


def check_docx_size(members: list[zipfile.ZipInfo], size: int) -> None:
    """Refuse a zip bomb, and a document too large once unzipped, from the archive's directory.

    The directory's sizes bound what unzipping yields: zipfile stops at a member's stated size.
    """
    unzipped = sum(member.file_size for member in members)
    if any(
        member.file_size > ZIP_BOMB_MIN_BYTES
        and member.file_size > ZIP_BOMB_RATIO * member.compress_size
        for member in members
    ):
        raise ValidationError(
            f"The Word document is a zip bomb: a {size_label(size)} file that would unzip to "
            f"{size_label(unzipped)}, compressed far more than Word ever compresses a "
            "document. It has not been unzipped. Check you chose the right file",
            code="zip_bomb",
        )
    if unzipped > MAX_DOCX_UNZIPPED_BYTES:
        raise ValidationError(
            f"The Word document is too large: it unzips to {size_label(unzipped)}, more than "
            f"the {size_label(MAX_DOCX_UNZIPPED_BYTES)} a document may have. Make it smaller "
            "(compress its pictures in Word, or split it into several documents), then upload "
            "it again",
            code="too_large",
        )


def check_docx_xml(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """Count the XML elements and attributes of every part with a streaming parser, and refuse
    a document type declaration: Word never writes one, and its entities can make a few bytes
    expand without limit (the "billion laughs").

    Every member is tried, whatever its name, as the package's relationships can make any part
    the main document; one that is not XML at all (an image) fails at its first byte.
    """
    nodes = 0

    def count(name, attributes):
        nonlocal nodes
        nodes += 1 + len(attributes)
        if nodes > MAX_DOCX_XML_NODES:
            raise ValidationError(
                f"The Word document is too complex to convert: it has more than "
                f"{MAX_DOCX_XML_NODES:,} XML elements and attributes (its paragraphs, runs, "
                "table cells and their formatting). Split it into smaller documents, then "
                "upload them",
                code="too_complex",
            )

    def refuse_doctype(*args):
        raise ValidationError(
            "The Word document contains an XML document type declaration, which Word never "
            "writes and which can make a small file expand without limit. Open it in Word, "
            "save it as a new .docx, then upload that",
            code="doctype",
        )

    for member in members:
        parser = xml.parsers.expat.ParserCreate()
        parser.StartElementHandler = count
        parser.StartDoctypeDeclHandler = refuse_doctype
        counted = nodes
        with archive.open(member) as part:
            try:
                while chunk := part.read(64 * 1024):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
            except xml.parsers.expat.ExpatError:
                if nodes == counted:
                    continue  # not XML: mammoth reads it, if at all, as an image
                raise
