"""Measures certificate verification: the public API and page against a bare Django view.

Usage (with the real services, like bench/ingest.py):
    .venv/bin/python bench/verify.py [--requests 2000] [--clients 8] [--workers 4]

Needs at least one issued certificate (bench/issue_certificates.py makes a thousand); serves
the project with gunicorn on 127.0.0.1 and prints requests/s and p50/p99 for
GET /api/v1/certificates/verify/<code> the first time each code is asked (the answer is read
from the database and kept) and again (the kept answer), the verify page, and a bare view.
"""

from __future__ import annotations

import argparse
import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
PORT = 8766


def codes(count: int) -> list[str]:
    import django

    django.setup()
    from certificates.credentials import codes as code_format
    from certificates.models import Certificate

    found = list(Certificate.objects.issued().values_list("code", flat=True)[:count])
    if not found:
        sys.exit("No issued certificate: run bench/issue_certificates.py first.")
    return [code_format.display(code) for code in found]


def forget_answers(found: list[str]) -> None:
    """Starts from a cold cache: every code's kept answer goes, as a revocation would."""
    from certificates import verification
    from certificates.credentials import codes as code_format

    for code in found:
        verification.forget(code_format.parse(code))
    time.sleep(verification.TOMBSTONE_SECONDS + 1)  # the tombstones expire


def serve(workers: int) -> subprocess.Popen[bytes]:
    from bench.ingest import serve as start_gunicorn

    return start_gunicorn(
        workers,
        port=PORT,
        static=True,
        extra_env={
            "CERTIFICATE_SIGNING_KEY": os.environ.get("CERTIFICATE_SIGNING_KEY", "")
            or _throwaway_key(),
        },
    )


def _throwaway_key() -> str:
    # Verification never signs; production settings only insist that a key be configured.
    from certificates.credentials import keys

    return keys.generate_secret()


def load(paths: list[str], requests: int, clients: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    failures: list[str] = []

    def client(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine = []
        barrier.wait()
        for n in range(requests // clients):
            path = paths[(number + n) % len(paths)]
            start = time.perf_counter()
            connection.request("GET", path, headers={"Host": "localhost"})
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - start)
            if response.status != 200:
                failures.append(f"{path} answered {response.status}")
                return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        sys.exit(failures[0])
    return time.perf_counter() - started, latencies


def report(name: str, elapsed: float, latencies: list[float]) -> float:
    from bench.ingest import report as print_line

    return print_line(name, elapsed, latencies, width=40)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    args = parser.parse_args()
    found = codes(500)
    server = serve(args.workers)
    try:
        api = [f"/api/v1/certificates/verify/{code}" for code in found]
        page = [f"/es/verify/{code}/" for code in found]
        load(["/bench/bare"], args.clients * 5, args.clients)  # warm every worker
        forget_answers(found)
        print(f"{'endpoint':<40}{'requests':>8}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}")
        first = report(
            "GET …/verify/<code>, each code once",
            *load(api, len(api) - len(api) % args.clients, args.clients),
        )
        real = report("GET …/verify/<code>, asked again", *load(api, args.requests, args.clients))
        report("GET /es/verify/<code>/ (page)", *load(page, args.requests, args.clients))
        floor = report("bare Django view", *load(["/bench/bare"], args.requests, args.clients))
        print(
            f"ratio: the verify API runs at {100 * real / floor:.0f}% of the bare view's rate "
            f"({100 * first / floor:.0f}% the first time a code is asked)"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
