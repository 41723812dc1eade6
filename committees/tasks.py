"""Work the task worker (`manage.py db_worker`) carries out, outside any web request."""

from django_tasks import task

from committees.models import PublicationJob
from committees.packs import assemble, cache, preview
from committees.packs.render import PackRenderError
from committees.services.publication import publication_job_run


@task()
def publish(job_pk: int) -> None:
    """Render, store and record a publication an officer asked for."""
    publication_job_run(job=PublicationJob.objects.get(pk=job_pk))


@task()
def render_preview(meeting_pk: int, restricted: bool) -> None:
    """Make an officer's preview of a pack into the render cache, where the preview page finds
    it; a failure is kept beside it for the officer to read."""
    meeting = assemble.meeting_queryset().get(pk=meeting_pk)
    source = preview.preview_source(meeting, restricted=restricted)
    try:
        preview.render_preview(source)
    except PackRenderError as error:  # logged where it was raised
        cache.put_error(source.content_hash, str(error))
