from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "committees"
    verbose_name = "Committees and meetings"

    def ready(self):
        from committees.packs import generators, registry

        registry.register(generators.corporate_plan_mapping)
