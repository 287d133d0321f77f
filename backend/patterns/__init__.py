"""Transaction patterns that suggest fraud, computed in SQL (issue 21)."""
