"""Trainers translate course pages with wagtail-localize (segments, PO files) as they did with
Wagtail's simple translation: they get its "submit translation" permission."""

from django.db import migrations

TRAINERS = "Trainers"


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name=TRAINERS).first()
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if trainers is not None and permission is not None:
        trainers.permissions.add(permission)


def backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_h5p_block_help"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
