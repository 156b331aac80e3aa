from django.urls import path

from paths.api import views

urlpatterns = [
    path("paths/", views.PathListView.as_view(), name="paths"),
    path("paths/<uuid:public_id>/enrol/", views.EnrolView.as_view(), name="path-enrol"),
]
