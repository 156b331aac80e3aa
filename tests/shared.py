"""Files the team shares beside the project (`../shared/`), such as a real H5P package.

They are used from there, never copied in. AULA_SHARED_DIR points elsewhere when the
project is cloned away from its usual place (a CI runner's scratch folder, say).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [
    *([Path(os.environ["AULA_SHARED_DIR"])] if os.environ.get("AULA_SHARED_DIR") else []),
    ROOT.parent / "shared",
    Path("/work/shared"),  # where the team's machines keep it
]


def shared_file(relative: str) -> Path:
    for folder in CANDIDATES:
        if (folder / relative).is_file():
            return folder / relative
    tried = ", ".join(str(folder) for folder in CANDIDATES)
    raise FileNotFoundError(f"{relative} is in none of {tried}: set AULA_SHARED_DIR.")


TRUE_FALSE_PACKAGE = shared_file("fixtures/h5p/true-false.h5p")


def downloaded(response) -> bytes:  # type: ignore[no-untyped-def]
    """The body of a download, whether it was streamed (CSV) or not (XLSX)."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def csv_text(response) -> str:  # type: ignore[no-untyped-def]
    """A CSV download as text; it must open in Excel as UTF-8, so it starts with a BOM."""
    body = downloaded(response)
    assert body.startswith("\ufeff".encode()), "CSV without a byte order mark"
    return body.decode("utf-8-sig")


def wait_for_idle_worker(timeout: float = 60) -> None:
    """Waits until the real Celery worker has nothing running, reserved or queued: a task a
    test set off (an e-mail after an import) must not still hold rows while the test's
    database is flushed (the flush would deadlock with it)."""
    import time

    from config.celery import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        inspect = app.control.inspect(timeout=1)
        busy = [
            task
            for found in (inspect.active() or {}, inspect.reserved() or {})
            for tasks in found.values()
            for task in tasks
        ]
        from amqp.exceptions import ChannelError

        with app.connection_for_read() as connection:
            try:
                queued = connection.default_channel.queue_declare(
                    queue=app.conf.task_default_queue, passive=True
                ).message_count
            except ChannelError:  # Redis drops an empty queue: nothing waits
                queued = 0
        if not busy and not queued:
            return
        time.sleep(0.3)
    raise AssertionError("The Celery worker was still busy after the test.")
