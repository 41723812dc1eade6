"""Addresses that tests sweep."""

from django.urls import reverse


def officer_urls(meeting, item, document, committee):
    """Every officer page about a meeting, one of its items, one of its documents and its
    committee."""
    return [
        reverse("officer:dashboard"),
        reverse("officer:meeting_create"),
        reverse("officer:meeting", args=[meeting.pk]),
        reverse("officer:meeting_edit", args=[meeting.pk]),
        reverse("officer:meeting_postpone", args=[meeting.pk]),
        reverse("officer:meeting_cancel", args=[meeting.pk]),
        reverse("officer:item_add", args=[meeting.pk]),
        reverse("officer:meeting_publish", args=[meeting.pk]),
        reverse("officer:meeting_history", args=[meeting.pk]),
        reverse("officer:item_edit", args=[item.pk]),
        reverse("officer:item_delete", args=[item.pk]),
        reverse("officer:item_move", args=[item.pk]),
        reverse("officer:standing_items", args=[committee.slug]),
        reverse("officer:document_add", args=[item.pk, "report"]),
        reverse("officer:document_add", args=[item.pk, "appendix"]),
        reverse("officer:document_edit", args=[document.pk]),
        reverse("officer:document_preview", args=[document.pk]),
        reverse("officer:document_history", args=[document.pk]),
        reverse("officer:document_delete", args=[document.pk]),
    ]
