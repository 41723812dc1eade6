"""factory_boy factories for the committees models: valid rows with unique names by default."""

import datetime as dt

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from committees import models


def municipal_year_start(day: dt.date) -> int:
    return day.year if day.month >= 5 else day.year - 1


def municipal_year_covering(day: dt.date) -> models.MunicipalYear:
    """The municipal year that covers `day`, created (May to April) if there is none."""
    existing = models.MunicipalYear.objects.covering(day).first()
    if existing is not None:
        return existing
    return MunicipalYearFactory(start_year=municipal_year_start(day))


def next_wednesday_at_two() -> dt.datetime:
    """A typical meeting time: 2pm on a Wednesday at least a week away."""
    day = timezone.localdate() + dt.timedelta(days=7)
    day += dt.timedelta(days=(2 - day.weekday()) % 7)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(14, 0)))


class CouncilFactory(DjangoModelFactory):
    class Meta:
        model = models.Council

    name = factory.Sequence(lambda n: f"Test City Council {n}")
    department = "Oversight and Governance"
    address = "Council House\nArmada Way\nTest Town"
    web_address = "https://www.example.gov.uk"
    chief_executive = factory.Faker("name", locale="en_GB")
    democratic_services_email = "democratic.support@example.gov.uk"
    democratic_services_phone = "01752 000000"


class CouncillorFactory(DjangoModelFactory):
    class Meta:
        model = models.Councillor

    name = factory.Sequence(lambda n: f"Member{n}")
    full_name = ""
    slug = factory.LazyAttribute(lambda o: slugify(o.full_name or o.name))


class OfficerFactory(DjangoModelFactory):
    class Meta:
        model = models.Officer

    name = factory.Sequence(lambda n: f"Officer {n}")
    job_title = "Democratic Support Officer"
    email = factory.LazyAttribute(lambda o: f"{slugify(o.name)}@example.gov.uk")


class CorporatePlanPriorityFactory(DjangoModelFactory):
    class Meta:
        model = models.CorporatePlanPriority

    title = factory.Sequence(lambda n: f"Corporate plan priority {n}")
    position = factory.Sequence(lambda n: n)


class VenueFactory(DjangoModelFactory):
    class Meta:
        model = models.Venue

    name = factory.Sequence(lambda n: f"Committee Room {n}, Council House")


class CommitteeFactory(DjangoModelFactory):
    class Meta:
        model = models.Committee

    name = factory.Sequence(lambda n: f"Test {n} Overview and Scrutiny Committee")
    short_name = factory.Sequence(lambda n: f"Test {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = models.Committee.Kind.OVERVIEW_SCRUTINY
    default_venue = factory.SubFactory(VenueFactory)
    default_start_time = dt.time(14, 0)


class ResponsibilityFactory(DjangoModelFactory):
    class Meta:
        model = models.Responsibility

    committee = factory.SubFactory(CommitteeFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Area of responsibility {n}")


class StandingItemFactory(DjangoModelFactory):
    class Meta:
        model = models.StandingItem

    committee = factory.SubFactory(CommitteeFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Standing item {n}")


class MunicipalYearFactory(DjangoModelFactory):
    """May to April. Pass start_year=2019 for 2019/2020; by default, years long past."""

    class Meta:
        model = models.MunicipalYear
        django_get_or_create = ("label",)

    class Params:
        start_year = factory.Sequence(lambda n: 1900 + n)

    label = factory.LazyAttribute(lambda o: f"{o.start_year}/{o.start_year + 1}")
    start_date = factory.LazyAttribute(lambda o: dt.date(o.start_year, 5, 1))
    end_date = factory.LazyAttribute(lambda o: dt.date(o.start_year + 1, 4, 30))


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = models.Membership

    committee = factory.SubFactory(CommitteeFactory)
    councillor = factory.SubFactory(CouncillorFactory)
    role = models.Membership.Role.MEMBER
    start_date = factory.LazyFunction(
        lambda: dt.date(municipal_year_start(timezone.localdate()), 5, 1)
    )


class MeetingFactory(DjangoModelFactory):
    """A meeting whose municipal year exists (created May to April if need be)."""

    class Meta:
        model = models.Meeting

    committee = factory.SubFactory(CommitteeFactory)
    starts_at = factory.LazyFunction(next_wednesday_at_two)
    venue = factory.SubFactory(VenueFactory)
    municipal_year = factory.LazyAttribute(
        lambda o: municipal_year_covering(timezone.localtime(o.starts_at).date())
    )


class AgendaItemFactory(DjangoModelFactory):
    class Meta:
        model = models.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = models.Document

    item = factory.SubFactory(AgendaItemFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = models.Document.Kind.REPORT
    title = factory.Sequence(lambda n: f"Report {n}")
    body = "<p>The committee is asked to note this report.</p>"


class CoverSheetFactory(DjangoModelFactory):
    class Meta:
        model = models.CoverSheet
        skip_postgeneration_save = True

    document = factory.SubFactory(DocumentFactory, kind=models.Document.Kind.REPORT)
    lead_member = factory.SubFactory(CouncillorFactory, portfolio="Cabinet Member for Finance")
    lead_director = factory.SubFactory(OfficerFactory, job_title="Service Director for Finance")
    reference = factory.Sequence(lambda n: f"REF/{n}")
    purpose = "To update the committee."
    recommendations = "That the committee notes the report."

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        """CoverSheetFactory(authors=[officer, ...]); one new officer by default."""
        if not create:
            return
        self.authors.set(extracted if extracted is not None else [OfficerFactory()])


class BackgroundPaperFactory(DjangoModelFactory):
    class Meta:
        model = models.BackgroundPaper

    cover = factory.SubFactory(CoverSheetFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Background paper {n}")


class StoredFileFactory(DjangoModelFactory):
    """A stored file's record only: no bytes are written (reading it gives the 503 page)."""

    class Meta:
        model = models.StoredFile

    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    name = factory.Sequence(lambda n: f"published/test/{n}.pdf")
    size = 1


class PublicationFactory(DjangoModelFactory):
    """A publication record whose files are records only (the pack engine writes real ones)."""

    class Meta:
        model = models.Publication

    public_pdf = factory.SubFactory(StoredFileFactory)
    restricted_pdf = factory.SubFactory(StoredFileFactory)
    public_html = factory.SubFactory(StoredFileFactory)

    meeting = factory.SubFactory(
        MeetingFactory,
        status=models.Meeting.Status.AGENDA_PUBLISHED,
        published_on=factory.LazyFunction(timezone.localdate),
    )
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    # The frozen agenda in the shape the pack's outline() stores.
    agenda = factory.LazyFunction(
        lambda: [
            {
                "number": 1,
                "title": "Apologies",
                "standing_text": "",
                "to_follow": False,
                "verbal": False,
                "exempt_paragraph": None,
                "anchor": "item-1",
                "documents": [],
            }
        ]
    )


class MinutesFactory(DjangoModelFactory):
    class Meta:
        model = models.Minutes

    meeting = factory.SubFactory(MeetingFactory)


class MinuteEntryFactory(DjangoModelFactory):
    class Meta:
        model = models.MinuteEntry

    minutes = factory.SubFactory(MinutesFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Minute {n}")
    text = "<p>The Committee noted the report.</p>"
