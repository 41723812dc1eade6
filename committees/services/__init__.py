"""Writes that touch several rows or carry a rule. Views and forms call these; they never
reimplement the rules."""

from django.db.models import F


class EditConflict(Exception):
    """Someone else saved the record after this editor opened it."""

    def __init__(self, instance):
        self.instance = instance
        super().__init__(
            f"Someone else changed “{instance}” while you were editing it. Your changes have not "
            "been saved: they are still in the form below. Check the current version, then save "
            "again to replace it."
        )


def claim_version(instance, *, expected_version):
    """Bump `instance.version` if it is still `expected_version`, else raise EditConflict.

    The compare-and-set is one UPDATE, so of two editors who opened the same version only the
    first to save wins; call it inside the transaction that saves the rest of the change.
    """
    model = type(instance)
    claimed = model.objects.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise EditConflict(instance)
    instance.version = expected_version + 1
