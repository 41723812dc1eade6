"""Finance records in the admin: financial years with their directorates (set up once a year,
after the budget-setting council), services, and monitors with their lines and key issues."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from finance.models import Directorate, FinancialYear, KeyIssue, Line, Monitor, Service


class DirectorateInline(admin.TabularInline):
    model = Directorate
    fields = ["position", "name", "approved_budget"]
    extra = 0


@admin.register(FinancialYear)
class FinancialYearAdmin(admin.ModelAdmin):
    inlines = [DirectorateInline]


@admin.register(Directorate)
class DirectorateAdmin(admin.ModelAdmin):
    list_display = ["name", "year", "position", "approved_budget"]
    list_filter = ["year"]
    filter_horizontal = ["succeeds"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "directorate"]
    list_filter = ["directorate__year"]


class LineInline(admin.TabularInline):
    model = Line
    extra = 0


class KeyIssueInline(admin.StackedInline):
    model = KeyIssue
    extra = 0


@admin.register(Monitor)
class MonitorAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "year", "kind", "period", "sample"]
    list_filter = ["year", "kind", "sample"]
    inlines = [LineInline, KeyIssueInline]
    readonly_fields = ["override_problems", "overridden_by", "overridden_at"]
