from django.dispatch import Signal

# Sent once, when an enrollment becomes complete; the certificates app receives it.
# Arguments: enrollment (Enrollment).
enrollment_completed = Signal()
