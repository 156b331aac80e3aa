from django.urls import path
from rest_framework.routers import DefaultRouter

from meetings.api.views import AttendanceReportView, CalendarFeedView, MeetingViewSet

router = DefaultRouter()
router.register("sessions", MeetingViewSet, basename="session")

urlpatterns = [
    *router.urls,
    path("calendar/", CalendarFeedView.as_view(), name="calendar"),
    path(
        "cohorts/<uuid:public_id>/attendance/",
        AttendanceReportView.as_view(),
        name="cohort-attendance",
    ),
]
