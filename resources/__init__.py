"""Icons and stylesheets, shipped as package data."""
