from django.urls import path

from discussions import views

app_name = "discussions"

urlpatterns = [
    path("cohorts/<uuid:public_id>/discussions/", views.board, name="board"),
    path("cohorts/<uuid:public_id>/discussions/reports/", views.reports, name="reports"),
    path("discussions/<uuid:public_id>/", views.thread_page, name="thread"),
    path("discussions/<uuid:public_id>/moderate/", views.moderate, name="moderate"),
    path("discussions/posts/<uuid:public_id>/edit/", views.edit_post, name="edit"),
    path("discussions/posts/<uuid:public_id>/hide/", views.hide_post, name="hide"),
    path("discussions/posts/<uuid:public_id>/show/", views.show_post, name="show"),
    path("discussions/posts/<uuid:public_id>/delete/", views.delete_post, name="delete"),
    path("discussions/posts/<uuid:public_id>/report/", views.report_post, name="report"),
    path("discussions/<uuid:public_id>/follow/", views.follow, name="follow"),
    path("discussions/e-mails/", views.preferences, name="preferences"),
    path("discussions/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
