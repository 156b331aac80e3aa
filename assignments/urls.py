from django.urls import path

from assignments import views

app_name = "assignments"
urlpatterns = [
    path(
        "lessons/<int:lesson_id>/assignments/<str:block_id>/",
        views.work,
        name="work",
    ),
    path("assignments/files/<str:token>/", views.attachment_file, name="file"),
    path("cohorts/<uuid:public_id>/assignments/", views.queue, name="queue"),
    path("assignments/<uuid:public_id>/review/", views.review_page, name="review"),
]
