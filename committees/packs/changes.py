"""What changed between two versions of an agenda, read from their outlines.

An outline is what `Pack.outline()` returns and each publication stores: the numbered items,
each with its documents and, for those the reader may see, a digest of their content. Comparing
two gives the list each publication after the first shows on the meeting page, and the officer
sees before publishing (the draft's outline against the live one's). Pure functions of the
outlines: the public list is made from public outlines only, so it says nothing the public
packs do not; and an earlier version that showed what a later one withholds is withdrawn from
the public.
"""

from committees.exemption import exempt_under


def agenda_changes(before: list[dict], after: list[dict]) -> list[str]:
    """One sentence for each item that changed, in the order of the new agenda, then the
    items removed. Empty if nothing the reader can see changed."""
    key = _item_key(before, after)
    earlier = {key(item): item for item in before}
    later = {key(item) for item in after}
    sentences = []
    for item in after:
        old = earlier.get(key(item))
        phrases = _added(item) if old is None else _item_changes(old, item)
        if phrases:
            sentences.append(_sentence(item["number"], item["title"], phrases))
    for item in before:
        if key(item) not in later:
            sentences.append(_sentence(item["number"], item["title"], ["removed"]))
    return sentences


def _item_key(*outlines):
    """How items are matched across outlines: by their key, or by title where an outline was
    stored before items carried their keys. (A document's anchor always carries its key.)"""
    if all("pk" in item for outline in outlines for item in outline):
        return lambda item: item["pk"]
    return lambda item: item["title"]


def _sentence(number, title, phrases):
    return f"Item {number}, “{title}”: {'; '.join(phrases)}."


def _added(item):
    notes = []
    if item["exempt_paragraph"]:
        notes.append(_withheld(item["exempt_paragraph"]))
    if item["to_follow"]:
        notes.append("To Follow")
    if item["verbal"]:
        notes.append("Verbal")
    return [f"added ({', '.join(notes)})" if notes else "added"]


def _withheld(paragraph):
    return f"not for publication, exempt under {exempt_under(paragraph)}"


def _item_changes(old, new):
    phrases = []
    if old["number"] != new["number"]:
        phrases.append(f"renumbered (was item {old['number']})")
    if old["title"] != new["title"]:
        phrases.append(f"retitled (was “{old['title']}”)")
    if old["exempt_paragraph"] != new["exempt_paragraph"]:
        if new["exempt_paragraph"] is None:
            phrases.append("now public")
        else:
            phrases.append(f"now {_withheld(new['exempt_paragraph'])}")
    if old["to_follow"] and not new["to_follow"]:
        phrases.append("no longer To Follow")
    elif new["to_follow"] and not old["to_follow"]:
        phrases.append("now To Follow")
    if old["verbal"] != new["verbal"]:
        phrases.append("now Verbal" if new["verbal"] else "no longer Verbal")
    # A withheld item shows neither wording nor documents: what changed in them is not the
    # reader's to know.
    if old["exempt_paragraph"] is None and new["exempt_paragraph"] is None:
        if old["standing_text"] != new["standing_text"]:
            phrases.append("wording changed")
        phrases += _document_changes(old["documents"], new["documents"])
    return phrases


def _document_changes(before, after):
    earlier = {document["anchor"]: document for document in before}
    later = {document["anchor"] for document in after}
    phrases = []
    for document in after:
        old = earlier.get(document["anchor"])
        if old is None:
            phrases.append(f"{_label(document)} added")
            continue
        if old["appendix_ref"] != document["appendix_ref"] and old["appendix_ref"]:
            phrases.append(f"{_label(document)} was Appendix {old['appendix_ref']}")
        if old["title"] != document["title"]:
            phrases.append(f"{_label(document)} retitled (was “{old['title']}”)")
        if old["exempt_paragraph"] != document["exempt_paragraph"]:
            if document["exempt_paragraph"] is None:
                phrases.append(f"{_label(document)} now public")
            else:
                phrases.append(f"{_label(document)} now {_withheld(document['exempt_paragraph'])}")
        elif "digest" in old and "digest" in document and old["digest"] != document["digest"]:
            phrases.append(f"{_label(document)} {_revised(document)}")
    for document in before:
        if document["anchor"] not in later:
            phrases.append(f"{_label(document)} removed")
    return phrases


def _label(document):
    """'Appendix B “Tender prices”', 'report “Procurement update”', '“Minutes”'."""
    if document["appendix_ref"]:
        return f"Appendix {document['appendix_ref']} “{document['title']}”"
    if document.get("kind") == "report":
        return f"report “{document['title']}”"
    return f"“{document['title']}”"


def _revised(document):
    return "replaced" if document.get("uploaded") else "revised"


def publication_changes(publications, *, restricted=False):
    """[(publication, its changes)] for one meeting's publications, newest first: each against
    the one before it (the first changes nothing). `restricted` compares the restricted
    packs' outlines, for readers of exempt papers, where both versions stored one."""

    def outlines(previous, publication):
        if restricted and previous.restricted_agenda and publication.restricted_agenda:
            return previous.restricted_agenda, publication.restricted_agenda
        return previous.agenda, publication.agenda

    publications = list(publications)
    return [
        (publication, agenda_changes(*outlines(previous, publication)) if previous else [])
        for publication, previous in zip(publications, [*publications[1:], None], strict=False)
    ]


def withdrawn(publications) -> set[int]:
    """The keys of those of one meeting's `publications` (newest first) that showed the public
    an item's wording or papers, or a document, that a later publication withholds (made
    exempt since). The public is no longer served their files, as it is served no other copy
    of what they showed."""
    publications = list(publications)
    return {
        publication.pk
        for position, publication in enumerate(publications)
        if any(
            _withholds_anew(publication.agenda, later.agenda) for later in publications[:position]
        )
    }


def _withholds_anew(before, after):
    key = _item_key(before, after)
    withheld_items = {key(item) for item in after if item["exempt_paragraph"] is not None}
    withheld_documents = {
        document["anchor"]
        for item in after
        for document in item["documents"]
        if document["exempt_paragraph"] is not None
    }
    for item in before:
        if item["exempt_paragraph"] is not None:
            continue
        shown = [d for d in item["documents"] if d["exempt_paragraph"] is None]
        # An exempt item's title is public; its wording and papers are not.
        if key(item) in withheld_items and (item["standing_text"] or shown):
            return True
        if any(document["anchor"] in withheld_documents for document in shown):
            return True
    return False
