from django.urls import path

from assignments.api import views

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
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/",
        views.AssignmentView.as_view(),
        name="assignment",
    ),
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/draft/",
        views.DraftView.as_view(),
        name="assignment-draft",
    ),
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/draft/files/",
        views.DraftFilesView.as_view(),
        name="assignment-draft-files",
    ),
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/draft/files/<uuid:file_id>/",
        views.DraftFileView.as_view(),
        name="assignment-draft-file",
    ),
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/submit/",
        views.SubmitView.as_view(),
        name="assignment-submit",
    ),
]
