from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "finance"
    verbose_name = "Revenue monitoring"

    def ready(self):
        # The pack asks the registry for the monitor and never imports this app.
        from committees import public_cache
        from committees.packs import registry
        from finance import generators, models

        registry.register(generators.revenue_monitor)
        # The public finance pages show the presented monitors' figures as they stand now.
        public_cache.watch(
            models.FinancialYear,
            models.Directorate,
            models.Directorate.succeeds.through,
            models.Service,
            models.Monitor,
            models.Line,
            models.KeyIssue,
        )
