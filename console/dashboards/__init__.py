"""Supervisor dashboards and the audit viewer (issue 18).

``window.py`` is the dashboards window (operations, enforcement and detection,
recalls); ``audit_viewer.py`` the audit viewer. Both fetch through the
console's task runner and draw with :mod:`widgets.charts`.
"""
