"""A synthetic council at scale, for query-count tests and benchmarks: `manage.py load_synthetic`.

Twenty committees (`committees`), about eight meetings each a municipal year for `years` years
up to the current one, agendas of 8 to 15 items with reports, cover sheets and appendices, the
minutes of the meetings held, and every meeting up to a fortnight ahead published: its agenda as
stored by a publication, the pack page's HTML rendered by the pack's own templates, and a PDF.
The same `seed` and `today` always give the same data. Rows are inserted in bulk, without
history: this data exists to make pages full, not to be edited.

- `people`: the council, venues, corporate plan priorities, officers and councillors;
- `bodies`: municipal years, committees with responsibilities, priorities, standing items and
  members for each year;
- `meetings`: meetings, agenda items, documents and cover sheets;
- `minutes`: the minutes of every meeting held, with attendance and outcomes, each confirmed at
  the committee's next meeting (the last published as a draft);
- `publications`: the stored agenda, HTML and PDF of each published meeting.

Then the synthetic data of every other installed app that has some, in the order of
INSTALLED_APPS: its `synthetic` module (found with `autodiscover_modules("synthetic")`)
registers a loader, which is given a `SyntheticContext`, before the agendas are published:

    # finance/synthetic.py
    from committees import synthetic

    def load(ctx: synthetic.SyntheticContext) -> None:
        for meeting in ctx.meetings:
            ...  # bulk_create monitors, and generated documents in ctx.rng's choice of items

    synthetic.register("finance", load)
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from committees import public_cache
from committees.loaders import AppLoaders
from committees.models import (
    Committee,
    Council,
    Councillor,
    Meeting,
    MunicipalYear,
    Officer,
    Venue,
)

__all__ = ["SyntheticContext", "load_synthetic", "register", "registered"]

DEFAULT_SEED = 2026


@dataclass(frozen=True)
class SyntheticContext:
    """What the committees' synthetic data holds, for the loaders of the apps that plug in.

    `rng` is seeded: a loader that draws from it (and nothing else random) stays deterministic.
    Meetings are in date order, with `items` and `documents` loaded by the caller as needed.
    """

    today: dt.date
    rng: random.Random
    committees: list[Committee]
    officers: list[Officer]
    councillors: list[Councillor]
    venues: list[Venue]
    municipal_years: list[MunicipalYear]
    meetings: list[Meeting]


SyntheticLoader = Callable[[SyntheticContext], None]

_loaders = AppLoaders("synthetic data loader")
register = _loaders.register  # register(app_label, load): one loader per app
registered = _loaders.registered  # for the length of a `with` block (tests)


@dataclass(frozen=True)
class Loaded:
    """How much was loaded, for the command to report."""

    committees: int
    meetings: int
    items: int
    documents: int
    minutes: int
    publications: int


def load_synthetic(
    *,
    years: int,
    committees: int = 20,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    publish: bool = True,
) -> Loaded | None:
    """Load the synthetic council into an empty portal; None if a council already exists.

    Everything in one transaction: a loader that fails leaves the portal empty. `publish`
    stores a publication for each published meeting (the pack HTML is rendered by the pack's
    templates: most of the time taken).
    """
    from committees.synthetic import bodies, meetings, minutes, people, publications

    if Council.objects.exists():
        return None
    if years < 1 or committees < 1:
        raise ValueError("At least one year and one committee.")
    autodiscover_modules("synthetic")
    today = today or timezone.localdate()
    rng = random.Random(seed)
    with transaction.atomic():
        people.council()
        venues = people.venues()
        priorities = people.priorities()
        officers = people.officers(rng)
        councillors = people.councillors(rng)
        municipal_years = bodies.municipal_years(today, years)
        bodies_loaded = bodies.committees(rng, committees, venues, officers, priorities)
        bodies.memberships(rng, bodies_loaded, councillors, municipal_years)
        loaded_meetings = meetings.meetings(rng, bodies_loaded, municipal_years, today)
        item_count, document_count = meetings.agendas(rng, loaded_meetings, officers, councillors)
        minutes_count = minutes.record(rng, loaded_meetings, officers, councillors)
        context = SyntheticContext(
            today=today,
            rng=rng,
            committees=bodies_loaded,
            officers=officers,
            councillors=councillors,
            venues=venues,
            municipal_years=municipal_years,
            meetings=loaded_meetings,
        )
        for load in _loaders.in_app_order():
            load(context)
        published = publications.publish(loaded_meetings) if publish else 0
        # Bulk inserts send no signals: the public pages' cache learns of them here.
        public_cache.changed()
    return Loaded(
        committees=len(bodies_loaded),
        meetings=len(loaded_meetings),
        items=item_count,
        documents=document_count,
        minutes=minutes_count,
        publications=published,
    )
