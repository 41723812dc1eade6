"""Report editor (being written)."""

from django.http import Http404


def document_add(request, pk, kind):
    raise Http404


def document_edit(request, pk):
    raise Http404


def document_preview(request, pk):
    raise Http404


def document_history(request, pk):
    raise Http404


def document_delete(request, pk):
    raise Http404
