"""The work queue over inquiries, open flags and appeals: claims (leases), next, shifts and handover.

Importing the package installs the ORM mirror (``sources``), so every process
that loads the models — service, CLI, seeding — keeps ``queue_items`` in step.
"""

from backend.queue import sources as sources
