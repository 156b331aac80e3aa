from django.urls import path

from nudges import views

app_name = "nudges"

urlpatterns = [
    path("cohorts/<uuid:public_id>/at-risk/", views.at_risk, name="at_risk"),
    path("reminders/", views.preferences, name="preferences"),
    path("reminders/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
