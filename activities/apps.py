from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Network activities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from activities import receivers  # noqa: F401
