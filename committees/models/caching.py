"""The version of what the public pages show: the key their cache is kept under."""

from django.db import models
from django.utils import timezone


class PublicVersion(models.Model):
    """One row whose token changes, in the same transaction, with every record a public page
    shows (committees.public_cache): a page cached under an older token is never served again,
    by any process on any machine, from the moment the change is committed."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Public pages version {self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
