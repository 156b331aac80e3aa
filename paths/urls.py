from django.urls import path

from paths import views

app_name = "paths"

urlpatterns = [
    path("paths/", views.path_list, name="list"),
    path("paths/new/", views.path_form, name="new"),
    path("paths/open/", views.open_paths, name="open"),
    path("paths/<uuid:public_id>/join/", views.join, name="join"),
    path("paths/<uuid:public_id>/", views.path_page, name="detail"),
    path("paths/<uuid:public_id>/edit/", views.path_form, name="edit"),
]
