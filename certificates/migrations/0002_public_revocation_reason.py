from django.db import migrations, models


def publish_a_neutral_reason(apps, schema_editor):
    """Revocations made before: their free text becomes the internal note; what is published is
    "corrected" for those replaced, a neutral "withdrawn" for the rest."""
    Certificate = apps.get_model("certificates", "Certificate")
    revoked = Certificate.objects.filter(revoked_at__isnull=False)
    revoked.filter(replaced_by__isnull=False).update(public_reason="corrected")
    revoked.filter(public_reason="").update(public_reason="withdrawn")


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_certificates")]

    operations = [
        migrations.RenameField("certificate", "revocation_reason", "revocation_note"),
        migrations.AlterField(
            model_name="certificate",
            name="revocation_note",
            field=models.TextField(
                blank=True,
                help_text="For the delegation's staff and the holder's data download; never published.",
                verbose_name="internal note on revoking",
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="public_reason",
            field=models.CharField(
                blank=True,
                choices=[
                    ("issued_in_error", "Issued in error"),
                    ("requirements_not_met", "The course's requirements were not met"),
                    ("holder_request", "Withdrawn at the holder's request"),
                    ("corrected", "Replaced by a corrected certificate"),
                    ("withdrawn", "Withdrawn by the issuer"),
                ],
                help_text="What anyone checking the certificate is told.",
                max_length=24,
                verbose_name="reason for revoking, as published",
            ),
        ),
        migrations.RunPython(publish_a_neutral_reason, migrations.RunPython.noop),
    ]
