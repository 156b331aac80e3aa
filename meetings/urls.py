from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("cohorts/<uuid:public_id>/sessions/", views.cohort_meetings, name="cohort_meetings"),
    path("cohorts/<uuid:public_id>/sessions/new/", views.meeting_new, name="meeting_new"),
    path("sessions/<uuid:public_id>/", views.meeting, name="meeting"),
    path("sessions/<uuid:public_id>/edit/", views.meeting_edit, name="meeting_edit"),
    path("sessions/<uuid:public_id>/cancel/", views.cancel, name="cancel"),
    path("sessions/<uuid:public_id>/join/", views.join, name="join"),
    path("sessions/<uuid:public_id>/booking/", views.booking, name="booking"),
    path("sessions/<uuid:public_id>/calendar.ics", views.calendar_file, name="calendar_file"),
    path("sessions/<uuid:public_id>/check-in/", views.check_in, name="check_in"),
    path("sessions/<uuid:public_id>/check-in/screen/", views.check_in_screen, name="screen"),
    path("sessions/<uuid:public_id>/register/", views.register, name="register"),
    path("sessions/<uuid:public_id>/sign-in-sheet.pdf", views.sign_in_sheet, name="sheet"),
    path("calendar/", views.my_calendar, name="my_calendar"),
]
