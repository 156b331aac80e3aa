"""Prepared statements for the hottest SQL (one xAPI statement, the token look-up).

Django binds parameters on the client, so PostgreSQL parses and plans every query anew; for a
statement of a few data-modifying CTEs, planning took longer than running it (0.4 against
0.36 ms: `EXPLAIN ANALYZE`). `prepared_cursor()` binds on the server and prepares the SQL on its
first use on a connection: later executions skip parsing and, once PostgreSQL settles on a
generic plan, planning. The SQL must type its parameters (`%s::uuid`): a server-side parameter
has no type of its own. Statements are kept per connection (`CONN_MAX_AGE`); psycopg forgets
them on a rollback and prepares again.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.utils import CursorWrapper

# psycopg prepares only when the connection has a threshold; Django's default is None (never).
# Django's own cursors bind on the client and never prepare whatever the threshold: only the
# cursors below do, and they always prepare.
PREPARE_THRESHOLD = 1_000_000


@functools.cache
def _prepared_class() -> Any:
    """Defined once (a class statement per call cost a tenth of a millisecond)."""
    import psycopg

    class Prepared(psycopg.Cursor[Any]):
        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            return super().execute(query, params, prepare=True)

    return Prepared


def prepared_cursor(using: str = DEFAULT_DB_ALIAS) -> CursorWrapper:
    """A cursor whose SQL PostgreSQL prepares once per connection; Django's cursor on any
    other database. Django's wrapper stays around it: queries are counted and logged as any."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return connection.cursor()
    import psycopg
    from django.db.backends.postgresql.psycopg_any import register_tzloader
    from psycopg.pq import Format

    Prepared = _prepared_class()
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    if raw.prepare_threshold is None:
        raw.prepare_threshold = PREPARE_THRESHOLD
    with connection.wrap_database_errors:
        cursor = Prepared(raw)
    # As Django's cursors do: timestamps in Django's time zone where the connection's differs.
    loader = raw.adapters.get_loader(psycopg.adapters.types["timestamptz"].oid, Format.TEXT)
    if loader is not None and connection.timezone != getattr(loader, "timezone", None):
        register_tzloader(connection.timezone, cursor)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)  # type: ignore[arg-type]
    return connection.make_cursor(cursor)  # type: ignore[arg-type]
