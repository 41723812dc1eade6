"""What changed between two updates of a programme."""

import datetime as dt

import pytest

from tests.factories import CommitteeFactory
from workprogramme import changes, services
from workprogramme.models import Programme, ProgrammeUpdate, Workstream, WorkstreamStatus

pytestmark = pytest.mark.django_db
GREEN, AMBER, RED, CLOSED = (
    WorkstreamStatus.Status.GREEN,
    WorkstreamStatus.Status.AMBER,
    WorkstreamStatus.Status.RED,
    WorkstreamStatus.Status.CLOSED,
)


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Customer Experience", committee=CommitteeFactory())
    for position, title in enumerate(
        ["Digital", "Accommodation", "Procurement", "Operating Model", "Community Engagement"]
    ):
        Workstream.objects.create(programme=programme, position=position, title=title)
    return programme


def update(programme, day, **statuses):
    workstreams = {w.title.split()[0].lower(): w for w in programme.workstreams.all()}
    return services.programme_update_create(
        update=ProgrammeUpdate(programme=programme, dated=day),
        statuses=[
            WorkstreamStatus(workstream=workstreams[name], status=status)
            for name, status in statuses.items()
        ],
    )


def test_an_update_shows_status_moves_new_closed_and_dropped_workstreams(programme):
    july = update(
        programme, dt.date(2019, 7, 24), digital=GREEN, accommodation=AMBER, procurement=GREEN,
        community=AMBER,
    )  # fmt: skip
    november = update(
        programme, dt.date(2019, 11, 27), digital=RED, accommodation=AMBER, procurement=CLOSED,
        operating=GREEN,
    )  # fmt: skip

    found = changes.update_changes(november, changes.previous_update(november))

    assert found.previous == july
    assert found.moved == [changes.StatusMove("Digital", "Green: on track", "Red: off track")]
    assert found.new == ["Operating Model"]
    assert found.closed == ["Procurement"]
    assert found.dropped == ["Community Engagement"]


def test_a_first_update_has_nothing_to_compare_and_an_unchanged_one_says_so(programme):
    first = update(programme, dt.date(2019, 7, 24), digital=GREEN)
    second = update(programme, dt.date(2019, 9, 4), digital=GREEN)

    assert changes.previous_update(first) is None
    assert not changes.update_changes(first, None)
    unchanged = changes.update_changes(second, first)
    assert unchanged.previous == first and not unchanged
