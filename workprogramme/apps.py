from django.apps import AppConfig
from django.db.models.signals import post_save


class WorkProgrammeConfig(AppConfig):
    name = "workprogramme"
    verbose_name = "Work programmes and decision tracking"

    def ready(self):
        from committees import public_cache
        from committees.models import Outcome
        from committees.packs import registry
        from workprogramme import generators, models, services

        registry.register(generators.programme)
        registry.register(generators.tracker_document)
        registry.register(generators.programme_update)
        # committees never imports this app: the tracker listens for the outcomes it saves.
        post_save.connect(
            services.outcome_saved, sender=Outcome, dispatch_uid="workprogramme.outcome_saved"
        )
        # What the public pages show (the tracker's minutes and outcomes are committees'):
        # a change to any of these makes their cached copies stale.
        public_cache.watch(
            models.WorkProgramme,
            models.Topic,
            models.Topic.cabinet_members.through,
            models.Topic.officers.through,
            models.TrackedDecision,
            models.ProgressNote,
            models.Programme,
            models.Driver,
            models.Workstream,
            models.RequestedArea,
            models.ProgrammeUpdate,
            models.WorkstreamStatus,
            models.AreaAnswer,
        )
