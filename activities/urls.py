from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("activities/", views.calendar, name="calendar"),
    path("activities/calendar.ics", views.calendar_feed, name="feed"),
    path("activities/manage/", views.manage, name="manage"),
    path("activities/new/", views.new, name="new"),
    path("activities/<uuid:public_id>/", views.detail, name="detail"),
    path("activities/<uuid:public_id>/apply/", views.apply, name="apply"),
    path("activities/<uuid:public_id>/edit/", views.edit, name="edit"),
    path("activities/<uuid:public_id>/publish/", views.publish, name="publish"),
]
