"""factory_boy factories for the work programme's records, beside tests/factories.py."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from committees.models import Minutes, Outcome
from tests.factories import (
    CommitteeFactory,
    MeetingFactory,
    MinuteEntryFactory,
    MinutesFactory,
    municipal_year_covering,
)
from workprogramme import models


class WorkProgrammeFactory(DjangoModelFactory):
    """This municipal year's programme of a new committee."""

    class Meta:
        model = models.WorkProgramme

    committee = factory.SubFactory(CommitteeFactory)
    municipal_year = factory.LazyFunction(lambda: municipal_year_covering(timezone.localdate()))


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = models.Topic

    programme = factory.SubFactory(WorkProgrammeFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")


def outcome(*, kind=Outcome.Kind.REQUESTED, made_on=None, committee=None, **fields) -> Outcome:
    """A minuted outcome of a meeting held on `made_on` (a month ago by default), in minutes
    published as a draft."""
    made_on = made_on or timezone.localdate() - dt.timedelta(days=30)
    meeting = MeetingFactory(
        committee=committee or CommitteeFactory(),
        starts_at=timezone.make_aware(dt.datetime.combine(made_on, dt.time(14))),
    )
    minutes = MinutesFactory(meeting=meeting, status=Minutes.Status.PUBLISHED)
    entry = MinuteEntryFactory(minutes=minutes)
    if kind in Outcome.ASKING:
        fields.setdefault("recipient", Outcome.Recipient.OTHER)
        if fields["recipient"] == Outcome.Recipient.OTHER:
            fields.setdefault("recipient_name", "The Head of Finance")
    if kind == Outcome.Kind.SCHEDULED:
        fields.setdefault("topics", "Carbon Initiative\nStreet Services")
    fields.setdefault("text", f"The Committee {kind} something.")
    result = Outcome(entry=entry, kind=kind, **fields)
    result.full_clean()
    result.save()
    return result
