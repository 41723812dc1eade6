"""Scale for query-count tests and benchmarks: the demo, ten times over.

load_demo(publish=False)
add_copies(10)
"""

import datetime as dt

from django.utils import timezone

from committees.models import (
    AgendaItem,
    Committee,
    Councillor,
    CoverSheet,
    Document,
    Meeting,
    Membership,
    MunicipalYear,
    Responsibility,
    StandingItem,
)


def add_copies(copies: int) -> None:
    """Replicate every committee (with members, meetings, items, documents) copies - 1 times.

    Bulk inserts, no history rows: this data exists only to make pages ten times fuller.
    """
    years = list(MunicipalYear.objects.all())
    councillors = list(Councillor.objects.all())
    committees = list(
        Committee.objects.prefetch_related(
            "responsibilities", "priorities", "memberships", "standing_items"
        )
    )
    meetings = list(Meeting.objects.all())
    items = list(AgendaItem.objects.all())
    documents = list(Document.objects.all())
    covers = list(CoverSheet.objects.prefetch_related("authors"))

    for copy in range(2, copies + 1):
        suffix = f" (copy {copy})"
        new_councillors = Councillor.objects.bulk_create(
            Councillor(
                name=c.name + suffix,
                full_name=c.full_name + suffix if c.full_name else "",
                slug=f"{c.slug}-copy-{copy}",
                party=c.party,
                ward=c.ward,
                portfolio=c.portfolio,
            )
            for c in councillors
        )
        councillor_map = {
            old.pk: new.pk for old, new in zip(councillors, new_councillors, strict=True)
        }

        new_committees = Committee.objects.bulk_create(
            Committee(
                name=c.name + suffix,
                short_name=c.short_name + suffix if c.short_name else "",
                slug=f"{c.slug}-copy-{copy}",
                kind=c.kind,
                terms_of_reference=c.terms_of_reference,
                default_venue_id=c.default_venue_id,
                default_start_time=c.default_start_time,
                contact_id=c.contact_id,
            )
            for c in committees
        )
        committee_map = {
            old.pk: new.pk for old, new in zip(committees, new_committees, strict=True)
        }
        Responsibility.objects.bulk_create(
            Responsibility(committee_id=committee_map[c.pk], position=r.position, title=r.title)
            for c in committees
            for r in c.responsibilities.all()
        )
        StandingItem.objects.bulk_create(
            StandingItem(
                committee_id=committee_map[c.pk],
                at_end=s.at_end,
                position=s.position,
                title=s.title,
                standing_text=s.standing_text,
            )
            for c in committees
            for s in c.standing_items.all()
        )
        Committee.priorities.through.objects.bulk_create(
            Committee.priorities.through(
                committee_id=committee_map[c.pk], corporateplanpriority_id=p.pk
            )
            for c in committees
            for p in c.priorities.all()
        )
        Membership.objects.bulk_create(
            Membership(
                committee_id=committee_map[c.pk],
                councillor_id=councillor_map[m.councillor_id],
                role=m.role,
                start_date=m.start_date,
                end_date=m.end_date,
            )
            for c in committees
            for m in c.memberships.all()
        )

        new_meetings = Meeting.objects.bulk_create(
            _copied_meeting(m, committee_map[m.committee_id], copy, years) for m in meetings
        )
        meeting_map = {old.pk: new.pk for old, new in zip(meetings, new_meetings, strict=True)}
        new_items = AgendaItem.objects.bulk_create(
            AgendaItem(
                meeting_id=meeting_map[i.meeting_id],
                position=i.position,
                title=i.title,
                standing_text=i.standing_text,
                to_follow=i.to_follow,
                verbal=i.verbal,
                exempt=i.exempt,
                exempt_paragraph=i.exempt_paragraph,
            )
            for i in items
        )
        item_map = {old.pk: new.pk for old, new in zip(items, new_items, strict=True)}
        # Bodies were sanitised when the originals were saved.
        new_documents = Document.objects.bulk_create(
            Document(
                item_id=item_map[d.item_id],
                position=d.position,
                kind=d.kind,
                title=d.title,
                body=d.body,
                generator=d.generator,
                generator_record=d.generator_record,
                exempt=d.exempt,
                exempt_paragraph=d.exempt_paragraph,
            )
            for d in documents
        )
        document_map = {old.pk: new.pk for old, new in zip(documents, new_documents, strict=True)}
        copied_covers = [_copied_cover(c, document_map, councillor_map) for c in covers]
        CoverSheet.objects.bulk_create(copied_covers)
        CoverSheet.authors.through.objects.bulk_create(
            CoverSheet.authors.through(coversheet_id=document_map[c.pk], officer_id=a.pk)
            for c in covers
            for a in c.authors.all()
        )


def _copied_meeting(meeting: Meeting, committee_id: int, copy: int, years) -> Meeting:
    """The same meeting a few days later (earlier if that would leave its municipal year)."""
    year = next(y for y in years if y.pk == meeting.municipal_year_id)
    shift = dt.timedelta(days=copy - 1)
    if (meeting.date + shift) > year.end_date:
        shift = -shift
    return Meeting(
        committee_id=committee_id,
        municipal_year_id=meeting.municipal_year_id,
        starts_at=timezone.make_aware(
            dt.datetime.combine(meeting.date + shift, meeting.start_time)
        ),
        venue_id=meeting.venue_id,
        status=meeting.status,
        status_reason=meeting.status_reason,
        webcast=meeting.webcast,
        webcast_url=meeting.webcast_url,
        published_on=meeting.published_on + shift if meeting.published_on else None,
    )


def _copied_cover(cover: CoverSheet, document_map, councillor_map) -> CoverSheet:
    fields = {
        field.attname: getattr(cover, field.attname)
        for field in CoverSheet._meta.concrete_fields
        if field.attname != "document_id"
    }
    fields["document_id"] = document_map[cover.document_id]
    if cover.lead_member_id:
        fields["lead_member_id"] = councillor_map[cover.lead_member_id]
    return CoverSheet(**fields)
