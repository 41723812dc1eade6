"""The people named in the papers: elected members and council officers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class Councillor(models.Model):
    """An elected member, named as the council's papers style them."""

    name = models.CharField(
        max_length=100, help_text="As styled in papers after 'Councillor': 'Kelly', 'Mrs Johnson'."
    )
    full_name = models.CharField(
        max_length=200, blank=True, help_text="Forename and surname, e.g. 'Mark Lowry'."
    )
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    sort_name = models.CharField(
        max_length=100, editable=False, help_text="Surname, for lists: 'Mrs Johnson' sorts as J."
    )
    party = models.CharField(max_length=100, blank=True)
    ward = models.CharField(max_length=100, blank=True)
    portfolio = models.CharField(
        max_length=200, blank=True, help_text="Cabinet role, e.g. 'Cabinet Member for Finance'."
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["sort_name", "name"]

    def __str__(self):
        return f"Councillor {self.full_name or self.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.full_name or self.name)
        self.sort_name = self.name.split()[-1].lower() if self.name.strip() else ""
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("committees:councillor", args=[self.slug])

    @property
    def described(self):
        """'Councillor Mark Lowry (Cabinet Member for Finance)', as on a report's cover sheet."""
        return f"{self} ({self.portfolio})" if self.portfolio else str(self)


class Officer(models.Model):
    """A council officer: report author, director or democratic support officer."""

    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def described(self):
        """'Paul Looby (Head of Financial Planning and Reporting)'."""
        return f"{self.name} ({self.job_title})"
