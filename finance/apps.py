from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = "Revenue monitoring"

    def ready(self):
        # The pack asks the registry for the monitor and never imports this app.
        from committees.packs import registry
        from finance import generators

        registry.register(generators.revenue_monitor)
