"""The three role groups (committees.roles), so that a new installation has them without the
demo: an administrator then only adds people to them."""

from django.db import migrations

# As committees.roles names them now; a migration keeps its own copy, as it must run the same
# whatever the code later becomes.
ROLE_GROUPS = ["Democratic services officers", "Report authors", "Councillors"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("committees", "0004_publication_jobs"),
    ]

    # Not removed when migrating back: people may have been added to them since.
    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
