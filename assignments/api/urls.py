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
]
