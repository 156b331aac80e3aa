"""Who is asking: the client's address, also behind a reverse proxy.

Throttles count per address. Behind a proxy every request comes from the proxy's address, so one
office's (or the whole world's) look-ups would share a counter. With `TRUSTED_PROXIES` set (the
proxies' addresses or networks), a request from one of them is counted by the address the proxy
reports in `CLIENT_ADDRESS_HEADER` (X-Forwarded-For by default): the right-most address in it
that is not itself a trusted proxy, so a client cannot choose its own by sending the header.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    try:
        return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(remote, networks):
        return remote
    header = "HTTP_" + settings.CLIENT_ADDRESS_HEADER.upper().replace("-", "_")
    chain = [part.strip() for part in str(request.META.get(header, "")).split(",")]
    for address in reversed([part for part in chain if part]):
        if _is_trusted(address, networks):
            continue
        try:
            return str(ipaddress.ip_address(address))
        except ValueError:
            return remote  # a garbled header: count the proxy, never a made-up name
    return remote
