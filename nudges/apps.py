from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NudgesConfig(AppConfig):
    name = "nudges"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from nudges import receivers  # noqa: F401
