from django.urls import path
from rest_framework.routers import DefaultRouter

from enrollments.api.views import (
    CohortViewSet,
    EnrollmentViewSet,
    ImportJobViewSet,
    LessonDoneView,
    StatementsView,
)
from enrollments.questionnaires.api import AttachView, QuestionnaireViewSet

router = DefaultRouter()
router.register("cohorts", CohortViewSet, basename="cohort")
router.register("enrollments", EnrollmentViewSet, basename="enrollment")
router.register("imports", ImportJobViewSet, basename="import")
router.register("questionnaires", QuestionnaireViewSet, basename="questionnaire")

urlpatterns = [
    *router.urls,
    path("lessons/<uuid:translation_key>/done/", LessonDoneView.as_view(), name="lesson-done"),
    path("xapi/statements", StatementsView.as_view(), name="xapi-statements"),
    path(
        "cohorts/<uuid:public_id>/questionnaires/",
        AttachView.as_view(),
        name="cohort-questionnaires",
    ),
]
