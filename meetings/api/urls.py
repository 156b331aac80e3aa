from django.urls import path
from rest_framework.routers import DefaultRouter

from meetings.api.views import CalendarFeedView, MeetingViewSet

router = DefaultRouter()
router.register("sessions", MeetingViewSet, basename="session")

urlpatterns = [*router.urls, path("calendar/", CalendarFeedView.as_view(), name="calendar")]
