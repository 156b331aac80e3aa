from django.urls import path

from nudges.api import views

urlpatterns = [
    path("cohorts/<uuid:public_id>/at-risk/", views.AtRiskView.as_view(), name="at-risk"),
    path("cohorts/<uuid:public_id>/messages/", views.MessagesView.as_view(), name="messages"),
    path("me/reminders/", views.PreferenceView.as_view(), name="my-reminders"),
]
