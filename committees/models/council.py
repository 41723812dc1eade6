"""The council itself, its corporate plan priorities and the rooms its bodies meet in."""

from django.db import models


class Council(models.Model):
    """The council this portal serves: one row, edited in the admin."""

    name = models.CharField(max_length=200)
    department = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown on the front sheet, e.g. 'Oversight and Governance'.",
    )
    address = models.TextField(help_text="Postal address, one line per line.")
    web_address = models.URLField()
    chief_executive = models.CharField(max_length=200, help_text="Name that signs the front sheet.")
    democratic_services_email = models.EmailField(blank=True)
    democratic_services_phone = models.CharField(max_length=40, blank=True)
    webcast_notice = models.TextField(
        blank=True, help_text="Printed on the front sheet of meetings that are webcast."
    )
    data_protection_notice = models.TextField(
        blank=True,
        help_text="What happens to the webcast's recording; printed after the webcast notice.",
    )
    engagement_url = models.URLField(
        blank=True, help_text="Page on attending meetings and engaging in the democratic process."
    )

    class Meta:
        verbose_name_plural = "council"

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()


class CorporatePlanPriority(models.Model):
    """A priority of the council's corporate plan that committees map to."""

    title = models.CharField(max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name_plural = "corporate plan priorities"

    def __str__(self):
        return self.title


class Venue(models.Model):
    """A room where meetings are held."""

    name = models.CharField(max_length=200, help_text="e.g. 'Warspite Room, Council House'.")
    address = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
