"""Writing reports and appendices: a document with its cover sheet, background papers and file.

Every save names the version its editor started from (`expected_version`), so that of two people
editing the same report the second is refused rather than silently overwriting the first.
"""

from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max

from committees.models import BackgroundPaper, CoverSheet, Document, Officer
from committees.services import claim_version
from committees.uploads import DOCX, PDF, CheckedUpload


@transaction.atomic
def document_create(
    *,
    document: Document,
    cover: CoverSheet | None = None,
    authors: Iterable[Officer] | None = None,
    papers: Sequence[BackgroundPaper] = (),
    upload: CheckedUpload | None = None,
) -> Document:
    """Add `document` to its item: a report before the item's appendices, an appendix last.

    A report always gets a cover sheet (`cover`, or a blank one).
    """
    item = document.item
    if document.kind == Document.Kind.REPORT:
        first_appendix = (
            item.documents.filter(kind=Document.Kind.APPENDIX).order_by("position", "pk").first()
        )
    else:
        first_appendix = None
    if first_appendix is not None:
        document.position = first_appendix.position
        item.documents.filter(position__gte=document.position).update(position=F("position") + 1)
    else:
        last = item.documents.aggregate(last=Max("position"))["last"]
        document.position = (last or 0) + 1
    apply_upload(document, upload)
    with discard_new_file_on_error(document):
        document.full_clean()
        document.save()
        if document.kind == Document.Kind.REPORT:
            cover = cover or CoverSheet()
            cover.document = document
            save_cover(cover, authors=authors, papers=papers)
    return document


@transaction.atomic
def document_update(
    *,
    document: Document,
    expected_version: int,
    cover: CoverSheet | None = None,
    authors: Iterable[Officer] | None = None,
    papers: Sequence[BackgroundPaper] = (),
    remove_papers: Sequence[BackgroundPaper] = (),
    upload: CheckedUpload | None = None,
    remove_upload: bool = False,
) -> Document:
    """Save an edited document (and its cover sheet and papers, for a report).

    Raises EditConflict, before writing anything, if someone saved it since `expected_version`.
    `papers` are the background papers to keep, in order; `remove_papers` those to delete.
    """
    claim_version(document, expected_version=expected_version)
    if remove_upload and upload is None:
        document.upload = ""
        document.upload_name = ""
        document.upload_pages = None
    apply_upload(document, upload)
    with discard_new_file_on_error(document):
        document.full_clean()
        document.save()
        if cover is not None:
            cover.document = document
            save_cover(cover, authors=authors, papers=papers, remove_papers=remove_papers)
    return document


@transaction.atomic
def document_delete(*, document: Document, expected_version: int) -> None:
    """Remove a document from its item; refused if it changed since the officer looked at it.

    An uploaded file stays in storage: the history still names it.
    """
    claim_version(document, expected_version=expected_version)
    document.delete()


def apply_upload(document: Document, upload: CheckedUpload | None) -> None:
    """Put a checked upload in the document.

    Word replaces the body with its converted text (and drops any PDF); a PDF, for an appendix
    only, takes the place of the text, so that the pack does not show both.
    """
    if upload is None:
        return
    if upload.kind == DOCX:
        document.body = upload.html
        document.upload = ""
        document.upload_name = ""
        document.upload_pages = None
    elif upload.kind == PDF:
        if document.kind != Document.Kind.APPENDIX:
            raise ValidationError({"upload": "Only an appendix can be a PDF."})
        document.upload = upload.as_file()
        # Storage may rename the file (a date folder, a suffix against clashes); officers know
        # it by the name it had on their computer.
        document.upload_name = upload.name
        document.upload_pages = upload.pages
        document.body = ""


def save_cover(
    cover: CoverSheet,
    *,
    authors: Iterable[Officer] | None = None,
    papers: Sequence[BackgroundPaper] = (),
    remove_papers: Sequence[BackgroundPaper] = (),
) -> CoverSheet:
    cover.full_clean()
    cover.save()
    if authors is not None:
        cover.authors.set(authors)
    for paper in remove_papers:
        if paper.cover_id != cover.pk:
            raise ValueError(f"{paper!r} belongs to another cover sheet.")
        paper.delete()
    for position, paper in enumerate(papers, start=1):
        paper.cover = cover
        paper.position = position
        paper.full_clean()
        paper.save()
    return cover


@contextmanager
def discard_new_file_on_error(document: Document):
    """A file is written to storage when the document is saved; if the save or anything after
    it fails, the transaction rolls back the row, and this removes the file it named."""
    new_file = document.upload if document.upload and not document.upload._committed else None
    try:
        yield
    except BaseException:
        if new_file is not None and new_file._committed and new_file.name:
            new_file.storage.delete(new_file.name)
        raise
