from django.urls import path

from enrollments import admission_views, report_views, views
from enrollments.questionnaires import views as questionnaire_views

app_name = "enrollments"

urlpatterns = [
    path("my-courses/", views.my_courses, name="my_courses"),
    path("cohorts/<uuid:public_id>/enroll/", views.enroll, name="enroll"),
    path("cohorts/<uuid:public_id>/roster/", views.roster, name="roster"),
    path("cohorts/<uuid:public_id>/admission/", admission_views.admission, name="admission"),
    path("editions/new/", views.edition_new, name="edition_new"),
    path("cohorts/<uuid:public_id>/import/", views.import_form, name="import_form"),
    path("imports/<uuid:public_id>/", views.import_job, name="import_job"),
    path("imports/<uuid:public_id>/confirm/", views.import_confirm, name="import_confirm"),
    path("cohorts/<uuid:public_id>/edit/", views.edition_edit, name="edition_edit"),
    path("cohorts/<uuid:public_id>/rerun/", views.rerun, name="rerun"),
    path("cohorts/<uuid:public_id>/release/", views.release, name="release"),
    path("enrollments/<uuid:public_id>/", views.record, name="record"),
    path("enrollments/<uuid:public_id>/complete/", views.complete_by_hand, name="complete_by_hand"),
    path("enrollments/<uuid:public_id>/withdraw/", views.withdraw, name="withdraw"),
    path("enrollments/<uuid:public_id>/admit/", views.admit, name="admit"),
    path("cohorts/<uuid:public_id>/invite/", views.invite_from_roster, name="invite"),
    path("invitations/<int:pk>/resend/", views.resend_invitation, name="resend_invitation"),
    path("invitations/<int:pk>/cancel/", views.cancel_invitation, name="cancel_invitation"),
    path(
        "cohorts/<uuid:public_id>/questionnaires/new/",
        questionnaire_views.attach,
        name="attach_questionnaire",
    ),
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
    path(
        "questionnaire-templates/",
        questionnaire_views.template_list,
        name="questionnaire_templates",
    ),
    path(
        "questionnaire-templates/new/",
        questionnaire_views.template_edit,
        name="new_questionnaire_template",
    ),
    path(
        "questionnaire-templates/<uuid:public_id>/",
        questionnaire_views.template_edit,
        name="questionnaire_template",
    ),
    path(
        "questionnaire-templates/<uuid:public_id>/delete/",
        questionnaire_views.template_delete,
        name="delete_questionnaire_template",
    ),
]
