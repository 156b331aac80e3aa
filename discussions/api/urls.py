from django.urls import path

from discussions.api import views

urlpatterns = [
    path("cohorts/<uuid:public_id>/threads/", views.ThreadListView.as_view(), name="threads"),
    path("threads/<uuid:public_id>/", views.ThreadView.as_view(), name="thread"),
    path("threads/<uuid:public_id>/posts/", views.ThreadPostsView.as_view(), name="thread-posts"),
    path(
        "threads/<uuid:public_id>/moderate/",
        views.ModerateThreadView.as_view(),
        name="thread-moderate",
    ),
    path("posts/<uuid:public_id>/", views.PostView.as_view(), name="post"),
    path("posts/<uuid:public_id>/hide/", views.HidePostView.as_view(), name="post-hide"),
    path("posts/<uuid:public_id>/report/", views.ReportPostView.as_view(), name="post-report"),
    path("posts/<uuid:public_id>/show/", views.ShowPostView.as_view(), name="post-show"),
    path(
        "posts/<uuid:public_id>/dismiss-reports/",
        views.DismissReportsView.as_view(),
        name="post-dismiss-reports",
    ),
    path(
        "cohorts/<uuid:public_id>/reported-posts/",
        views.ReportedPostsView.as_view(),
        name="reported-posts",
    ),
]
