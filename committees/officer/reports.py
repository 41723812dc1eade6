"""The report editor: reports with their cover sheets, appendices (text, Word or PDF), a preview
as the pack shows it, the history of changes, and removal.

Officers edit every document; a report author edits only the documents whose cover sheet names
them, and cannot add or remove documents.
"""

import string

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from committees import roles
from committees.access import officer_required, staff_required
from committees.models import AgendaItem, BackgroundPaper, Council, CoverSheet, Document
from committees.officer.history import history_changes
from committees.officer.report_forms import (
    BackgroundPaperFormSet,
    CoverSheetForm,
    DocumentForm,
    error_summary,
    kept_and_removed_papers,
)
from committees.packs import assemble
from committees.packs.assemble import Pack, PackItem, pack_documents
from committees.services import EditConflict
from committees.services import reports as report_services

WORD_NOTES_SHOWN = 3


def document_queryset():
    return Document.objects.select_related("item__meeting__committee", "item__meeting__venue")


def editable_document(request, pk):
    document = get_object_or_404(document_queryset(), pk=pk)
    if not roles.can_edit_document(request.user, document):
        raise PermissionDenied
    return document


@officer_required
def document_add(request, pk, kind):
    """Add a report or an appendix to an agenda item."""
    if kind not in (Document.Kind.REPORT, Document.Kind.APPENDIX):
        raise Http404
    item = get_object_or_404(AgendaItem.objects.select_related("meeting__committee"), pk=pk)
    return document_editor(request, Document(item=item, kind=kind))


@staff_required
def document_edit(request, pk):
    return document_editor(request, editable_document(request, pk))


def document_editor(request, document):
    """The one page that adds or edits a document, its cover sheet and background papers."""
    is_new = document.pk is None
    saved_title = document.title  # the form writes the editor's title into `document`
    is_report = document.kind == Document.Kind.REPORT
    item = document.item
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None

    # Only democratic services decide what is exempt; a report author sees it read-only.
    user_is_officer = roles.is_officer(request.user)
    form = DocumentForm(data, files, instance=document, confidentiality_editable=user_is_officer)
    cover_form = papers = None
    if is_report:
        cover = None if is_new else CoverSheet.objects.filter(document=document).first()
        cover = cover or CoverSheet(document=None if is_new else document)
        cover_form = CoverSheetForm(data, instance=cover)
        papers = BackgroundPaperFormSet(
            data,
            instance=cover,
            prefix="papers",
            form_kwargs={"confidentiality_editable": user_is_officer},
        )

    if request.method == "POST":
        valid = form.is_valid() and all(f.is_valid() for f in (cover_form, papers) if f)
        if valid:
            saved = save_document(request, form, cover_form, papers, is_new=is_new)
            if saved:
                return saved
        elif not is_new and request.POST.get("version") != str(document.version):
            form.add_error(None, str(EditConflict(document)))
            form.rebase(document)

    appendices = []
    if is_report and not is_new:
        appendices = list(
            zip(
                string.ascii_uppercase,
                item.documents.filter(kind=Document.Kind.APPENDIX).defer("body"),
                strict=False,
            )
        )
    return render(
        request,
        "officer/document_form.html",
        {
            "document": document,
            "saved_title": saved_title,
            "item": item,
            "meeting": item.meeting,
            "form": form,
            "cover_form": cover_form,
            "papers": papers,
            "errors": error_summary(form, cover_form, papers),
            "appendices": appendices,
            "user_is_officer": user_is_officer,
        },
    )


