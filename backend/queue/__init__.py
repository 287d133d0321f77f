"""The work queue over inquiries, open flags and appeals: claims (leases), next, shifts and handover."""
