"""The Anzen desktop console: the Qt application staff work in.

It talks to the service only over HTTP, from worker threads; see
``console.client`` and ``console.tasks``.
"""
