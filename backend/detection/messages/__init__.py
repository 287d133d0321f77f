"""Screening messages between members (issue 21): contact details, off-platform
payment, cancel-to-relist and harassment, with the listing detector's machinery
(shared text reading, rules with reasons and spans, a learned model, thresholds)."""
