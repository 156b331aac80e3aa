from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExperiencesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "experiences"
    verbose_name = _("Bank of experiences")

    def ready(self) -> None:
        from experiences import checks, receivers  # noqa: F401
