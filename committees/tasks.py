"""Work the task worker (`manage.py db_worker`) carries out, outside any web request."""

from django_tasks import task

from committees.models import PublicationJob
from committees.services.publication import publication_job_run


@task()
def publish(job_pk: int) -> None:
    """Render, store and record a publication an officer asked for."""
    publication_job_run(job=PublicationJob.objects.get(pk=job_pk))
