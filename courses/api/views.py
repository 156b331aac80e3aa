from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation
from rest_framework import permissions, viewsets

from accounts import access
from courses.api.serializers import CourseSerializer
from courses.models import Course


class CourseViewSet(viewsets.ReadOnlyModelViewSet):
    """The public catalogue: published courses, in the language of the request."""

    serializer_class = CourseSerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[Course]:
        courses = (
            Course.objects.filter(is_activity=False)
            .prefetch_related("translations", "prerequisites")
            .order_by("code")
        )
        if access.is_trainer(self.request.user):
            return courses
        return courses.published()

    def initial(self, request, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().initial(request, *args, **kwargs)
        language = request.query_params.get("lang")
        if language in dict(settings.LANGUAGES):
            translation.activate(language)  # LocaleMiddleware sets it afresh per request
