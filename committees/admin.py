from django import forms
from django.contrib import admin
from django.db.models import BLANK_CHOICE_DASH
from simple_history.admin import SimpleHistoryAdmin

from committees import exemption, models
from committees.packs import registry


class ParagraphChoices:
    """Schedule 12A paragraphs offered as every other form offers them, with their descriptions."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "exempt_paragraph":
            kwargs["choices"] = [*BLANK_CHOICE_DASH, *exemption.PARAGRAPH_CHOICES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


@admin.register(models.Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "chief_executive"]


@admin.register(models.Councillor)
class CouncillorAdmin(admin.ModelAdmin):
    list_display = ["name", "full_name", "party", "ward", "portfolio"]
    search_fields = ["name", "full_name", "ward"]
    prepopulated_fields = {"slug": ["full_name"]}


@admin.register(models.Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["name", "job_title", "email"]
    search_fields = ["name", "job_title"]


@admin.register(models.CorporatePlanPriority)
class CorporatePlanPriorityAdmin(admin.ModelAdmin):
    list_display = ["title", "position"]
    list_editable = ["position"]


@admin.register(models.Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name"]


class ResponsibilityInline(admin.TabularInline):
    model = models.Responsibility
    extra = 1


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 1
    autocomplete_fields = ["councillor"]


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "contact"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["priorities"]
    inlines = [ResponsibilityInline, MembershipInline]


@admin.register(models.MunicipalYear)
class MunicipalYearAdmin(admin.ModelAdmin):
    list_display = ["label", "start_date", "end_date"]


@admin.register(models.Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["councillor", "committee", "role", "start_date", "end_date"]
    list_filter = ["committee", "role"]
    autocomplete_fields = ["councillor"]


class AgendaItemInline(ParagraphChoices, admin.TabularInline):
    model = models.AgendaItem
    fields = ["position", "title", "to_follow", "verbal", "exempt", "exempt_paragraph"]
    extra = 0


@admin.register(models.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "starts_at", "venue", "status"]
    list_filter = ["committee", "status", "municipal_year"]
    date_hierarchy = "starts_at"
    inlines = [AgendaItemInline]


class DocumentAdminForm(forms.ModelForm):
    """The generator is one of the kinds the installed apps register, not free text."""

    generator = forms.ChoiceField(
        choices=lambda: [("", "—")] + registry.choices(),
        required=False,
        help_text="For a generated document: what it is generated from.",
    )


class DocumentInline(ParagraphChoices, admin.StackedInline):
    model = models.Document
    form = DocumentAdminForm
    fields = [
        "position",
        "kind",
        "title",
        "exempt",
        "exempt_paragraph",
        "generator",
        "generator_record",
        "upload",
    ]
    extra = 0


@admin.register(models.AgendaItem)
class AgendaItemAdmin(ParagraphChoices, SimpleHistoryAdmin):
    list_display = ["title", "meeting", "position", "exempt"]
    list_filter = ["meeting__committee", "exempt"]
    search_fields = ["title"]
    inlines = [DocumentInline]


class CoverSheetInline(admin.StackedInline):
    model = models.CoverSheet
    filter_horizontal = ["authors"]


@admin.register(models.Document)
class DocumentAdmin(ParagraphChoices, SimpleHistoryAdmin):
    form = DocumentAdminForm
    list_display = ["title", "kind", "item", "exempt"]
    list_filter = ["kind", "exempt"]
    search_fields = ["title"]
    inlines = [CoverSheetInline]


@admin.register(models.BackgroundPaper)
class BackgroundPaperAdmin(ParagraphChoices, admin.ModelAdmin):
    list_display = ["title", "cover", "exempt"]
