"""The democracy record: the council, its people, committees, meetings, agendas and reports.

One module per subject, every name re-exported here (as Wagtail's `wagtail/models/__init__.py`
does), so that `from committees.models import Meeting` and the migrations do not depend on which
module a model lives in.
"""

from committees.models.bodies import (
    Committee,
    CommitteeQuerySet,
    Membership,
    MembershipQuerySet,
    MinuteNumbering,
    MunicipalYear,
    MunicipalYearQuerySet,
    Responsibility,
    StandingItem,
)
from committees.models.caching import PublicVersion
from committees.models.council import CorporatePlanPriority, Council, Venue
from committees.models.documents import BackgroundPaper, CoverSheet, Document
from committees.models.meetings import AgendaItem, AgendaItemQuerySet, Meeting, MeetingQuerySet
from committees.models.minutes import (
    Amendment,
    Attendance,
    Declaration,
    MinuteEntry,
    Minutes,
    Outcome,
)
from committees.models.mixins import ExemptMixin, VersionedMixin, exemption_constraints
from committees.models.people import Councillor, Officer
from committees.models.publications import (
    Publication,
    PublicationJob,
    PublicationJobQuerySet,
    PublicationQuerySet,
    PublishedFile,
    StoredFile,
)

__all__ = [
    "AgendaItem",
    "Amendment",
    "Attendance",
    "AgendaItemQuerySet",
    "BackgroundPaper",
    "Committee",
    "CommitteeQuerySet",
    "Council",
    "Councillor",
    "CorporatePlanPriority",
    "CoverSheet",
    "Declaration",
    "Document",
    "ExemptMixin",
    "Meeting",
    "MeetingQuerySet",
    "Membership",
    "MembershipQuerySet",
    "MinuteEntry",
    "MinuteNumbering",
    "Minutes",
    "MunicipalYear",
    "MunicipalYearQuerySet",
    "Officer",
    "Outcome",
    "Publication",
    "PublicationJob",
    "PublicationJobQuerySet",
    "PublicationQuerySet",
    "PublicVersion",
    "PublishedFile",
    "Responsibility",
    "StandingItem",
    "StoredFile",
    "Venue",
    "VersionedMixin",
    "exemption_constraints",
]
