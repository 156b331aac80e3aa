from django.dispatch import Signal

# Higher apps add their part of a person's data: receivers return (section, data).
# Arguments: user (User).
personal_data_requested = Signal()

# Sent inside the erasure's transaction, before the account itself is anonymised: receivers
# erase or detach what they hold about the person, keeping aggregates and issued certificates.
# Arguments: user (User).
account_erasing = Signal()