def save_document(request, form, cover_form, papers, *, is_new):
    """Hand the valid forms to the service; a response on success, None if refused."""
    document = form.save(commit=False)
    upload = form.cleaned_data.get("upload")
    cover_changes = {}
    if cover_form is not None:
        kept, removed = kept_and_removed_papers(papers)
        cover_changes = {
            "cover": cover_form.save(commit=False),
            "authors": cover_form.cleaned_data["authors"],
            "papers": kept,
            "remove_papers": removed,
        }
    try:
        if is_new:
            cover_changes.pop("remove_papers", None)  # a new cover sheet has none to remove
            report_services.document_create(document=document, upload=upload, **cover_changes)
        else:
            report_services.document_update(
                document=document,
                expected_version=form.cleaned_data["version"],
                upload=upload,
                remove_upload=form.cleaned_data.get("remove_upload", False),
                **cover_changes,
            )
    except EditConflict as error:
        form.add_error(None, str(error))
        form.rebase(document)
        messages.error(request, "Your changes were not saved because someone else saved first.")
        return None
    except ValidationError as error:
        form.add_error(None, error.messages)
        return None

    messages.success(request, f"{document.get_kind_display()} saved: {document.title}.")
    if upload and upload.notes:
        notes = "; ".join(upload.notes[:WORD_NOTES_SHOWN])
        more = len(upload.notes) - WORD_NOTES_SHOWN
        messages.info(
            request,
            f"Converted from Word. Check the text: {notes}"
            + (f" (and {more} more)" if more > 0 else ""),
        )
    if not roles.can_edit_document(request.user, document):
        return redirect("officer:dashboard")  # an author who took their own name off
    return redirect("officer:document_edit", document.pk)


@staff_required
def document_preview(request, pk):
    """The document as the restricted agenda pack will show it, through the pack's partials."""
    document = editable_document(request, pk)
    meeting = document.item.meeting
    item = next(
        entry
        for entry in AgendaItem.objects.filter(meeting=meeting).numbered()
        if entry.pk == document.item_id
    )
    prefetch_related_objects([item], Prefetch("documents", queryset=assemble.document_queryset()))
    part = next(
        entry
        for entry in pack_documents(item, restricted=True)
        if entry.document is not None and entry.document.pk == document.pk
    )
    pack = Pack(
        council=Council.current(),
        meeting=meeting,
        members=[],
        items=[PackItem(item=item, anchor=f"item-{item.number}", documents=[part], withheld=False)],
        restricted=True,
    )
    return render(
        request,
        "officer/document_preview.html",
        {
            "document": document,
            "meeting": meeting,
            "pack": pack,
            "entry": pack.items[0],
            "part": part,
            "draft": True,  # links to the uploaded file as it is now, not as published
            "user_is_officer": roles.is_officer(request.user),
        },
    )


@staff_required
def document_history(request, pk):
    """Who changed what and when, for the document and its cover sheet, newest first."""
    document = editable_document(request, pk)
    changes = history_changes(
        [
            *document.history.select_related("history_user"),
            *CoverSheet.history.filter(document_id=document.pk).select_related("history_user"),
            *BackgroundPaper.history.filter(cover_id=document.pk).select_related("history_user"),
        ]
    )
    return render(
        request,
        "officer/document_history.html",
        {"document": document, "meeting": document.item.meeting, "changes": changes},
    )


@staff_required
def document_upload(request, pk):
    """The uploaded PDF as the draft holds it now, for those who edit the document. The public
    and councillors are served the published copy (`committees:document_file`)."""
    document = editable_document(request, pk)
    if not document.upload:
        raise Http404("This document has no uploaded file.")
    response = FileResponse(
        document.upload.open("rb"),
        filename=f"{document.title} (draft).pdf",
        content_type="application/pdf",
    )
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@officer_required
def document_delete(request, pk):
    """Remove a document from its item, after confirmation."""
    document = get_object_or_404(document_queryset(), pk=pk)
    meeting = document.item.meeting
    if request.method == "POST":
        try:
            report_services.document_delete(
                document=document, expected_version=int(request.POST.get("version", 0))
            )
        except (EditConflict, ValueError):
            messages.error(
                request,
                "The document changed while you were looking at it, so it was not removed. "
                "Check it, then try again.",
            )
            return redirect("officer:document_delete", document.pk)
        messages.success(request, f"{document.get_kind_display()} removed: {document.title}.")
        return redirect("officer:meeting", meeting.pk)
    return render(
        request, "officer/document_delete.html", {"document": document, "meeting": meeting}
    )
