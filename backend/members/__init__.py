"""Marketplace members and their masked contact details."""
