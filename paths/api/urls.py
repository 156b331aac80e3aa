from django.urls import path

from paths.api import views

urlpatterns = [
    path("paths/", views.PathListView.as_view(), name="paths"),
    path("paths/open/", views.OpenPathsView.as_view(), name="paths-open"),
    path("paths/<uuid:public_id>/enrol/", views.EnrolView.as_view(), name="path-enrol"),
    path("paths/<uuid:public_id>/join/", views.JoinView.as_view(), name="path-join"),
]
