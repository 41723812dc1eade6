"""The work programme's records, one module per subject, every name re-exported here (as
committees.models does) so that imports and migrations do not depend on the module."""

from workprogramme.models.decisions import ProgressNote, TrackedDecision, TrackedDecisionQuerySet
from workprogramme.models.programme import Topic, TopicEvent, TopicQuerySet, WorkProgramme
from workprogramme.models.programmes import (
    AreaAnswer,
    Driver,
    Programme,
    ProgrammeUpdate,
    RequestedArea,
    Workstream,
    WorkstreamStatus,
)

__all__ = [
    "AreaAnswer",
    "Driver",
    "Programme",
    "ProgrammeUpdate",
    "ProgressNote",
    "RequestedArea",
    "Topic",
    "TopicEvent",
    "TopicQuerySet",
    "TrackedDecision",
    "TrackedDecisionQuerySet",
    "WorkProgramme",
    "Workstream",
    "WorkstreamStatus",
]
