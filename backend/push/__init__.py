"""Live updates: queue and listing changes pushed to consoles as server-sent events.

On PostgreSQL every change to ``queue_items`` and every listing status change
is announced by a trigger (``NOTIFY anzen_changes``, migration 0018) when its
transaction commits. Each ``serve`` process holds one connection that LISTENs
(:mod:`backend.push.hub`) and passes the changes to the consoles connected to
it (``GET /api/v1/events``, :mod:`backend.push.router`), so a change made
through one replica reaches consoles on every other within milliseconds.
Consoles keep polling as the fallback, and on SQLite (one bundled service,
one console) polling is all there is.
"""
