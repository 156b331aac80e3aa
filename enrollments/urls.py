from django.urls import path

from enrollments import report_views, views
from enrollments.questionnaires import views as questionnaire_views

app_name = "enrollments"

urlpatterns = [
    path("my-courses/", views.my_courses, name="my_courses"),
    path("cohorts/<uuid:public_id>/enroll/", views.enroll, name="enroll"),
    path("cohorts/<uuid:public_id>/roster/", views.roster, name="roster"),
    path("cohorts/<uuid:public_id>/report/", report_views.cohort_report, name="cohort_report"),
    path("reports/", report_views.delegation_report, name="reports"),
    path("figures/", report_views.open_figures, name="figures"),
    path("lessons/<uuid:translation_key>/done/", views.lesson_done, name="lesson_done"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("questionnaires/<uuid:public_id>/", questionnaire_views.answer, name="questionnaire"),
    path(
        "questionnaires/<uuid:public_id>/results/",
        questionnaire_views.results_page,
        name="questionnaire_results",
    ),
]
