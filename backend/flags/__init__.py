"""Flags raised on listings by the detector, members or rights holders."""
