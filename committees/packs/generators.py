"""Generated documents that the committees app owns, registered in CommitteesConfig.ready()."""

from django.db.models import Prefetch

from committees.models import Committee, Responsibility
from committees.packs.registry import GeneratedDocument


def scrutiny_committees_with_mapping():
    """Scrutiny committees with their responsibilities and priorities: three queries in all."""
    return Committee.objects.scrutiny().prefetch_related(
        Prefetch("responsibilities", queryset=Responsibility.objects.order_by("position", "pk")),
        "priorities",
    )


corporate_plan_mapping = GeneratedDocument(
    key="committees.corporate_plan_mapping",
    label="Mapping of the corporate plan to scrutiny committees",
    template="committees/pack/_corporate_plan_mapping.html",
    context=lambda ctx: {"committees": scrutiny_committees_with_mapping()},
)
