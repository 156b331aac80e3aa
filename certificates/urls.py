"""Learner-facing pages, under a language prefix: /es/verify/…"""

from django.urls import path

from certificates import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("certificates/<uuid:public_id>/revoke/", views.revoke, name="revoke"),
    path("certificates/<uuid:public_id>/correct/", views.correct, name="correct"),
    path("enrollments/<uuid:public_id>/certificate/", views.issue_by_hand, name="issue_by_hand"),
]
