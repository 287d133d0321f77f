"""Listings: reading, importing and the normalised keys recall matching uses."""
