"""The Reviewer group: staff in it may confirm and reject facts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_group(apps, schema_editor):
    # Permissions are normally created after migrate; make sure ours exists now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Reviewer")
    perms = Permission.objects.filter(
        content_type__app_label="factcheck",
        codename__in=["review_fact", "view_fact", "view_document", "view_corpus", "view_review"],
    )
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reviewer").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("factcheck", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
