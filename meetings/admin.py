from django.contrib import admin

from meetings.models import Attendance, Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "cohort", "kind", "starts_at", "cancelled_at"]
    list_filter = ["kind"]
    search_fields = ["title"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["meeting", "enrollment", "status", "changed_at"]
    list_filter = ["status"]
