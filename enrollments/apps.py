from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentsConfig(AppConfig):
    name = "enrollments"
    verbose_name = _("Enrolments and progress")

    def ready(self) -> None:
        from enrollments import receivers  # noqa: F401
