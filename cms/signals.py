from django.dispatch import Signal

# Sent when a signed-in person opens a lesson page; enrolments record the view.
# Arguments: lesson (LessonPage, as served, maybe a translation), user.
lesson_viewed = Signal()
