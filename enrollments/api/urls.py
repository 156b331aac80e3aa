from django.urls import path
from rest_framework.routers import DefaultRouter

from enrollments.api.views import (
    CohortViewSet,
    EnrollmentViewSet,
    ImportJobViewSet,
    LessonDoneView,
    StatementsView,
)

router = DefaultRouter()
router.register("cohorts", CohortViewSet, basename="cohort")
router.register("enrollments", EnrollmentViewSet, basename="enrollment")
router.register("imports", ImportJobViewSet, basename="import")

urlpatterns = [
    *router.urls,
    path("lessons/<uuid:translation_key>/done/", LessonDoneView.as_view(), name="lesson-done"),
    path("xapi/statements", StatementsView.as_view(), name="xapi-statements"),
]
