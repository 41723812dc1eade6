"""Publications keep their files as content-addressed StoredFiles, with the uploaded appendices
they froze (PublishedFile).

Existing publications' files are read, hashed and moved under keyed names.
"""

import hashlib

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models

FILE_FIELDS = ["public_pdf", "restricted_pdf", "public_html"]


def store_existing_files(apps, schema_editor):
    from committees.stored import stored_name

    Publication = apps.get_model("committees", "Publication")
    StoredFile = apps.get_model("committees", "StoredFile")
    for publication in Publication.objects.all():
        for field in FILE_FIELDS:
            old = getattr(publication, field)
            with default_storage.open(old.name, "rb") as handle:
                data = handle.read()
            digest = hashlib.sha256(data).hexdigest()
            stored = StoredFile.objects.filter(sha256=digest).first()
            if stored is None:
                suffix = ".html" if field.endswith("html") else ".pdf"
                name = default_storage.save(stored_name(digest, suffix), ContentFile(data))
                stored = StoredFile.objects.create(sha256=digest, name=name, size=len(data))
            setattr(publication, f"{field}_stored", stored)
        publication.save()


class Migration(migrations.Migration):
    dependencies = [
        ("committees", "0002_history_of_authors_and_background_papers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="StoredFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sha256", models.CharField(max_length=64, unique=True)),
                (
                    "name",
                    models.CharField(
                        help_text="Name in the default storage.", max_length=200, unique=True
                    ),
                ),
                ("size", models.PositiveBigIntegerField()),
                ("stored_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={"ordering": ["stored_at"]},
        ),
        *[
            migrations.AddField(
                model_name="publication",
                name=f"{field}_stored",
                field=models.ForeignKey(
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="committees.storedfile",
                ),
            )
            for field in FILE_FIELDS
        ],
        migrations.RunPython(store_existing_files, migrations.RunPython.noop),
        *[migrations.RemoveField(model_name="publication", name=field) for field in FILE_FIELDS],
        *[
            migrations.RenameField(
                model_name="publication", old_name=f"{field}_stored", new_name=field
            )
            for field in FILE_FIELDS
        ],
        migrations.AlterField(
            model_name="publication",
            name="public_pdf",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="committees.storedfile",
                verbose_name="public PDF",
            ),
        ),
        migrations.AlterField(
            model_name="publication",
            name="restricted_pdf",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="committees.storedfile",
                verbose_name="restricted PDF",
            ),
        ),
        migrations.AlterField(
            model_name="publication",
            name="public_html",
            field=models.ForeignKey(
                help_text="The pack page's body, so that the public page never shows a later "
                "draft.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="committees.storedfile",
                verbose_name="public HTML",
            ),
        ),
        migrations.AlterField(
            model_name="publication",
            name="content_hash",
            field=models.CharField(
                help_text="SHA-256 of what the public pack was rendered from (its ETag).",
                max_length=64,
            ),
        ),
        migrations.CreateModel(
            name="PublishedFile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("document_pk", models.PositiveBigIntegerField(db_index=True)),
                ("title", models.CharField(max_length=300)),
                (
                    "exempt",
                    models.BooleanField(
                        help_text="The document or its item was exempt (Part II) when published."
                    ),
                ),
                (
                    "file",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="committees.storedfile",
                    ),
                ),
                (
                    "publication",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="files",
                        to="committees.publication",
                    ),
                ),
            ],
            options={
                "ordering": ["publication", "document_pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("publication", "document_pk"),
                        name="published_file_once_per_publication",
                    )
                ],
            },
        ),
    ]
