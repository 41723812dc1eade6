"""What the public may see of the monitors: those a committee's agenda carried when it was last
published, in a public (not exempt) document."""

from committees.models import Committee, Document, Publication
from finance.generators import KEY
from finance.models import FinancialYear, Monitor


def presented(committee: Committee | None = None) -> list[Document]:
    """The documents that presented a monitor in `committee`'s published agendas (every
    committee's if None), latest meeting last: two queries, however many meetings there are."""
    publications = Publication.objects.newest_of_each_meeting()
    if committee is not None:
        publications = publications.filter(meeting__committee=committee)
    public = {
        document["pk"]
        for agenda in publications.values_list("agenda", flat=True)
        for item in agenda
        for document in item["documents"]
        if document["kind"] == Document.Kind.GENERATED and document["exempt_paragraph"] is None
    }
    documents = (
        Document.objects.filter(pk__in=public, generator=KEY, generator_record__isnull=False)
        .select_related("item__meeting__committee")
        .order_by("item__meeting__starts_at")
    )
    return list(documents)


def public_monitors(committee: Committee, year: FinancialYear | None = None):
    """The monitors `committee` has been presented publicly (of `year`), with their documents."""
    shown = {document.generator_record: document for document in presented(committee)}
    monitors = Monitor.objects.filter(pk__in=shown).select_related("year")
    if year is not None:
        monitors = monitors.filter(year=year)
    return monitors, shown
