"""Uploaded report files, checked by what they contain rather than what they are called.

An officer may upload a Word document (.docx), converted here to clean HTML with its images kept
as data: URIs, or a PDF, kept as it is and merged into the pack at its place. Each file is read and
checked whole before anything is written, so a refused file leaves nothing behind.
"""

import base64
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import mammoth
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

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

# A .docx is a zip of XML; refuse archives that would inflate beyond this (zip bombs).
MAX_DOCX_UNZIPPED_BYTES = 256 * 1024 * 1024

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
    return f"{settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB"


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
        return CheckedUpload(kind=PDF, name=name, content=content, pages=pdf_page_count(content))
    html, notes = docx_to_html(content)
    return CheckedUpload(kind=DOCX, name=name, content=content, html=html, notes=notes)


def pdf_page_count(content: bytes) -> int:
    """Open the PDF as the pack merge will, and count its pages; refuse what will not merge."""
    corrupt = ValidationError(
        "The PDF is damaged or incomplete and cannot be read. Save or export it again, then "
        "upload the new file",
        code="corrupt",
    )
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            raise ValidationError(
                "The PDF is password-protected or encrypted. Save a copy without a password or "
                "security restrictions, then upload that",
                code="password_protected",
            )
        pages = len(reader.pages)
        for page in reader.pages:  # every page must parse, or the merge fails on publication
            page.mediabox  # noqa: B018
            page.get_contents()
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many kinds of error for a damaged file
        raise corrupt from error
    if pages < 1:
        raise ValidationError("The PDF has no pages", code="empty")
    return pages


def docx_to_html(content: bytes) -> tuple[str, list[str]]:
    """Convert a .docx to HTML with mammoth: headings, paragraphs, lists, tables, and images as
    data: URIs. Returns the HTML (not yet sanitised: the document's save does that) and
    mammoth's notes about what it could not carry over."""
    corrupt = ValidationError(
        "The Word document is damaged and cannot be read. Open it in Word, save it again, then "
        "upload the new file",
        code="corrupt",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise ValidationError(
                    "The file is a zip archive but not a Word document. Check you chose the "
                    "right file",
                    code="wrong_content",
                )
            if sum(info.file_size for info in archive.infolist()) > MAX_DOCX_UNZIPPED_BYTES:
                raise corrupt
            if archive.testzip() is not None:
                raise corrupt
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
