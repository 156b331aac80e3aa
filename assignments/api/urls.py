from django.urls import include, path

from assignments.api import views

HANDING_IN = [
    path("", views.AssignmentView.as_view(), name="assignment"),
    path("draft/", views.DraftView.as_view(), name="assignment-draft"),
    path("draft/files/", views.DraftFilesView.as_view(), name="assignment-draft-files"),
    path(
        "draft/files/<uuid:file_id>/", views.DraftFileView.as_view(), name="assignment-draft-file"
    ),
    path("submit/", views.SubmitView.as_view(), name="assignment-submit"),
]

urlpatterns = [
    path(
        "cohorts/<uuid:public_id>/submissions/",
        views.CohortSubmissionsView.as_view(),
        name="cohort-submissions",
    ),
    path("me/submissions/", views.MySubmissionsView.as_view(), name="my-submissions"),
    path("submissions/<uuid:public_id>/", views.SubmissionView.as_view(), name="submission"),
    path(
        "submissions/<uuid:public_id>/review/", views.ReviewView.as_view(), name="submission-review"
    ),
    # A learner's own work on one assignment (a block of a lesson).
    path("lessons/<int:lesson_id>/assignments/<str:block_id>/", include(HANDING_IN)),
]
