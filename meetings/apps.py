from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Live and face-to-face sessions")

    def ready(self) -> None:
        from meetings import receivers  # noqa: F401
