"""Reports computed from the records: the transparency report (issue 17)."""
