from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CommitteesConfig(AppConfig):
    name = "committees"
    verbose_name = "Committees and meetings"

    def ready(self):
        # Every app that puts a generated document into the pack registers it here, in its own
        # ready(), so that the pack never imports the app (README, "Adding an app").
        from committees import models, public_cache
        from committees.packs import generators, registry

        registry.register(generators.corporate_plan_mapping)
        registry.register(generators.minutes)
        # What the public pages show: a change to any of these makes their cached copies stale.
        public_cache.watch(
            models.Council,
            models.CorporatePlanPriority,
            models.Venue,
            models.Councillor,
            models.Officer,
            models.MunicipalYear,
            models.Committee,
            models.Committee.priorities.through,
            models.Responsibility,
            models.Membership,
            models.Meeting,
            models.Publication,
            models.Minutes,
            models.Attendance,
            models.MinuteEntry,
            models.Outcome,
            models.Declaration,
            models.Amendment,
        )
        post_migrate.connect(record_earlier_publications, sender=self)


def record_earlier_publications(**kwargs):
    """Meetings published before the portal kept publication records get one, so that they too
    are served frozen. Run after migrating, when the models match the code that renders."""
    from committees.services.publication import publications_record_earlier

    publications_record_earlier()
