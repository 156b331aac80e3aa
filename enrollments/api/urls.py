from django.urls import path
from rest_framework.routers import DefaultRouter

from enrollments.api.admission import AdmissionView
from enrollments.api.reports import CohortReportView, DelegationReportView, OpenFiguresView
from enrollments.api.views import (
    CohortViewSet,
    EnrollmentViewSet,
    ImportJobViewSet,
    LessonDoneView,
)
from enrollments.questionnaires.api import (
    AttachView,
    QuestionnaireTemplateViewSet,
    QuestionnaireViewSet,
)

router = DefaultRouter()
router.register("cohorts", CohortViewSet, basename="cohort")
router.register("enrollments", EnrollmentViewSet, basename="enrollment")
router.register("imports", ImportJobViewSet, basename="import")
router.register("questionnaires", QuestionnaireViewSet, basename="questionnaire")
router.register(
    "questionnaire-templates", QuestionnaireTemplateViewSet, basename="questionnaire-template"
)

urlpatterns = [
    *router.urls,
    path("cohorts/<uuid:public_id>/admission/", AdmissionView.as_view(), name="cohort-admission"),
    path("lessons/<uuid:translation_key>/done/", LessonDoneView.as_view(), name="lesson-done"),
    path(
        "cohorts/<uuid:public_id>/questionnaires/",
        AttachView.as_view(),
        name="cohort-questionnaires",
    ),
    path("cohorts/<uuid:public_id>/report/", CohortReportView.as_view(), name="cohort-report"),
    path("reports/delegation/", DelegationReportView.as_view(), name="delegation-report"),
    path("reports/open/", OpenFiguresView.as_view(), name="open-figures"),
]
