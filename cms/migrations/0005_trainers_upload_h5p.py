"""Trainers upload H5P packages (with the libraries already approved); installing new
libraries stays with site administrators."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRAINERS = "Trainers"
CODENAMES = ["add_h5ppackage", "change_h5ppackage", "view_h5ppackage"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("cms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers, _ = Group.objects.get_or_create(name=TRAINERS)
    trainers.permissions.add(
        *Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
    )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for trainers in Group.objects.filter(name=TRAINERS):
        trainers.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cms", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_h5p_packages")]

    operations = [migrations.RunPython(forwards, backwards)]
