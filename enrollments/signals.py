from django.dispatch import Signal

# Sent once, when an enrollment becomes complete; the certificates app receives it.
# Arguments: enrollment (Enrollment).
enrollment_completed = Signal()

# Sent by `seed_demo` once the demo's editions exist, so apps above this one add their part.
# Arguments: created (collections.Counter of what was created, by name), by (User or None).
demo_seeded = Signal()

# Sent when an edition is run again from another (`enrollments.reruns.rerun`), inside its
# transaction, so apps above this one copy their part (sessions) shifted by `shift`.
# Arguments: source (Cohort), copy (Cohort), shift (datetime.timedelta), by (User).
edition_rerun = Signal()
