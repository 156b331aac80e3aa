"""Verifiable credentials for certificates: codes, keys, signing, Open Badges 3.0 and revocation
lists. Pure Python, no models: the services decide what to store."""
