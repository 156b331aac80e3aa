from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PathsConfig(AppConfig):
    name = "paths"
    verbose_name = _("Learning paths")

    def ready(self) -> None:
        from paths import receivers  # noqa: F401
