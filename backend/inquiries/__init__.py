"""Customer inquiries and their message threads."""
